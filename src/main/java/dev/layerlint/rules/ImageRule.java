package dev.layerlint.rules;

/** A rule that reads a built image: its config, its layers' files, and which Dockerfile line made each layer. */
public interface ImageRule extends Rule {

    /** Reports problems through {@link ImageRuleContext#report}; never throws on a readable image. */
    void check(ImageRuleContext context);
}
