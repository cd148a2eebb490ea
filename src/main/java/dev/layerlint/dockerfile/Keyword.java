package dev.layerlint.dockerfile;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The Dockerfile instructions BuildKit knows, with the flags each one accepts. */
public enum Keyword {
    ADD(Set.of("chown", "chmod", "link", "keep-git-dir", "checksum", "exclude", "unpack")),
    ARG(Set.of()),
    CMD(Set.of()),
    COPY(Set.of("from", "chown", "chmod", "link", "parents", "exclude")),
    ENTRYPOINT(Set.of()),
    ENV(Set.of()),
    EXPOSE(Set.of()),
    FROM(Set.of("platform")),
    HEALTHCHECK(Set.of("interval", "timeout", "start-period", "start-interval", "retries")),
    LABEL(Set.of()),
    MAINTAINER(Set.of()),
    ONBUILD(Set.of()),
    RUN(Set.of("mount", "network", "security", "device")),
    SHELL(Set.of()),
    STOPSIGNAL(Set.of()),
    USER(Set.of()),
    VOLUME(Set.of()),
    WORKDIR(Set.of());

    private final Set<String> flags;

    Keyword(Set<String> flags) {
        this.flags = flags;
    }

    /** Flag names (without {@code --}) this instruction accepts. */
    public Set<String> flags() {
        return flags;
    }

    /** Instructions whose arguments may open heredocs. */
    public boolean acceptsHeredocs() {
        return this == RUN || this == COPY || this == ADD;
    }

    public static Optional<Keyword> of(String word) {
        try {
            return Optional.of(valueOf(word.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
