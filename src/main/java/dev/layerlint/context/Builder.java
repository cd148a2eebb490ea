package dev.layerlint.context;

/**
 * The Docker builder whose behaviour a context analysis reproduces. The two agree on how patterns
 * match; they differ in which ignore file they read and in when an excluded directory is skipped
 * without looking inside.
 */
public enum Builder {

    /**
     * BuildKit (the default since Docker 23, {@code docker buildx build}): reads
     * {@code <Dockerfile name>.dockerignore} beside the Dockerfile when present, else
     * {@code .dockerignore} at the context root. An excluded directory is skipped unless an exception
     * names a path inside it; when any exception contains a wildcard ({@code * ? [ ] ^ \} before an
     * optional trailing {@code /*} or {@code /**}), no directory is skipped and every path is matched.
     */
    BUILDKIT,

    /**
     * The classic builder ({@code DOCKER_BUILDKIT=0}): reads only {@code .dockerignore} at the
     * context root. An excluded directory is skipped unless the text of an exception starts with the
     * directory's path and a {@code /}; an exception with a wildcard before that point, such as
     * {@code !**}{@code /keep.txt}, re-includes nothing inside a skipped directory. When the patterns
     * exclude the Dockerfile or {@code .dockerignore}, the client appends an exception for it (which can
     * keep its directory from being skipped) and the daemon deletes the file after reading it.
     */
    CLASSIC
}
