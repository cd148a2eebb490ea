package dev.layerlint.shell;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What {@code rm} and {@code find ... -delete} remove, and whether a removal covers a path. */
final class Removals {

    private static final Set<String> FIND_NAME_TESTS = Set.of("-name", "-iname");
    private static final Set<String> FIND_PATH_TESTS = Set.of("-path", "-ipath", "-wholename", "-iwholename",
            "-regex", "-iregex");
    private static final Set<String> FIND_OPERATORS = Set.of("(", ")", "!", ",");
    private static final Set<String> FIND_EXEC_ACTIONS = Set.of("-exec", "-execdir", "-ok", "-okdir");

    private Removals() {
    }

    /**
     * The paths or globs {@code command} removes, as written. {@code find START -name PATTERN -delete} gives
     * {@code START/**}{@code /PATTERN}; a {@code find} whose tests select paths by other patterns gives nothing,
     * since what it removes cannot be told.
     */
    static List<String> of(SimpleCommand command) {
        if (command.runs("rm")) {
            return rmOperands(command.args());
        }
        if (command.runs("find")) {
            return findRemovals(command.args());
        }
        return List.of();
    }

    private static List<String> rmOperands(List<String> args) {
        List<String> operands = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--")) {
                operands.addAll(args.subList(i + 1, args.size()));
                break;
            }
            if (!arg.startsWith("-") || arg.length() == 1) {
                operands.add(arg);
            }
        }
        return operands;
    }

    private static List<String> findRemovals(List<String> args) {
        int i = 0;
        while (i < args.size() && (args.get(i).equals("-H") || args.get(i).equals("-L") || args.get(i).equals("-P")
                || args.get(i).startsWith("-O") || args.get(i).equals("-D"))) {
            i += args.get(i).equals("-D") ? 2 : 1;
        }
        List<String> starts = new ArrayList<>();
        while (i < args.size() && !startsExpression(args.get(i))) {
            starts.add(args.get(i++));
        }
        List<String> names = new ArrayList<>();
        boolean deletes = false;
        boolean selectedByPath = false;
        for (int j = i; j < args.size(); j++) {
            String arg = args.get(j);
            boolean negated = j > i && (args.get(j - 1).equals("!") || args.get(j - 1).equals("-not"));
            if (FIND_NAME_TESTS.contains(arg) && j + 1 < args.size() && !negated) {
                names.add(args.get(j + 1));
            } else if (FIND_PATH_TESTS.contains(arg)) {
                selectedByPath = true;
            } else if (arg.equals("-delete")) {
                deletes = true;
            } else if (FIND_EXEC_ACTIONS.contains(arg) && j + 1 < args.size()) {
                deletes |= SimpleCommand.baseName(args.get(j + 1)).equals("rm");
            }
        }
        if (!deletes || (names.isEmpty() && selectedByPath)) {
            return List.of();
        }
        if (names.isEmpty()) {
            return starts;
        }
        List<String> removed = new ArrayList<>();
        for (String start : starts) {
            for (String name : names) {
                removed.add(stripTrailingSlashes(start) + "/**/" + name);
            }
        }
        return removed;
    }

    private static boolean startsExpression(String arg) {
        return (arg.startsWith("-") && arg.length() > 1) || FIND_OPERATORS.contains(arg);
    }

    /**
     * True when removing {@code removed} (a path or a glob) removes {@code path}: when it names the path or one
     * of its ancestors, or when it is {@code dir/*} and {@code path} is {@code dir}, whose content it clears.
     */
    static boolean covers(String removed, String path) {
        String glob = normalise(removed);
        String target = normalise(path);
        if (isLiteral(glob)) {
            return !glob.isEmpty() && (target.equals(glob) || !glob.equals("/") && target.startsWith(glob + "/"));
        }
        String clearedDirectory = glob.endsWith("/*") ? glob.substring(0, glob.length() - 2) : "";
        if (glob.endsWith("/*") && isLiteral(clearedDirectory) && target.equals(clearedDirectory)) {
            return true;
        }
        Optional<Pattern> pattern = globPattern(glob);
        if (pattern.isEmpty()) {
            return false;
        }
        for (String candidate = target; !candidate.isEmpty(); candidate = parent(candidate)) {
            if (pattern.get().matcher(candidate).matches()) {
                return true;
            }
        }
        return !clearedDirectory.isEmpty() && !isLiteral(clearedDirectory)
                && globPattern(clearedDirectory).map(p -> p.matcher(target).matches()).orElse(false);
    }

    private static boolean isLiteral(String glob) {
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' || c == '?' || c == '[') {
                return false;
            }
        }
        return true;
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "" : path.substring(0, slash);
    }

    private static String normalise(String path) {
        String normalised = path.contains("//") ? path.replaceAll("/+", "/") : path;
        normalised = normalised.replace("/./", "/");
        return normalised.length() > 1 ? stripTrailingSlashes(normalised) : normalised;
    }

    private static String stripTrailingSlashes(String path) {
        String stripped = path;
        while (stripped.length() > 1 && stripped.endsWith("/")) {
            stripped = stripped.substring(0, stripped.length() - 1);
        }
        return stripped;
    }

    /**
     * A shell glob as a regular expression: {@code *} and {@code ?} stay within a path segment, {@code **} does not.
     * RE2's linear-time matching, because a glob comes from the Dockerfile: {@code rm /x/*a*a*a*a*a*a*b} would make a
     * backtracking matcher take exponential time. Empty for a glob that makes no valid expression.
     */
    private static Optional<Pattern> globPattern(String glob) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < glob.length()) {
            char c = glob.charAt(i);
            if (glob.startsWith("/**/", i)) {
                regex.append("(/.*)?/");
                i += 4;
            } else if (glob.startsWith("**", i)) {
                regex.append(".*");
                i += 2;
            } else if (c == '*') {
                regex.append("[^/]*");
                i++;
            } else if (c == '?') {
                regex.append("[^/]");
                i++;
            } else if (c == '[' && glob.indexOf(']', i + 2) > 0) {
                int close = glob.indexOf(']', i + 2);
                String members = glob.substring(i + 1, close);
                boolean negated = members.startsWith("!") || members.startsWith("^");
                String set = negated ? members.substring(1) : members;
                if (set.isEmpty()) {
                    regex.append(escape(c));
                    i++;
                } else {
                    regex.append(negated ? "[^" : "[").append(characterClass(set)).append(']');
                    i = close + 1;
                }
            } else {
                regex.append(escape(c));
                i++;
            }
        }
        try {
            return Optional.of(Pattern.compile(regex.toString()));
        } catch (PatternSyntaxException e) {
            return Optional.empty();
        }
    }

    /** The members of a bracket expression for a regular expression: ranges kept when valid, all else literal. */
    private static String characterClass(String members) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < members.length(); i++) {
            char low = members.charAt(i);
            if (i + 2 < members.length() && members.charAt(i + 1) == '-' && low <= members.charAt(i + 2)) {
                regex.append(escape(low)).append('-').append(escape(members.charAt(i + 2)));
                i += 2;
            } else {
                regex.append(escape(low));
            }
        }
        return regex.toString();
    }

    /** {@code c} as a literal in RE2 syntax, which takes a backslash only before ASCII punctuation. */
    private static String escape(char c) {
        if (Character.isLetterOrDigit(c) || Character.isSurrogate(c)) {
            return String.valueOf(c);
        }
        boolean asciiPunctuation = c > ' ' && c < 127;
        return asciiPunctuation ? "\\" + c : String.format("\\x{%x}", (int) c);
    }
}
