package dev.layerlint.fix;

import dev.layerlint.dockerfile.Instruction;

import java.util.Optional;

/**
 * The arguments of one instruction as the parser joined them from the source lines (continuation lines joined,
 * comment and blank lines inside dropped), with the offset in the file of each of their characters: an edit found in
 * the arguments, such as a word of a RUN script, lands where that word is written, whatever the indentation,
 * continuation style or escape character.
 *
 * @param text    the arguments, equal to {@link Instruction#arguments()}
 * @param offsets for each character of {@code text}, its offset in the file
 */
record LogicalLine(String text, int[] offsets) {

    /** The file offset of the character at {@code index} of the arguments. */
    int offset(int index) {
        return offsets[index];
    }

    /** The file offset just after the character before {@code index} (where an insertion after it goes). */
    int offsetAfter(int index) {
        return offsets[index - 1] + 1;
    }

    /** True when a comment or blank line sits between the characters at {@code from} and {@code to}. */
    boolean linesDroppedBetween(SourceText source, int from, int to) {
        String between = source.content().substring(offsets[from], offsets[to]);
        for (String line : between.split("\n", -1)) {
            String stripped = line.strip();
            if (stripped.startsWith("#")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The arguments of {@code instruction} mapped onto the file; empty when the joined lines do not give the parser's
     * arguments (then no edit is attempted).
     */
    static Optional<LogicalLine> of(SourceText source, Instruction instruction, char escape) {
        StringBuilder text = new StringBuilder();
        IntList offsets = new IntList();
        int lineNumber = instruction.line();
        String first = source.line(lineNumber);
        int firstStart = leadingBlanks(first);
        boolean ended = append(text, offsets, first, firstStart, source.lineStart(lineNumber), escape);
        while (!ended && lineNumber < source.lineCount()) {
            lineNumber++;
            String raw = source.line(lineNumber);
            String content = raw.substring(leadingBlanks(raw));
            if (content.startsWith("#") || content.isEmpty()) {
                continue;
            }
            ended = append(text, offsets, raw, 0, source.lineStart(lineNumber), escape);
        }
        String joined = text.toString();
        String arguments = instruction.arguments();
        int start = joined.stripTrailing().length() - arguments.length();
        if (arguments.isEmpty() || start < 0 || !joined.startsWith(arguments, start)) {
            return Optional.empty();
        }
        int[] mapped = new int[arguments.length()];
        System.arraycopy(offsets.values, start, mapped, 0, arguments.length());
        return Optional.of(new LogicalLine(arguments, mapped));
    }

    /** Appends the line from {@code from}; false when it ends in the escape character (the instruction goes on). */
    private static boolean append(StringBuilder text, IntList offsets, String line, int from, int lineStart, char escape) {
        int end = line.length();
        while (end > from && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t')) {
            end--;
        }
        boolean continued = end > from && line.charAt(end - 1) == escape;
        int stop = continued ? end - 1 : line.length();
        for (int i = from; i < stop; i++) {
            text.append(line.charAt(i));
            offsets.add(lineStart + i);
        }
        return !continued;
    }

    private static int leadingBlanks(String line) {
        int i = 0;
        while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        return i;
    }

    /** A growing array of ints. */
    private static final class IntList {
        private int[] values = new int[256];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }
    }
}
