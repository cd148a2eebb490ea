package dev.layerlint.dockerfile;

/**
 * A heredoc opened by a RUN, COPY or ADD instruction.
 *
 * @param name      the delimiter word, without quotes
 * @param chomp     {@code <<-}: leading tabs are stripped from the body and the delimiter line
 * @param expand    the delimiter was unquoted, so variables in the body are expanded
 * @param content   the body, each line ending in {@code \n}; the delimiter line is not included
 * @param firstLine the 1-based line of the body's first line
 * @param lastLine  the 1-based line of the delimiter that closes the heredoc
 */
public record Heredoc(String name, boolean chomp, boolean expand, String content, int firstLine, int lastLine) {

    /** The body with leading tabs removed on every line when {@link #chomp()} is set. */
    public String effectiveContent() {
        return chomp ? content.replaceAll("(?m)^\t+", "") : content;
    }
}
