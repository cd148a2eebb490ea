package dev.layerlint.context;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The few Go standard library functions whose exact behaviour Docker's ignore-file handling depends
 * on: {@code strings.TrimSpace}, {@code filepath.Clean} and the syntax check of {@code filepath.Match}
 * (Unix flavour: {@code /} separates, {@code \} escapes).
 */
public final class GoPaths {

    private GoPaths() {
    }

    /** Go's {@code unicode.IsSpace}: ASCII white space, U+0085, U+00A0 and the Unicode White_Space set. */
    static boolean isSpace(int c) {
        return switch (c) {
            case '\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000 -> true;
            default -> c >= 0x2000 && c <= 0x200A;
        };
    }

    /** Go's {@code strings.TrimSpace}. */
    static String trimSpace(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.codePointAt(start))) {
            start += Character.charCount(s.codePointAt(start));
        }
        while (end > start && isSpace(s.codePointBefore(end))) {
            end -= Character.charCount(s.codePointBefore(end));
        }
        return s.substring(start, end);
    }

    /**
     * Go's {@code filepath.Clean} on Unix: the shortest equivalent path by purely lexical processing
     * (repeated separators collapsed, {@code .} elements dropped, {@code ..} resolved against the
     * element before it, {@code ..} at a root dropped, trailing separator removed, {@code "."} for empty).
     */
    public static String clean(String path) {
        boolean rooted = path.startsWith("/");
        Deque<String> elements = new ArrayDeque<>();
        for (String element : path.split("/", -1)) {
            if (element.isEmpty() || element.equals(".")) {
                continue;
            }
            if (element.equals("..")) {
                if (!elements.isEmpty() && !elements.peekLast().equals("..")) {
                    elements.removeLast();
                } else if (!rooted) {
                    elements.addLast("..");
                }
                continue;
            }
            elements.addLast(element);
        }
        String joined = String.join("/", elements);
        if (rooted) {
            return "/" + joined;
        }
        return joined.isEmpty() ? "." : joined;
    }

    /**
     * Whether Go's {@code filepath.Match(pattern, ".")} reports {@code ErrBadPattern}. Since Go 1.16
     * Match checks the whole pattern, so this is a pure syntax check: character classes must be closed
     * and non-empty, a class range bound must not be {@code -} or {@code ]} or missing, and a
     * backslash must escape something.
     */
    static boolean isValidGlob(String pattern) {
        String rest = pattern;
        while (!rest.isEmpty()) {
            int start = 0;
            while (start < rest.length() && rest.charAt(start) == '*') {
                start++;
            }
            int end = chunkEnd(rest, start);
            if (!isValidChunk(rest.substring(start, end))) {
                return false;
            }
            rest = rest.substring(end);
        }
        return true;
    }

    /** Go's {@code scanChunk}: a chunk ends at the first {@code *} outside a character class. */
    private static int chunkEnd(String pattern, int start) {
        boolean inRange = false;
        int i = start;
        for (; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                if (i + 1 < pattern.length()) {
                    i++;
                }
            } else if (c == '[') {
                inRange = true;
            } else if (c == ']') {
                inRange = false;
            } else if (c == '*' && !inRange) {
                break;
            }
        }
        return i;
    }

    /** The syntax part of Go's {@code matchChunk}. */
    private static boolean isValidChunk(String chunk) {
        int[] cps = chunk.codePoints().toArray();
        int i = 0;
        while (i < cps.length) {
            int c = cps[i];
            if (c == '[') {
                i++;
                if (i < cps.length && cps[i] == '^') {
                    i++;
                }
                int ranges = 0;
                while (true) {
                    if (i < cps.length && cps[i] == ']' && ranges > 0) {
                        i++;
                        break;
                    }
                    i = classBoundEnd(cps, i);
                    if (i < 0) {
                        return false;
                    }
                    if (cps[i] == '-') {
                        i = classBoundEnd(cps, i + 1);
                        if (i < 0) {
                            return false;
                        }
                    }
                    ranges++;
                }
            } else if (c == '\\') {
                if (i + 1 >= cps.length) {
                    return false;
                }
                i += 2;
            } else {
                i++;
            }
        }
        return true;
    }

    /**
     * Go's {@code getEsc}: reads one (possibly escaped) class bound starting at {@code i}; returns the
     * index after it, or -1 when the bound is missing or nothing follows it (an unclosed class).
     */
    private static int classBoundEnd(int[] cps, int i) {
        if (i >= cps.length || cps[i] == '-' || cps[i] == ']') {
            return -1;
        }
        if (cps[i] == '\\') {
            i++;
            if (i >= cps.length) {
                return -1;
            }
        }
        i++;
        return i < cps.length ? i : -1;
    }
}
