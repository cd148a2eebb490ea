package dev.layerlint.image;

import java.util.Objects;
import java.util.Optional;

/**
 * What a look inside a large {@code .jar} of a layer found, read from the zip's entries as the layer streamed past.
 *
 * @param path              the jar's path in the layer
 * @param size              its size in bytes
 * @param kind              whether it holds its dependencies, as far as the entries read tell
 * @param nestedJars        the {@code *.jar} entries seen inside it (it may hold more: reading stops once decided)
 * @param mergedArtifacts   the Maven artifacts whose {@code META-INF/maven/…/pom.properties} were seen inside it
 * @param springBootVersion the {@code Spring-Boot-Version} of its manifest, when it has one
 */
public record JarLayout(String path, long size, Kind kind, int nestedJars, int mergedArtifacts,
        Optional<String> springBootVersion) {

    /** Files named {@code *.jar} of at least this many bytes are looked into unless configured otherwise (10 MB). */
    public static final long DEFAULT_THRESHOLD = 10_000_000L;

    public JarLayout {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(springBootVersion, "springBootVersion");
    }

    /** What the jar is. */
    public enum Kind {
        /** A Spring Boot executable jar: its dependencies are nested jars under {@code BOOT-INF/lib/}. */
        SPRING_BOOT,
        /** At least ten other jars nested in it: its dependencies travel inside it. */
        NESTED_JARS,
        /**
         * A shaded or assembled jar: the classes of at least five Maven artifacts merged into it, each leaving its
         * {@code META-INF/maven/GROUP/ARTIFACT/pom.properties}.
         */
        MERGED,
        /** Read to its end: none of these. */
        PLAIN,
        /** Not decided: not a readable zip, cut short, or more entries than are read. */
        UNDECIDED
    }

    /** Whether the jar carries its dependencies inside it. */
    public boolean holdsDependencies() {
        return kind == Kind.SPRING_BOOT || kind == Kind.NESTED_JARS || kind == Kind.MERGED;
    }
}
