package dev.layerlint.dockerfile;

import java.util.Locale;
import java.util.Optional;

/**
 * An image reference as written after {@code FROM} (after variable expansion), split the way
 * Docker splits references: {@code [registry/]path[:tag][@digest]}.
 *
 * @param text       the whole reference
 * @param registry   the registry host when the first component names one ({@code ghcr.io}, {@code localhost:5000})
 * @param repository the repository path without registry, e.g. {@code library/python} is given as {@code python}
 * @param tag        the tag, if any
 * @param digest     the digest ({@code sha256:…}), if any
 */
public record ImageRef(String text, Optional<String> registry, String repository, Optional<String> tag,
        Optional<String> digest) {

    public static ImageRef parse(String text) {
        String rest = text;
        Optional<String> digest = Optional.empty();
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = Optional.of(rest.substring(at + 1));
            rest = rest.substring(0, at);
        }
        Optional<String> tag = Optional.empty();
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = Optional.of(rest.substring(colon + 1));
            rest = rest.substring(0, colon);
        }
        Optional<String> registry = Optional.empty();
        int slash = rest.indexOf('/');
        if (slash > 0) {
            String first = rest.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                registry = Optional.of(first);
                rest = rest.substring(slash + 1);
            }
        }
        if (registry.map(r -> r.equals("docker.io") || r.equals("index.docker.io")).orElse(false)) {
            registry = Optional.empty();
        }
        if (registry.isEmpty() && rest.startsWith("library/")) {
            rest = rest.substring("library/".length());
        }
        return new ImageRef(text, registry, rest.toLowerCase(Locale.ROOT), tag, digest);
    }

    /** {@code scratch}, the empty image. */
    public boolean isScratch() {
        return registry.isEmpty() && repository.equals("scratch") && tag.isEmpty() && digest.isEmpty();
    }

    /** The last path component of the repository: {@code python} for {@code docker.io/library/python}. */
    public String name() {
        return repository.substring(repository.lastIndexOf('/') + 1);
    }

    /** True when the reference still contains an unexpanded variable (an ARG without default). */
    public boolean hasUnresolvedVariable() {
        return text.contains("$");
    }
}
