package dev.layerlint.dockerfile;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonFactory;
import dev.layerlint.text.InputFiles;
import dev.layerlint.text.Plural;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Dockerfiles the way BuildKit's Dockerfile frontend does: parser directives, line
 * continuation with the escape character, comment and blank lines inside continued
 * instructions, CRLF and BOM, heredocs, exec versus shell form (with BuildKit's fallback to shell
 * form when the JSON is invalid), instruction flags, ONBUILD triggers, stages and the ARGs before
 * the first FROM. A file BuildKit would reject gives a {@link ParseResult.Failure} with
 * BuildKit's reason, never an exception.
 */
public final class DockerfileParser {

    // BuildKit's "(.+?)\s*$" backtracks quadratically in java.util.regex on a long run of inner
    // blanks; the value is taken greedily and its trailing blanks trimmed instead (directiveValue)
    private static final Pattern DIRECTIVE = Pattern.compile("^#\\s*([a-zA-Z][a-zA-Z0-9]*)\\s*=\\s*(.+)$");
    private static final Set<String> KNOWN_DIRECTIVES = Set.of("syntax", "escape", "check");
    private static final Pattern HEREDOC = Pattern.compile("^(\\d*)<<(-?)([^<]*)$");
    private static final Pattern STAGE_NAME = Pattern.compile("^[a-z][a-z0-9\\-_.]*$");
    private static final Set<String> LIST_FLAGS = Set.of("mount", "exclude", "device");
    private static final Set<String> BOOLEAN_FLAGS = Set.of("link", "parents", "keep-git-dir", "unpack");
    /** Strict JSON (no comments, no single quotes), as Go's encoding/json reads exec-form arrays. */
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private DockerfileParser() {
    }

    /** The largest Dockerfile read, in bytes. */
    public static final long MAX_FILE_BYTES = 16L << 20;
    /** The longest line of a Dockerfile read, in bytes. */
    public static final int MAX_LINE_BYTES = 1 << 20;

