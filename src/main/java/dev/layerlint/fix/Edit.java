package dev.layerlint.fix;

import java.util.Comparator;
import java.util.List;

/**
 * A change to a Dockerfile's text: the characters from {@code start} to {@code end} (offsets in the file's text)
 * replaced by {@code replacement}; an insertion when both are equal.
 */
record Edit(int start, int end, String replacement) {

    Edit {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("an edit runs from start to end: " + start + ".." + end);
        }
    }

    static Edit insert(int at, String text) {
        return new Edit(at, at, text);
    }

    /** The text with the edits made; they must not overlap (two insertions at one offset keep their order). */
    static String apply(String text, List<Edit> edits) {
        List<Edit> sorted = edits.stream().sorted(Comparator.comparingInt(Edit::start).thenComparingInt(Edit::end)).toList();
        StringBuilder out = new StringBuilder(text.length() + 64);
        int at = 0;
        for (Edit edit : sorted) {
            if (edit.start() < at) {
                throw new IllegalArgumentException("overlapping edits at offset " + edit.start());
            }
            out.append(text, at, edit.start()).append(edit.replacement());
            at = edit.end();
        }
        return out.append(text, at, text.length()).toString();
    }
}
