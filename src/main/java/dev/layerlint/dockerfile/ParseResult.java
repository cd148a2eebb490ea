package dev.layerlint.dockerfile;

/** What parsing a Dockerfile gives: the syntax tree, or the reason BuildKit would reject the file. */
public sealed interface ParseResult {

    /** The file as shown in findings. */
    String path();

    record Success(Dockerfile dockerfile) implements ParseResult {
        @Override
        public String path() {
            return dockerfile.path();
        }
    }

    record Failure(String path, ParseError error) implements ParseResult {
    }
}
