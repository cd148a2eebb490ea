package dev.layerlint.rules;

import java.util.Objects;

/** Common face of every rule, whatever it inspects: its metadata comes from {@link RuleInfo}. */
public interface Rule {

    default RuleInfo info() {
        return Objects.requireNonNull(getClass().getAnnotation(RuleInfo.class),
                () -> getClass().getName() + " lacks @RuleInfo");
    }

    default String id() {
        return info().id();
    }
}
