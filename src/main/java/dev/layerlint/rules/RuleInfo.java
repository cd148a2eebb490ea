package dev.layerlint.rules;

import dev.layerlint.report.ChecklistItem;
import dev.layerlint.report.Severity;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A rule's metadata, written beside the rule class. {@code docs/rules/<id>.md} is generated from it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleInfo {

    /** Stable id, UpperCamelCase, used in reports, configuration and suppressions. */
    String id();

    /** Default severity; users may change it per rule. */
    Severity severity();

    /** The checklist item the rule enforces: none or one. */
    ChecklistItem[] checklist() default {};

    /** One line: what the rule finds. */
    String summary();

    /** Why it matters, in a short paragraph (Markdown). */
    String description();

    /** An example that triggers the rule. */
    String bad();

    /** The fixed example, which does not trigger the rule. */
    String good();

    /** Ids of the same check in other tools (hadolint {@code DL3009}, BuildKit {@code JSONArgsRecommended}). */
    String[] aliases() default {};
}
