package dev.layerlint.fix;

import java.util.ArrayList;
import java.util.List;

/**
 * The text of a Dockerfile as written, with where each line starts, so that edits found on the parser's lines and
 * columns land on the exact characters: a byte order mark, CRLF line ends and a missing final line break are kept.
 */
final class SourceText {

    private final String content;
    private final List<Integer> lineStarts;

    SourceText(String content) {
        this.content = content;
        List<Integer> starts = new ArrayList<>();
        int start = content.startsWith("\uFEFF") ? 1 : 0;
        starts.add(start);
        for (int i = start; i < content.length(); i++) {
            if (content.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        this.lineStarts = List.copyOf(starts);
    }

    String content() {
        return content;
    }

    /** The number of lines, a last line without a line break included. */
    int lineCount() {
        int count = lineStarts.size();
        return lineStarts.get(count - 1) == content.length() ? count - 1 : count;
    }

    /** Offset of the first character of 1-based {@code line}. */
    int lineStart(int line) {
        return lineStarts.get(line - 1);
    }

    /** The 1-based line without its line break ({@code \r\n} or {@code \n}). */
    String line(int line) {
        int start = lineStart(line);
        int end = line < lineStarts.size() ? lineStarts.get(line) - 1 : content.length();
        if (end > start && content.charAt(end - 1) == '\r') {
            end--;
        }
        return content.substring(start, end);
    }

    /** The text of lines {@code first} to {@code last}, line breaks included. */
    String lines(int first, int last) {
        int end = last < lineStarts.size() ? lineStarts.get(last) : content.length();
        return content.substring(lineStart(first), end);
    }

    /** The line break the file uses: {@code \r\n} when its first line ends so, else {@code \n}. */
    String lineBreak() {
        int first = content.indexOf('\n');
        return first > 0 && content.charAt(first - 1) == '\r' ? "\r\n" : "\n";
    }
}