    /**
     * Reads a file (UTF-8; invalid bytes are replaced) and parses it. A file that is not a regular file,
     * is larger than {@link #MAX_FILE_BYTES} or has a line longer than {@link #MAX_LINE_BYTES} is a failure.
     */
    public static ParseResult parse(Path file, String displayPath) {
        byte[] bytes;
        try {
            bytes = InputFiles.read(file, MAX_FILE_BYTES);
        } catch (InputFiles.InputFileException e) {
            return new ParseResult.Failure(displayPath, new ParseError(1, 1, "the Dockerfile " + e.getMessage()));
        } catch (IOException e) {
            return new ParseResult.Failure(displayPath,
                    new ParseError(1, 1, "cannot read the Dockerfile: " + describe(e)));
        }
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                if (i - lineStart > MAX_LINE_BYTES) {
                    return new ParseResult.Failure(displayPath, new ParseError(line, line, "line " + line + " is longer than "
                            + Plural.count(MAX_LINE_BYTES, "byte") + ", the longest line layerlint reads (see docs/limits.md)"));
                }
                line++;
                lineStart = i + 1;
            }
        }
        return parse(displayPath, decode(bytes));
    }

    /** Parses Dockerfile text; {@code path} is how findings name the file. */
    public static ParseResult parse(String path, String content) {
        try {
            return new ParseResult.Success(new Reader(path, content).read());
        } catch (SyntaxError e) {
            int line = Math.max(1, e.line);
            return new ParseResult.Failure(path, new ParseError(line, Math.max(line, e.endLine), e.getMessage()));
        }
    }

    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalStateException("a replacing decoder does not fail", e);
        }
    }

    private static String describe(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** A BuildKit parse error, located at the lines of the instruction that caused it. */
    private static final class SyntaxError extends Exception {
        final int line;
        final int endLine;

        SyntaxError(String message, int line, int endLine) {
            super(message, null, false, false);
            this.line = line;
            this.endLine = endLine;
        }
    }

    /** One logical instruction line before its arguments are interpreted. */
    private record RawInstruction(String text, int line, int endLine, int column) {
    }

    private static final class Reader {
        private final String path;
        private final String[] lines;
        private int next;
        private char escape = '\\';
        private boolean directivesDone;
        private final List<Directive> directives = new ArrayList<>();
        private final List<Comment> comments = new ArrayList<>();
        private final ExpansionBudget budget = new ExpansionBudget();

        Reader(String path, String content) {
            this.path = path;
            if (content.startsWith("\uFEFF")) {
                content = content.substring(1);
            }
            String[] split = content.split("\n", -1);
            if (split.length > 0 && split[split.length - 1].isEmpty()) {
                split = java.util.Arrays.copyOf(split, split.length - 1);
            }
            for (int i = 0; i < split.length; i++) {
                if (split[i].endsWith("\r")) {
                    split[i] = split[i].substring(0, split[i].length() - 1);
                }
            }
            this.lines = split;
        }


        Dockerfile read() throws SyntaxError {
            List<Instruction> instructions = new ArrayList<>();
            while (next < lines.length) {
                int startLine = next + 1;
                String first = lines[next++];
                String stripped = stripLeading(first);
                if (isComment(stripped)) {
                    comments.add(new Comment(startLine, stripped.substring(1).strip()));
                }
                possibleDirective(stripped, startLine);
                if (isComment(stripped)) {
                    continue;
                }
                int column = first.length() - stripped.length() + 1;
                StringBuilder logical = new StringBuilder();
                boolean ended = appendContinued(logical, stripped);
                if (ended && logical.length() == 0) {
                    continue;
                }
                while (!ended && next < lines.length) {
                    String raw = lines[next++];
                    String content = stripLeading(raw);
                    if (isComment(content)) {
                        comments.add(new Comment(next, content.substring(1).strip()));
                        continue;
                    }
                    if (content.isEmpty()) {
                        continue;
                    }
                    ended = appendContinued(logical, raw);
                }
                RawInstruction raw = new RawInstruction(logical.toString(), startLine, next, column);
                instructions.add(instruction(raw, raw.text(), true));
            }
            return assemble(instructions);
        }

        private boolean appendContinued(StringBuilder logical, String line) {
            int end = line.length();
            while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t')) {
                end--;
            }
            if (end > 0 && line.charAt(end - 1) == escape) {
                logical.append(line, 0, end - 1);
                return false;
            }
            logical.append(line);
            return true;
        }

        private void possibleDirective(String line, int lineNumber) throws SyntaxError {
            if (directivesDone) {
                return;
            }
            Matcher m = DIRECTIVE.matcher(line);
            if (!m.matches()) {
                directivesDone = true;
                return;
            }
            String name = m.group(1).toLowerCase(Locale.ROOT);
            String value = directiveValue(m.group(2));
            if (!KNOWN_DIRECTIVES.contains(name)) {
                return;
            }
            if (directives.stream().anyMatch(d -> d.name().equals(name))) {
                throw new SyntaxError("only one " + name + " parser directive can be used", lineNumber, lineNumber);
            }
            if (name.equals("escape")) {
                if (!value.equals("\\") && !value.equals("`")) {
                    throw new SyntaxError("invalid escape token '" + value + "' does not match ` or \\", lineNumber, lineNumber);
                }
                escape = value.charAt(0);
            }
            directives.add(new Directive(name, value, lineNumber));
        }

        /** The value without trailing blanks (regex \s), as BuildKit's lazy match leaves it; never empty. */
        private static String directiveValue(String matched) {
            int end = matched.length();
            while (end > 1 && "\t\n\u000B\f\r ".indexOf(matched.charAt(end - 1)) >= 0) {
                end--;
            }
            return matched.substring(0, end);
        }

        private static boolean isComment(String strippedLine) {
            return strippedLine.startsWith("#");
        }

        private static String stripLeading(String s) {
            int i = 0;
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            return s.substring(i);
        }

        /**
         * Interprets one logical line. {@code topLevel} is false for an ONBUILD trigger, which
         * shares the lines (and heredocs) of its ONBUILD.
         */
        private Instruction instruction(RawInstruction raw, String text, boolean topLevel) throws SyntaxError {
            String trimmed = text.strip();
            int wordEnd = AsciiWords.endOfWord(trimmed, 0);
            String word = trimmed.substring(0, wordEnd);
            String rest = trimmed.substring(AsciiWords.startOfWord(trimmed, wordEnd));
            Keyword keyword = Keyword.of(word).orElseThrow(
                    () -> new SyntaxError("unknown instruction: " + word.toUpperCase(Locale.ROOT), raw.line(), raw.endLine()));
            FlagSplit flagSplit = extractFlags(rest);
            List<Flag> flags = parseFlags(keyword, flagSplit.flags(), raw);
            String arguments = flagSplit.rest().strip();
            int endLine = raw.endLine();

            List<Heredoc> heredocs = List.of();
            boolean heredocCapable = keyword.acceptsHeredocs()
                    || (keyword == Keyword.ONBUILD && Keyword.of(AsciiWords.firstWord(arguments)).map(Keyword::acceptsHeredocs).orElse(false));
            if (topLevel && heredocCapable && arguments.contains("<<")) {
                heredocs = readHeredocs(arguments, raw);
                endLine = next;
            }
            RawInstruction located = new RawInstruction(raw.text(), raw.line(), endLine, raw.column());
            return switch (keyword) {
                case ONBUILD -> onbuild(located, arguments, flags, heredocs);
                case RUN, CMD, ENTRYPOINT -> command(keyword, located, arguments, flags, heredocs);
                case SHELL -> shell(located, arguments, flags);
                case COPY, ADD -> copy(keyword, located, arguments, flags, heredocs);
                case FROM -> from(located, arguments, flags);
                case ENV, LABEL -> pairs(keyword, located, arguments, flags);
                case ARG -> arg(located, arguments, flags);
                case EXPOSE -> words(keyword, located, arguments, flags);
                case VOLUME -> volume(located, arguments, flags);
                case USER, WORKDIR, STOPSIGNAL, MAINTAINER -> single(keyword, located, arguments, flags);
                case HEALTHCHECK -> healthcheck(located, arguments, flags);
            };
        }

        private List<Heredoc> readHeredocs(String arguments, RawInstruction raw) throws SyntaxError {
            List<Heredoc> found = new ArrayList<>();
            for (String w : Words.split(arguments, '\\')) {
                Optional<HeredocStart> start = heredocStart(w);
                if (start.isEmpty()) {
                    continue;
                }
                HeredocStart h = start.get();
                StringBuilder body = new StringBuilder();
                int first = next + 1;
                boolean terminated = false;
                while (next < lines.length) {
                    String line = lines[next++];
                    String candidate = h.chomp() ? line.replaceFirst("^\t+", "") : line;
                    if (candidate.equals(h.name())) {
                        terminated = true;
                        break;
                    }
                    body.append(line).append('\n');
                }
                if (!terminated) {
                    throw new SyntaxError("unterminated heredoc", raw.line(), next);
                }
                found.add(new Heredoc(h.name(), h.chomp(), h.expand(), body.toString(), first, next));
            }
            return found;
        }

        private record HeredocStart(String name, boolean chomp, boolean expand) {
        }

        private static Optional<HeredocStart> heredocStart(String word) {
            Matcher m = HEREDOC.matcher(word);
            if (!m.matches() || m.group(3).isEmpty()) {
                return Optional.empty();
            }
            String rest = m.group(3);
            List<String> words = Words.split(rest, '\\');
            if (words.size() != 1) {
                return Optional.empty();
            }
            String name = Words.expand(rest, Map.of(), '\\');
            boolean quoted = rest.indexOf('\'') >= 0 || rest.indexOf('"') >= 0;
            return Optional.of(new HeredocStart(name, m.group(2).equals("-"), !quoted));
        }

        private Instruction onbuild(RawInstruction raw, String arguments, List<Flag> flags, List<Heredoc> heredocs)
                throws SyntaxError {
            if (arguments.isEmpty()) {
                throw new SyntaxError("ONBUILD requires at least one argument", raw.line(), raw.endLine());
            }
            Instruction trigger = instruction(raw, arguments, false);
            if (trigger.is(Keyword.ONBUILD)) {
                throw new SyntaxError("Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed", raw.line(), raw.endLine());
            }
            if (trigger.is(Keyword.FROM) || trigger.is(Keyword.MAINTAINER)) {
                throw new SyntaxError(trigger.keyword() + " isn't allowed as an ONBUILD trigger", raw.line(), raw.endLine());
            }
            trigger = new Instruction(trigger.keyword(), trigger.flags(), trigger.arguments(), trigger.args(),
                    trigger.execForm(), trigger.pairs(), heredocs, Optional.empty(), raw.line(), raw.endLine(), raw.column());
            return build(Keyword.ONBUILD, raw, arguments, flags, List.of(arguments), false, List.of(), List.of(),
                    Optional.of(trigger));
        }

        private Instruction command(Keyword keyword, RawInstruction raw, String arguments, List<Flag> flags,
                List<Heredoc> heredocs) {
            Optional<List<String>> exec = jsonArray(arguments);
            List<String> args = exec.orElseGet(() -> arguments.isEmpty() ? List.of() : List.of(arguments));
            return build(keyword, raw, arguments, flags, args, exec.isPresent(), List.of(), heredocs, Optional.empty());
        }

        private Instruction shell(RawInstruction raw, String arguments, List<Flag> flags) throws SyntaxError {
            Optional<List<String>> exec = jsonArray(arguments);
            if (exec.isEmpty()) {
                throw new SyntaxError("SHELL requires the arguments to be in JSON form", raw.line(), raw.endLine());
            }
            if (exec.get().isEmpty()) {
                throw new SyntaxError("SHELL requires at least one argument", raw.line(), raw.endLine());
            }
            return build(Keyword.SHELL, raw, arguments, flags, exec.get(), true, List.of(), List.of(), Optional.empty());
        }

        private Instruction copy(Keyword keyword, RawInstruction raw, String arguments, List<Flag> flags,
                List<Heredoc> heredocs) throws SyntaxError {
            Optional<List<String>> exec = jsonArray(arguments);
            List<String> args = exec.orElseGet(() -> whitespaceWords(arguments));
            if (args.size() < 2) {
                throw new SyntaxError(keyword + " requires at least two arguments, but only one was provided. Destination could not be determined",
                        raw.line(), raw.endLine());
            }
            return build(keyword, raw, arguments, flags, args, exec.isPresent(), List.of(), heredocs, Optional.empty());
        }

        private Instruction from(RawInstruction raw, String arguments, List<Flag> flags) throws SyntaxError {
            List<String> args = whitespaceWords(arguments);
            if (args.size() != 1 && args.size() != 3) {
                throw new SyntaxError("FROM requires either one or three arguments", raw.line(), raw.endLine());
            }
            if (args.size() == 3) {
                if (!args.get(1).equalsIgnoreCase("as")) {
                    throw new SyntaxError("Second argument should be AS", raw.line(), raw.endLine());
                }
                String name = args.get(2).toLowerCase(Locale.ROOT);
                if (!STAGE_NAME.matcher(name).matches()) {
                    throw new SyntaxError("invalid name for build stage: \"" + args.get(2)
                            + "\", name can't start with a number or contain symbols", raw.line(), raw.endLine());
                }
            }
            return build(Keyword.FROM, raw, arguments, flags, args, false, List.of(), List.of(), Optional.empty());
        }

        private Instruction pairs(Keyword keyword, RawInstruction raw, String arguments, List<Flag> flags)
                throws SyntaxError {
            List<String> words = Words.split(arguments, escape);
            if (words.isEmpty()) {
                throw new SyntaxError(keyword + " requires at least one argument", raw.line(), raw.endLine());
            }
            List<KeyValue> pairs = new ArrayList<>();
            if (!words.get(0).contains("=")) {
                // legacy form: KEY value with spaces
                if (words.size() < 2) {
                    throw new SyntaxError(keyword + " must have two arguments", raw.line(), raw.endLine());
                }
                String value = arguments.strip().substring(words.get(0).length()).strip();
                pairs.add(new KeyValue(unquote(words.get(0)), Optional.of(unquote(value))));
            } else {
                for (String w : words) {
                    int eq = w.indexOf('=');
                    if (eq < 0) {
                        throw new SyntaxError("Syntax error - can't find = in \"" + w + "\". Must be of the form: name=value",
                                raw.line(), raw.endLine());
                    }
                    String key = unquote(w.substring(0, eq));
                    if (key.isEmpty()) {
                        throw new SyntaxError(keyword + " names can not be blank", raw.line(), raw.endLine());
                    }
                    pairs.add(new KeyValue(key, Optional.of(unquote(w.substring(eq + 1)))));
                }
            }
            return build(keyword, raw, arguments, flags, words, false, pairs, List.of(), Optional.empty());
        }

        private Instruction arg(RawInstruction raw, String arguments, List<Flag> flags) throws SyntaxError {
            List<String> words = Words.split(arguments, escape);
            if (words.isEmpty()) {
                throw new SyntaxError("ARG requires at least one argument", raw.line(), raw.endLine());
            }
            List<KeyValue> pairs = new ArrayList<>();
            for (String w : words) {
                int eq = w.indexOf('=');
                if (eq == 0) {
                    throw new SyntaxError("ARG names can not be blank", raw.line(), raw.endLine());
                }
                pairs.add(eq < 0 ? new KeyValue(w, Optional.empty())
                        : new KeyValue(w.substring(0, eq), Optional.of(unquote(w.substring(eq + 1)))));
            }
            return build(Keyword.ARG, raw, arguments, flags, words, false, pairs, List.of(), Optional.empty());
        }

        private Instruction words(Keyword keyword, RawInstruction raw, String arguments, List<Flag> flags)
                throws SyntaxError {
            List<String> args = whitespaceWords(arguments);
            if (args.isEmpty()) {
                throw new SyntaxError(keyword + " requires at least one argument", raw.line(), raw.endLine());
            }
            return build(keyword, raw, arguments, flags, args, false, List.of(), List.of(), Optional.empty());
        }

        private Instruction volume(RawInstruction raw, String arguments, List<Flag> flags) throws SyntaxError {
            Optional<List<String>> exec = jsonArray(arguments);
            List<String> args = exec.orElseGet(() -> whitespaceWords(arguments));
            if (args.isEmpty()) {
                throw new SyntaxError("VOLUME requires at least one argument", raw.line(), raw.endLine());
            }
            if (args.stream().anyMatch(a -> a.strip().isEmpty())) {
                throw new SyntaxError("VOLUME specified can not be an empty string", raw.line(), raw.endLine());
            }
            return build(Keyword.VOLUME, raw, arguments, flags, args, exec.isPresent(), List.of(), List.of(), Optional.empty());
        }

        private Instruction single(Keyword keyword, RawInstruction raw, String arguments, List<Flag> flags)
                throws SyntaxError {
            if (arguments.isEmpty()) {
                throw new SyntaxError(keyword + " requires exactly one argument", raw.line(), raw.endLine());
            }
            return build(keyword, raw, arguments, flags, List.of(arguments), false, List.of(), List.of(), Optional.empty());
        }

        private Instruction healthcheck(RawInstruction raw, String arguments, List<Flag> flags) throws SyntaxError {
            if (arguments.isEmpty()) {
                throw new SyntaxError("HEALTHCHECK requires at least one argument", raw.line(), raw.endLine());
            }
            int typeEnd = AsciiWords.endOfWord(arguments, 0);
            String type = arguments.substring(0, typeEnd).toUpperCase(Locale.ROOT);
            String rest = arguments.substring(typeEnd).strip();
            if (type.equals("NONE")) {
                if (!rest.isEmpty()) {
                    throw new SyntaxError("HEALTHCHECK NONE takes no arguments", raw.line(), raw.endLine());
                }
                return build(Keyword.HEALTHCHECK, raw, arguments, flags, List.of("NONE"), false, List.of(), List.of(), Optional.empty());
            }
            if (!type.equals("CMD")) {
                throw new SyntaxError("Unknown type \"" + type + "\" in HEALTHCHECK (try CMD)", raw.line(), raw.endLine());
            }
            if (rest.isEmpty()) {
                throw new SyntaxError("Missing command after HEALTHCHECK CMD", raw.line(), raw.endLine());
            }
            Optional<List<String>> exec = jsonArray(rest);
            List<String> args = new ArrayList<>();
            args.add("CMD");
            args.addAll(exec.orElseGet(() -> List.of(rest)));
            return build(Keyword.HEALTHCHECK, raw, arguments, flags, args, exec.isPresent(), List.of(), List.of(), Optional.empty());
        }

        private Instruction build(Keyword keyword, RawInstruction raw, String arguments, List<Flag> flags, List<String> args,
                boolean exec, List<KeyValue> pairs, List<Heredoc> heredocs, Optional<Instruction> trigger) {
            return new Instruction(keyword, flags, arguments, args, exec, pairs, heredocs, trigger, raw.line(),
                    raw.endLine(), raw.column());
        }

        private String unquote(String word) {
            return Words.expand(word.replace("$", "\u0000"), Map.of(), escape).replace("\u0000", "$");
        }

        private static List<String> whitespaceWords(String text) {
            String t = text.strip();
            List<String> words = new ArrayList<>();
            for (int start = AsciiWords.startOfWord(t, 0); start < t.length(); start = AsciiWords.startOfWord(t, start)) {
                int end = AsciiWords.endOfWord(t, start);
                words.add(t.substring(start, end));
                start = end;
            }
            return List.copyOf(words);
        }

        /** BuildKit's parseJSON: a JSON array of strings, or empty when the text is not one (shell form). */
        private static Optional<List<String>> jsonArray(String text) {
            String t = text.strip();
            if (!t.startsWith("[")) {
                return Optional.empty();
            }
            try (JsonParser p = JSON.createParser(t)) {
                if (p.nextToken() != JsonToken.START_ARRAY) {
                    return Optional.empty();
                }
                List<String> values = new ArrayList<>();
                JsonToken token;
                while ((token = p.nextToken()) == JsonToken.VALUE_STRING) {
                    values.add(p.getText());
                }
                if (token != JsonToken.END_ARRAY || p.nextToken() != null) {
                    return Optional.empty();
                }
                return Optional.of(values);
            } catch (IOException e) {
                return Optional.empty();
            }
        }

        private record FlagSplit(List<String> flags, String rest) {
        }

        /** BuildKit's extractBuilderFlags: leading {@code --words}, with quotes and backslashes removed. */
        private static FlagSplit extractFlags(String line) {
            List<String> words = new ArrayList<>();
            StringBuilder word = new StringBuilder();
            boolean blankOk = false;
            int phase = 0; // 0 = between words, 1 = in word, 2 = in quotes
            char quote = 0;
            for (int pos = 0; pos <= line.length(); pos++) {
                char ch = pos < line.length() ? line.charAt(pos) : 0;
                if (phase == 0) {
                    if (pos == line.length()) {
                        break;
                    }
                    if (Character.isWhitespace(ch)) {
                        continue;
                    }
                    if (ch != '-' || pos + 1 == line.length() || line.charAt(pos + 1) != '-') {
                        return new FlagSplit(words, line.substring(pos));
                    }
                    phase = 1;
                }
                if (pos == line.length()) {
                    if (!word.toString().equals("--") && (blankOk || word.length() > 0)) {
                        words.add(word.toString());
                    }
                    break;
                }
                if (phase == 1) {
                    if (Character.isWhitespace(ch)) {
                        phase = 0;
                        if (word.toString().equals("--")) {
                            return new FlagSplit(words, line.substring(pos));
                        }
                        if (blankOk || word.length() > 0) {
                            words.add(word.toString());
                        }
                        word.setLength(0);
                        blankOk = false;
                        continue;
                    }
                    if (ch == '\'' || ch == '"') {
                        quote = ch;
                        blankOk = true;
                        phase = 2;
                        continue;
                    }
                    if (ch == '\\') {
                        if (pos + 1 == line.length()) {
                            continue;
                        }
                        ch = line.charAt(++pos);
                    }
                    word.append(ch);
                    continue;
                }
                if (ch == quote) {
                    phase = 1;
                    continue;
                }
                if (ch == '\\') {
                    if (pos + 1 == line.length()) {
                        phase = 1;
                        continue;
                    }
                    ch = line.charAt(++pos);
                }
                word.append(ch);
            }
            return new FlagSplit(words, "");
        }

        private List<Flag> parseFlags(Keyword keyword, List<String> words, RawInstruction raw) throws SyntaxError {
            List<Flag> flags = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (String w : words) {
                String body = w.startsWith("--") ? w.substring(2) : w;
                int eq = body.indexOf('=');
                String name = eq < 0 ? body : body.substring(0, eq);
                Optional<String> value = eq < 0 ? Optional.empty() : Optional.of(body.substring(eq + 1));
                if (!keyword.flags().contains(name)) {
                    throw new SyntaxError("unknown flag: " + name, raw.line(), raw.endLine());
                }
                if (BOOLEAN_FLAGS.contains(name)) {
                    if (value.isPresent() && !value.get().equalsIgnoreCase("true") && !value.get().equalsIgnoreCase("false")) {
                        throw new SyntaxError("expecting boolean value for flag " + name + ", not: " + value.get(),
                                raw.line(), raw.endLine());
                    }
                } else if (value.isEmpty()) {
                    throw new SyntaxError("missing a value on flag: " + name, raw.line(), raw.endLine());
                }
                if (!LIST_FLAGS.contains(name) && !seen.add(name)) {
                    throw new SyntaxError("duplicate flag specified: " + name, raw.line(), raw.endLine());
                }
                flags.add(new Flag(name, value));
            }
            return flags;
        }

        private Dockerfile assemble(List<Instruction> instructions) throws SyntaxError {
            if (instructions.isEmpty()) {
                throw new SyntaxError("file with no instructions", lines.length, lines.length);
            }
            List<Instruction> globalArgs = new ArrayList<>();
            Map<String, String> globalValues = new HashMap<>();
            List<Stage> stages = new ArrayList<>();
            Map<String, Integer> stageNames = new HashMap<>();
            Instruction currentFrom = null;
            List<Instruction> body = new ArrayList<>();
            for (Instruction ins : instructions) {
                if (ins.is(Keyword.FROM)) {
                    if (currentFrom != null) {
                        stages.add(stage(stages.size(), currentFrom, body, globalValues, stageNames));
                    }
                    currentFrom = ins;
                    body = new ArrayList<>();
                } else if (currentFrom == null) {
                    if (!ins.is(Keyword.ARG)) {
                        throw new SyntaxError("no build stage in current context", ins.line(), ins.endLine());
                    }
                    globalArgs.add(ins);
                    for (KeyValue kv : ins.pairs()) {
                        globalValues.put(kv.key(), kv.value().isPresent()
                                ? expandAt(ins, "ARG " + kv.key(), kv.value().get(), globalValues) : "");
                    }
                } else {
                    body.add(ins);
                }
            }
            if (currentFrom == null) {
                Instruction last = instructions.get(instructions.size() - 1);
                throw new SyntaxError("no build stage in current context", last.line(), last.endLine());
            }
            stages.add(stage(stages.size(), currentFrom, body, globalValues, stageNames));
            return new Dockerfile(path, directives, escape, instructions, globalArgs, stages, comments);
        }

        /** Expands a word with the global ARGs, counted against this file's {@link ExpansionBudget}. */
        private String expandAt(Instruction ins, String what, String word, Map<String, String> values) throws SyntaxError {
            try {
                return Words.expand(word, name -> Optional.ofNullable(values.get(name)), escape, budget);
            } catch (ExpansionLimitException e) {
                throw new SyntaxError(what + " " + e.getMessage() + ", the most layerlint expands (see docs/limits.md)",
                        ins.line(), ins.endLine());
            }
        }

        private Stage stage(int index, Instruction from, List<Instruction> body, Map<String, String> globalValues,
                Map<String, Integer> stageNames) throws SyntaxError {
            String image = expandAt(from, "the FROM image", from.args().get(0), globalValues);
            Optional<String> name = from.args().size() == 3
                    ? Optional.of(from.args().get(2).toLowerCase(Locale.ROOT))
                    : Optional.empty();
            if (name.isPresent() && stageNames.containsKey(name.get())) {
                throw new SyntaxError("duplicate stage name \"" + name.get() + "\"", from.line(), from.endLine());
            }
            Optional<Integer> parent = Optional.ofNullable(stageNames.get(image.toLowerCase(Locale.ROOT)));
            name.ifPresent(n -> stageNames.put(n, index));
            return new Stage(index, name, from, ImageRef.parse(image), parent, body);
        }
    }
}
