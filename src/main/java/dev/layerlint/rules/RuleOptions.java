package dev.layerlint.rules;

import java.util.List;
import java.util.Set;

/**
 * Lists that rules consult, configurable per module.
 *
 * @param trustedRegistries registries base images may come from; empty means any registry
 */
public record RuleOptions(List<String> trustedRegistries) {

    public static final RuleOptions DEFAULTS = new RuleOptions(List.of());

    public RuleOptions {
        trustedRegistries = List.copyOf(trustedRegistries);
    }

    public Set<String> trustedRegistrySet() {
        return Set.copyOf(trustedRegistries);
    }
}
