package dev.layerlint.fix;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines two texts differ in, as a unified diff ({@code diff -u}, three lines of context), and for each line of the
 * new text the line of the old text it stands at.
 */
public final class LineDiff {

    /** Above this many cells the middle is taken as replaced whole instead of being compared line by line. */
    private static final long MAX_CELLS = 16_000_000L;
    private static final int CONTEXT = 3;

    private enum Kind { EQUAL, DELETE, INSERT }

    private record Op(Kind kind, int oldIndex, int newIndex) {
    }

    private final List<String> oldLines;
    private final List<String> newLines;
    private final List<Op> ops;

    public LineDiff(String oldText, String newText) {
        this.oldLines = lines(oldText);
        this.newLines = lines(newText);
        this.ops = compare(oldLines, newLines);
    }

    /** Lines with their line break ({@code \n}, {@code \r\n}); a last line may lack one. */
    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    private static List<Op> compare(List<String> a, List<String> b) {
        int prefix = 0;
        while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.size() - prefix && suffix < b.size() - prefix
                && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
            suffix++;
        }
        List<Op> ops = new ArrayList<>();
        for (int i = 0; i < prefix; i++) {
            ops.add(new Op(Kind.EQUAL, i, i));
        }
        int n = a.size() - prefix - suffix;
        int m = b.size() - prefix - suffix;
        if ((long) n * m > MAX_CELLS) {
            for (int i = 0; i < n; i++) {
                ops.add(new Op(Kind.DELETE, prefix + i, -1));
            }
            for (int j = 0; j < m; j++) {
                ops.add(new Op(Kind.INSERT, -1, prefix + j));
            }
        } else {
            int[][] lcs = new int[n + 1][m + 1];
            for (int i = n - 1; i >= 0; i--) {
                for (int j = m - 1; j >= 0; j--) {
                    lcs[i][j] = a.get(prefix + i).equals(b.get(prefix + j)) ? lcs[i + 1][j + 1] + 1
                            : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
                }
            }
            int i = 0;
            int j = 0;
            while (i < n || j < m) {
                if (i < n && j < m && a.get(prefix + i).equals(b.get(prefix + j))) {
                    ops.add(new Op(Kind.EQUAL, prefix + i++, prefix + j++));
                } else if (j < m && (i == n || lcs[i][j + 1] > lcs[i + 1][j])) {
                    ops.add(new Op(Kind.INSERT, -1, prefix + j++));
                } else {
                    ops.add(new Op(Kind.DELETE, prefix + i++, -1));
                }
            }
        }
        for (int k = suffix; k > 0; k--) {
            ops.add(new Op(Kind.EQUAL, a.size() - k, b.size() - k));
        }
        return ops;
    }

    /** The 1-based line of the old text that 1-based line {@code newLine} of the new text stands at. */
    public int oldLine(int newLine) {
        int hunkOldStart = 0;
        int oldPos = 0;
        boolean inHunk = false;
        for (Op op : ops) {
            switch (op.kind()) {
                case EQUAL -> {
                    if (op.newIndex() == newLine - 1) {
                        return op.oldIndex() + 1;
                    }
                    oldPos = op.oldIndex() + 1;
                    inHunk = false;
                }
                case DELETE -> {
                    if (!inHunk) {
                        hunkOldStart = op.oldIndex();
                        inHunk = true;
                    }
                    oldPos = op.oldIndex() + 1;
                }
                case INSERT -> {
                    if (!inHunk) {
                        hunkOldStart = oldPos;
                        inHunk = true;
                    }
                    if (op.newIndex() == newLine - 1) {
                        return Math.min(hunkOldStart, Math.max(0, oldLines.size() - 1)) + 1;
                    }
                }
            }
        }
        return newLine;
    }

    /** The unified diff from {@code a/path} to {@code b/path}; empty when the texts are equal. */
    public String unified(String path) {
        List<int[]> hunks = new ArrayList<>();
        for (int k = 0; k < ops.size(); k++) {
            if (ops.get(k).kind() == Kind.EQUAL) {
                continue;
            }
            int from = Math.max(0, k - CONTEXT);
            int end = k;
            while (end < ops.size() && ops.get(end).kind() != Kind.EQUAL) {
                end++;
            }
            int to = Math.min(ops.size(), end + CONTEXT);
            if (!hunks.isEmpty() && hunks.get(hunks.size() - 1)[1] >= from) {
                hunks.get(hunks.size() - 1)[1] = to;
            } else {
                hunks.add(new int[] {from, to});
            }
            k = end - 1;
        }
        if (hunks.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("--- a/").append(path).append('\n').append("+++ b/").append(path).append('\n');
        for (int[] hunk : hunks) {
            int oldStart = -1;
            int newStart = -1;
            int oldCount = 0;
            int newCount = 0;
            StringBuilder body = new StringBuilder();
            for (Op op : ops.subList(hunk[0], hunk[1])) {
                String line = switch (op.kind()) {
                    case EQUAL -> " " + oldLines.get(op.oldIndex());
                    case DELETE -> "-" + oldLines.get(op.oldIndex());
                    case INSERT -> "+" + newLines.get(op.newIndex());
                };
                if (op.kind() != Kind.INSERT) {
                    oldStart = oldStart < 0 ? op.oldIndex() : oldStart;
                    oldCount++;
                }
                if (op.kind() != Kind.DELETE) {
                    newStart = newStart < 0 ? op.newIndex() : newStart;
                    newCount++;
                }
                body.append(line);
                if (!line.endsWith("\n")) {
                    body.append("\n\\ No newline at end of file\n");
                }
            }
            out.append("@@ -").append(range(oldStart, oldCount)).append(" +").append(range(newStart, newCount)).append(" @@\n")
                    .append(body);
        }
        return out.toString();
    }

    /** {@code start,count} as diff writes it: 1-based, and for an empty range the line before it. */
    private static String range(int start, int count) {
        return (count == 0 ? Math.max(0, start) : start + 1) + "," + count;
    }
}
