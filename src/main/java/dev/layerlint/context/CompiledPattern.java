package dev.layerlint.context;

import com.google.re2j.PatternSyntaxException;

/**
 * One pattern compiled the way moby/patternmatcher compiles it: a literal pattern compares for
 * equality, a trailing {@code **} becomes a prefix test, a leading {@code **} a suffix test, and
 * anything else a regular expression in Go's syntax (matched here by RE2/J, a port of Go's regexp,
 * so the regexp means exactly what it means to Docker — quirks included, such as {@code a**b}
 * matching {@code a/x/b} and {@code ab} but not {@code axb}).
 */
sealed interface CompiledPattern {

    /** Whether the slash-separated relative {@code path} matches this pattern alone. */
    boolean matches(String path);

    /** Metacharacters of Go regexps that have no meaning in a glob and are escaped. */
    String REGEXP_ONLY_METACHARACTERS = ".+()|{}$";

    record Exact(String literal) implements CompiledPattern {
        @Override
        public boolean matches(String path) {
            return path.equals(literal);
        }
    }

    record Prefix(String prefix) implements CompiledPattern {
        @Override
        public boolean matches(String path) {
            return path.startsWith(prefix);
        }
    }

    /** {@code **}{@code /foo} matches a path ending in {@code /foo}, and {@code foo} itself. */
    record Suffix(String suffix) implements CompiledPattern {
        @Override
        public boolean matches(String path) {
            return path.endsWith(suffix)
                    || (suffix.startsWith("/") && path.equals(suffix.substring(1)));
        }
    }

    /**
     * A pattern whose regular expression Go's regexp parser rejects (such as {@code [Local-Only]},
     * whose range runs backwards). moby/patternmatcher accepts it when the ignore file is read and
     * fails only when a path is first checked against it; it matches nothing here, and
     * {@link PatternMatcher} reports when it is consulted.
     *
     * @param reason the regexp parser's message
     */
    record Invalid(String reason) implements CompiledPattern {
        @Override
        public boolean matches(String path) {
            return false;
        }
    }

    /**
     * @param required the longest run of plain characters of the glob: a path without it cannot match, and is
     *                 answered without running the regexp
     */
    record Regexp(com.google.re2j.Pattern regexp, String required) implements CompiledPattern {
        @Override
        public boolean matches(String path) {
            return path.contains(required) && regexp.matcher(path).find();
        }
    }

    /**
     * Compiles a cleaned pattern (without {@code !}); {@link Invalid} when Go's regexp parser would
     * reject the generated regexp, e.g. for {@code a\q} (an invalid escape).
     */
    static CompiledPattern compile(IgnorePattern ignorePattern) {
        String pattern = ignorePattern.pattern();
        StringBuilder regexp = new StringBuilder("^");
        Kind kind = Kind.EXACT;
        int[] cps = pattern.codePoints().toArray();
        int runStart = 0;
        int requiredStart = 0;
        int requiredEnd = 0;
        boolean inClass = false;
        for (int i = 0; i < cps.length; i++) {
            boolean first = i == 0;
            int c = cps[i];
            inClass = c == '[' || inClass && c != ']';
            boolean plain = !inClass && c != '*' && c != '?' && c != '\\' && c != ']';
            if (c == '*' && i + 1 < cps.length && cps[i + 1] == '*') {
                i++;
                if (i + 1 < cps.length && cps[i + 1] == '/') {
                    i++;
                }
                if (i + 1 == cps.length) {
                    if (kind == Kind.EXACT) {
                        kind = Kind.PREFIX;
                    } else {
                        regexp.append(".*");
                        kind = Kind.REGEXP;
                    }
                } else {
                    regexp.append("(.*/)?");
                    kind = Kind.REGEXP;
                }
                if (first) {
                    kind = Kind.SUFFIX;
                }
            } else if (c == '*') {
                regexp.append("[^/]*");
                kind = Kind.REGEXP;
            } else if (c == '?') {
                regexp.append("[^/]");
                kind = Kind.REGEXP;
            } else if (c < 0x80 && REGEXP_ONLY_METACHARACTERS.indexOf(c) >= 0) {
                regexp.append('\\').appendCodePoint(c);
            } else if (c == '\\') {
                if (i + 1 < cps.length) {
                    i++;
                    regexp.append('\\').appendCodePoint(cps[i]);
                    kind = Kind.REGEXP;
                } else {
                    regexp.append('\\');
                }
            } else if (c == '[' || c == ']') {
                regexp.appendCodePoint(c);
                kind = Kind.REGEXP;
            } else {
                regexp.appendCodePoint(c);
            }
            if (!plain) {
                runStart = i + 1;
            } else if (i + 1 - runStart > requiredEnd - requiredStart) {
                requiredStart = runStart;
                requiredEnd = i + 1;
            }
        }
        return switch (kind) {
            case EXACT -> new Exact(pattern);
            case PREFIX -> new Prefix(pattern.substring(0, pattern.length() - 2));
            case SUFFIX -> new Suffix(pattern.substring(2));
            case REGEXP -> {
                try {
                    yield new Regexp(com.google.re2j.Pattern.compile(regexp.append('$').toString()),
                            new String(cps, requiredStart, requiredEnd - requiredStart));
                } catch (PatternSyntaxException e) {
                    yield new Invalid(e.getMessage());
                }
            }
        };
    }

    enum Kind { EXACT, PREFIX, SUFFIX, REGEXP }
}
