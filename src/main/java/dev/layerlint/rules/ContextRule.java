package dev.layerlint.rules;

/** A rule that reads a build context: what {@code docker build} sends, and the Dockerfile that copies from it. */
public interface ContextRule extends Rule {

    /** Reports problems through {@link ContextRuleContext#report}; never throws on valid input. */
    void check(ContextRuleContext context);
}
