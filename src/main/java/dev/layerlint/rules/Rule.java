package dev.layerlint.rules;

/** Common face of every rule, whatever it inspects: its metadata comes from {@link RuleInfo}. */
public interface Rule {

    default RuleInfo info() {
        return RuleInfos.of(getClass());
    }

    default String id() {
        return info().id();
    }
}
