package dev.layerlint.context;

import java.util.Objects;

/**
 * A symbolic link sent with the build context. Docker copies it as a link; layerlint never follows it.
 *
 * @param path           relative to the context root, {@code /} separators
 * @param target         the link's target as stored in the link
 * @param leavesContext  whether the target is absolute or climbs out of the context directory
 */
public record ContextLink(String path, String target, boolean leavesContext) {

    public ContextLink {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(target, "target");
    }
}
