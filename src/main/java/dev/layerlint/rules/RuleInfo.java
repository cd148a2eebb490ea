package dev.layerlint.rules;

import dev.layerlint.report.ChecklistItem;
import dev.layerlint.report.Severity;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A rule's metadata, written beside the rule class. Its examples are Dockerfiles beside it on the
 * class path, {@code <Id>.bad.Dockerfile} and {@code <Id>.good.Dockerfile} (see {@link RuleExamples});
 * {@code docs/rules/<id>.md} is generated from both, and tests lint both.
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

    /** Ids of the same check in other tools (hadolint {@code DL3009}, BuildKit {@code JSONArgsRecommended}). */
    String[] aliases() default {};
}
