package dev.layerlint.budget;

import com.google.re2j.Pattern;

/**
 * One item of {@code excludePaths}: a path in the image, matching itself and everything below it
 * ({@code /opt/models}), or a glob where {@code *} and {@code ?} stay within one path segment and
 * {@code **} spans segments ({@code /opt/models/**}{@code /*.onnx}).
 */
public final class PathPattern {

    private final String pattern;
    private final Pattern regex;

    private PathPattern(String pattern, Pattern regex) {
        this.pattern = pattern;
        this.regex = regex;
    }

    public static PathPattern parse(String text, String parameter) throws BudgetException {
        String trimmed = text.trim();
        if (trimmed.isEmpty() || trimmed.contains("\\")) {
            throw new BudgetException(parameter + ": '" + text + "' is not a path pattern; write e.g. /opt/models or /opt/**/*.onnx");
        }
        String absolute = trimmed.startsWith("/") ? trimmed : "/" + trimmed;
        if (absolute.length() > 1 && absolute.endsWith("/")) {
            absolute = absolute.substring(0, absolute.length() - 1);
        }
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < absolute.length(); i++) {
            char c = absolute.charAt(i);
            boolean doubleStar = c == '*' && i + 1 < absolute.length() && absolute.charAt(i + 1) == '*';
            if (doubleStar && i + 2 < absolute.length() && absolute.charAt(i + 2) == '/') {
                regex.append("(?:.*/)?"); // "**/" also matches no directory at all
                i += 2;
            } else if (doubleStar) {
                regex.append(".*");
                i++;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        regex.append("(/.*)?");
        return new PathPattern(absolute, Pattern.compile(regex.toString()));
    }

    /** Whether {@code path} (absolute, as in {@link dev.layerlint.image.LayerEntry#path()}) is this path or below it. */
    public boolean matches(String path) {
        return regex.matcher(path).matches();
    }

    /** The pattern as normalised: absolute, no trailing slash. */
    public String pattern() {
        return pattern;
    }

    @Override
    public String toString() {
        return pattern;
    }
}
