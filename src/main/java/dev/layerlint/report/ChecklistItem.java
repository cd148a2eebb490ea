package dev.layerlint.report;

/**
 * The items of the layer best-practice checklist that every rule traces back to
 * ("Checklist for Optimal Layers").
 */
public enum ChecklistItem {
    MULTI_STAGE("Multi-stage build implemented (builder + runtime)"),
    SLIM_BASE("Base image uses -slim or -alpine variant"),
    DOCKERIGNORE(".dockerignore file created (excludes tests, docs, .git)"),
    DEPENDENCIES_BEFORE_CODE("Dependencies installed before copying code"),
    NO_CACHE("--no-cache-dir flags used for package managers"),
    CLEANUP_SAME_RUN("System packages cleaned up in same RUN command"),
    PRODUCTION_DEPENDENCIES("Only production dependencies installed in runtime stage"),
    NON_ROOT("Non-root user created for security"),
    HEALTH_CHECK("Health check added (for services with HTTP endpoints)"),
    COMBINE_RUNS("Related RUN commands combined with &&"),
    TAGGED("Image tagged with version/commit hash");

    private final String text;

    ChecklistItem(String text) {
        this.text = text;
    }

    /** The checklist line, as written in the checklist. */
    public String text() {
        return text;
    }
}
