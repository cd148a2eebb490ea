package dev.layerlint.rules;

/** A rule that reads a parsed Dockerfile. */
public interface DockerfileRule extends Rule {

    /** Reports problems through {@link DockerfileRuleContext#report}; never throws on valid input. */
    void check(DockerfileRuleContext context);
}
