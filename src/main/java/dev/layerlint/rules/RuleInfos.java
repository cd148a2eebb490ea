package dev.layerlint.rules;

import java.util.Objects;

/** The {@link RuleInfo} of each rule class, read once: rules report it with every finding. */
final class RuleInfos {

    private static final ClassValue<RuleInfo> INFO = new ClassValue<>() {
        @Override
        protected RuleInfo computeValue(Class<?> type) {
            return Objects.requireNonNull(type.getAnnotation(RuleInfo.class), () -> type.getName() + " lacks @RuleInfo");
        }
    };

    private RuleInfos() {
    }

    static RuleInfo of(Class<?> ruleClass) {
        return INFO.get(ruleClass);
    }
}
