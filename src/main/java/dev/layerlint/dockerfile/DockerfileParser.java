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

    /** BuildKit reads lines with a bufio.Scanner of the default size: longer lines fail the build. */
    static final int MAX_LINE_BYTES = 65535;
    private static final Set<String> KNOWN_DIRECTIVES = Set.of("syntax", "escape", "check");
    /** BuildKit's reHeredoc, matched with RE2/J (linear time) since the word is user text. */
    private static final com.google.re2j.Pattern HEREDOC = com.google.re2j.Pattern.compile("^(\\d*)<<(-?)\\s*([^<]*)$");
    /** The lexer BuildKit finds heredocs in a line with: escape always {@code \}, quotes and escapes kept, unknown variables kept. */
    private static final ShellLexer HEREDOC_LINE = new ShellLexer('\\', true, true, true, true);
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
    public static final int MAX_READ_LINE_BYTES = 1 << 20;

    /**
     * Reads a file (UTF-8; invalid bytes are replaced) and parses it. A file that is not a regular file,
     * is larger than {@link #MAX_FILE_BYTES} or has a line longer than {@link #MAX_READ_LINE_BYTES} is a failure.
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
                if (i - lineStart > MAX_READ_LINE_BYTES) {
                    return new ParseResult.Failure(displayPath, new ParseError(line, line, "line " + line + " is longer than "
                            + Plural.count(MAX_READ_LINE_BYTES, "byte") + ", the longest line layerlint reads (see docs/limits.md)"));
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

    /**
     * A BuildKit error, located at the lines of the instruction that caused it. {@code deferred}
     * marks the errors BuildKit's instruction parser reports (after the parser has read the whole
     * file); the others are the parser's own and win over them.
     */
    private static final class SyntaxError extends Exception {
        final int line;
        final int endLine;
        final boolean deferred;

        SyntaxError(String message, int line, int endLine, boolean deferred) {
            super(message, null, false, false);
            this.line = line;
            this.endLine = endLine;
            this.deferred = deferred;
        }
    }

    /** One logical instruction line before its arguments are interpreted. */
    private record RawInstruction(String text, int line, int endLine, int column) {
    }

    private static SyntaxError parserError(String message, RawInstruction raw) {
        return new SyntaxError(message, raw.line(), raw.endLine(), false);
    }

    private static SyntaxError instructionError(String message, RawInstruction raw) {
        return new SyntaxError(message, raw.line(), raw.endLine(), true);
    }

    /** Go's {@code strings.TrimSpace} ({@code unicode.IsSpace}). */
    static String goTrim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && ShellLexer.isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && ShellLexer.isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static String goTrimLeft(String s) {
        int start = 0;
        while (start < s.length() && ShellLexer.isSpace(s.charAt(start))) {
            start++;
        }
        return s.substring(start);
    }

    /** The number of bytes of {@code s} in UTF-8. */
    private static int utf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            n += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
        }
        return n;
    }

    private static final class Reader {
        private final String path;
        private final String[] lines;
        private int next;
        private char escape = '\\';
        private boolean directivesDone;
        private final Set<String> directivesSeen = new HashSet<>();
        private Optional<Directive> escapeDirective = Optional.empty();
        private final List<Comment> comments = new ArrayList<>();
        private final List<ParseError> triggerProblems = new ArrayList<>();
        private Optional<SyntaxError> firstInstructionError = Optional.empty();

        Reader(String path, String content) {
            this.path = path;
            if (content.startsWith("\uFEFF")) {
                content = content.substring(1);
            }
            String[] split = content.split("\n", -1);
            if (split.length > 0 && split[split.length - 1].isEmpty()) {
                split = java.util.Arrays.copyOf(split, split.length - 1);
            }
            this.lines = split;
        }

        Dockerfile read() throws SyntaxError {
            for (int i = 0; i < lines.length; i++) {
                if (utf8Length(lines[i]) > MAX_LINE_BYTES) {
                    throw new SyntaxError("dockerfile line greater than max allowed size of " + MAX_LINE_BYTES, i + 1, i + 1, false);
                }
                lines[i] = trimNewline(lines[i]);
            }
            List<Instruction> instructions = new ArrayList<>();
            boolean seenFrom = false;
            int nodes = 0;
            while (next < lines.length) {
                int startLine = next + 1;
                String first = lines[next++];
                String stripped = goTrimLeft(first);
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
                    String content = goTrimLeft(raw);
                    if (isComment(content)) {
                        comments.add(new Comment(next, content.substring(1).strip()));
                        continue;
                    }
                    if (content.isEmpty()) {
                        continue;
                    }
                    ended = appendContinued(logical, raw);
                }
                nodes++;
                RawInstruction raw = new RawInstruction(logical.toString(), startLine, next, column);
                try {
                    Instruction ins = instruction(raw, raw.text(), true);
                    instructions.add(ins);
                    seenFrom |= ins.is(Keyword.FROM);
                    if (!seenFrom && !ins.is(Keyword.ARG)) {
                        throw instructionError("no build stage in current context", raw);
                    }
                } catch (SyntaxError e) {
                    if (!e.deferred) {
                        throw e;
                    }
                    if (firstInstructionError.isEmpty()) {
                        firstInstructionError = Optional.of(e);
                    }
                }
            }
            if (nodes == 0) {
                throw new SyntaxError("file with no instructions", lines.length, lines.length, false);
            }
            if (firstInstructionError.isPresent()) {
                throw firstInstructionError.get();
            }
            return new Assembler(path, directives(), escape, comments, triggerProblems).assemble(instructions);
        }

        /** Go's trimNewline: trailing {@code \r} and {@code \n} characters. */
        private static String trimNewline(String line) {
            int end = line.length();
            while (end > 0 && (line.charAt(end - 1) == '\r' || line.charAt(end - 1) == '\n')) {
                end--;
            }
            return line.substring(0, end);
        }

        /**
         * BuildKit's line continuation: the escape character at the end (blanks after it allowed),
         * unless it is itself escaped ({@code C:\\} ends the instruction).
         */
        private boolean appendContinued(StringBuilder logical, String line) {
            int end = line.length();
            while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t')) {
                end--;
            }
            if (end > 0 && line.charAt(end - 1) == escape && (end == 1 || line.charAt(end - 2) != escape)) {
                logical.append(line, 0, end - 1);
                return false;
            }
            logical.append(line);
            return true;
        }

        /**
         * BuildKit's parser-side directive scan (it decides the escape character): directives are
         * read from the first lines until a line that is not a known directive.
         */
        private void possibleDirective(String line, int lineNumber) throws SyntaxError {
            if (directivesDone) {
                return;
            }
            Optional<String[]> d = directive(line);
            if (d.isEmpty()) {
                directivesDone = true;
                return;
            }
            String name = d.get()[0];
            String value = d.get()[1];
            if (!directivesSeen.add(name)) {
                throw new SyntaxError("only one " + name + " parser directive can be used", lineNumber, lineNumber, false);
            }
            if (name.equals("escape")) {
                if (!value.equals("\\") && !value.equals("`")) {
                    throw new SyntaxError("invalid escape token '" + value + "' does not match ` or \\", lineNumber, lineNumber, false);
                }
                escape = value.charAt(0);
                escapeDirective = Optional.of(new Directive(name, value, lineNumber));
            }
        }

        /**
         * BuildKit's DirectiveParser.ParseLine: {@code #}, blanks, a known name, {@code =}, a value
         * (trailing blanks dropped); empty for any other line.
         */
        private static Optional<String[]> directive(String line) {
            if (!line.startsWith("#")) {
                return Optional.empty();
            }
            String rest = goTrimLeft(line.substring(1));
            int i = 0;
            if (rest.isEmpty() || !isAsciiLetter(rest.charAt(0))) {
                return Optional.empty();
            }
            while (i < rest.length() && (isAsciiLetter(rest.charAt(i)) || (rest.charAt(i) >= '0' && rest.charAt(i) <= '9'))) {
                i++;
            }
            String name = rest.substring(0, i).toLowerCase(Locale.ROOT);
            while (i < rest.length() && isRegexSpace(rest.charAt(i))) {
                i++;
            }
            if (i >= rest.length() || rest.charAt(i) != '=') {
                return Optional.empty();
            }
            i++;
            int end = rest.length();
            if (i >= end || !KNOWN_DIRECTIVES.contains(name)) {
                return Optional.empty();
            }
            while (i < end - 1 && isRegexSpace(rest.charAt(i))) {
                i++;
            }
            while (end > i + 1 && isRegexSpace(rest.charAt(end - 1))) {
                end--;
            }
            return Optional.of(new String[] {name, rest.substring(i, end)});
        }

        private static boolean isAsciiLetter(char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        }

        /** Go regexp's {@code \s}. */
        private static boolean isRegexSpace(char c) {
            return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
        }

        /**
         * The directives as a build applies them: {@code escape} from the parser's scan above;
         * {@code syntax} and {@code check} as BuildKit's ParseDirective reads them, which skips a
         * {@code #!} first line and keeps the value up to its first blank ({@code # check=skip=all // why}).
         */
        private List<Directive> directives() {
            List<Directive> found = new ArrayList<>();
            escapeDirective.ifPresent(found::add);
            int i = lines.length > 0 && lines[0].startsWith("#!") ? 1 : 0;
            Set<String> seen = new HashSet<>();
            for (; i < lines.length; i++) {
                Optional<String[]> d = directive(lines[i]);
                if (d.isEmpty() || !seen.add(d.get()[0])) {
                    break;
                }
                String name = d.get()[0];
                if (!name.equals("escape")) {
                    String value = d.get()[1];
                    int blank = value.indexOf(' ');
                    found.add(new Directive(name, blank < 0 ? value : value.substring(0, blank), i + 1));
                }
            }
            found.sort(java.util.Comparator.comparingInt(Directive::line));
            return found;
        }

        private static boolean isComment(String strippedLine) {
            return strippedLine.startsWith("#");
        }

        /** The instruction word, the flag words and the arguments of one line (BuildKit's splitCommand). */
        private record Split(String word, List<String> flags, String arguments) {
        }

        private Split split(String text) {
            String line = goTrim(text);
            int wordEnd = endOfCommandWord(line, 0);
            String word = line.substring(0, wordEnd);
            int restStart = wordEnd;
            while (restStart < line.length() && isCommandSpace(line.charAt(restStart))) {
                restStart++;
            }
            if (restStart == wordEnd) {
                return new Split(word, List.of(), "");
            }
            FlagSplit flagSplit = extractFlags(line.substring(restStart), escape);
            return new Split(word, flagSplit.flags(), goTrim(flagSplit.rest()));
        }

        /** BuildKit's reWhitespace {@code [\t\v\f\r ]}. */
        private static boolean isCommandSpace(char c) {
            return c == ' ' || c == '\t' || c == '\u000B' || c == '\f' || c == '\r';
        }

        private static int endOfCommandWord(String line, int from) {
            int i = from;
            while (i < line.length() && !isCommandSpace(line.charAt(i))) {
                i++;
            }
            return i;
        }

        /**
         * Interprets one logical line. {@code topLevel} is false for an ONBUILD trigger, which
         * shares the lines (and heredocs) of its ONBUILD.
         */
        private Instruction instruction(RawInstruction raw, String text, boolean topLevel) throws SyntaxError {
            Split split = split(text);
            Optional<Keyword> keyword = Keyword.of(split.word());
            String arguments = split.arguments();
            boolean json = lineCheck(keyword, arguments, raw, topLevel);
            List<Heredoc> heredocs = List.of();
            if (topLevel && !json && raw.text().contains("<<") && heredocCapable(keyword, arguments)) {
                heredocs = readHeredocs(raw.text(), raw);
            }
            if (keyword.isEmpty()) {
                throw instructionError("unknown instruction: " + split.word(), raw);
            }
            int endLine = topLevel ? next : raw.endLine();
            RawInstruction located = new RawInstruction(raw.text(), raw.line(), endLine, raw.column());
            List<String> flagWords = split.flags();
            if (keyword.get() == Keyword.HEALTHCHECK) {
                return healthcheck(located, arguments, flagWords);
            }
            if (keyword.get() == Keyword.ONBUILD) {
                return onbuild(located, arguments, flagWords, heredocs);
            }
            List<Flag> flags = parseFlags(keyword.get(), flagWords, located);
            return switch (keyword.get()) {
                case RUN, CMD, ENTRYPOINT -> command(keyword.get(), located, arguments, flags, heredocs);
                case SHELL -> shell(located, arguments, flags);
                case COPY, ADD -> copy(keyword.get(), located, arguments, flags, heredocs);
                case FROM -> from(located, arguments, flags);
                case ENV, LABEL -> pairs(keyword.get(), located, arguments, flags);
                case ARG -> arg(located, arguments, flags);
                case EXPOSE -> words(keyword.get(), located, arguments, flags);
                case VOLUME -> volume(located, arguments, flags);
                case USER, WORKDIR, STOPSIGNAL, MAINTAINER -> single(keyword.get(), located, arguments, flags);
                case HEALTHCHECK, ONBUILD -> throw new IllegalStateException("handled above");
            };
        }

        /**
         * The checks BuildKit's parser makes on a line before any instruction is interpreted: JSON
         * arrays of non-strings, ENV/LABEL pair syntax, and the same for an ONBUILD trigger.
         *
         * @return whether the arguments are a JSON array (which cannot open heredocs)
         */
        private boolean lineCheck(Optional<Keyword> keyword, String arguments, RawInstruction raw, boolean topLevel)
                throws SyntaxError {
            if (keyword.isEmpty()) {
                return false;
            }
            switch (keyword.get()) {
                case RUN, CMD, ENTRYPOINT, SHELL, COPY, ADD, VOLUME:
                    return jsonArray(arguments, raw).isPresent();
                case HEALTHCHECK:
                    int typeEnd = endOfGoWord(arguments);
                    return typeEnd > 0 && jsonArray(arguments.substring(typeEnd), raw).isPresent();
                case ENV, LABEL:
                    nameValues(keyword.get(), arguments, raw);
                    return false;
                case ONBUILD:
                    if (!topLevel || arguments.isEmpty()) {
                        return false;
                    }
                    Split trigger = split(arguments);
                    Optional<Keyword> triggerKeyword = Keyword.of(trigger.word());
                    return triggerKeyword.filter(k -> k != Keyword.ONBUILD).isPresent()
                            && lineCheck(triggerKeyword, trigger.arguments(), raw, false);
                default:
                    return false;
            }
        }

        private static int endOfGoWord(String s) {
            int i = 0;
            while (i < s.length() && !ShellLexer.isSpace(s.charAt(i))) {
                i++;
            }
            return i;
        }

        private boolean heredocCapable(Optional<Keyword> keyword, String arguments) {
            if (keyword.isEmpty()) {
                return false;
            }
            if (keyword.get() == Keyword.ONBUILD) {
                Split trigger = split(arguments);
                return Keyword.of(trigger.word()).map(Keyword::acceptsHeredocs).orElse(false);
            }
            return keyword.get().acceptsHeredocs();
        }

        private List<Heredoc> readHeredocs(String line, RawInstruction raw) throws SyntaxError {
            List<String> words;
            try {
                words = HEREDOC_LINE.processWords(line, ShellLexer.Env.EMPTY);
            } catch (ShellLexer.WordException e) {
                return List.of();
            }
            List<Heredoc> found = new ArrayList<>();
            for (String w : words) {
                Optional<HeredocStart> start;
                try {
                    start = heredocStart(w);
                } catch (ShellLexer.WordException e) {
                    throw parserError(e.getMessage(), raw);
                }
                if (start.isEmpty()) {
                    continue;
                }
                HeredocStart h = start.get();
                StringBuilder body = new StringBuilder();
                int first = next + 1;
                boolean terminated = false;
                while (next < lines.length) {
                    String bodyLine = lines[next++];
                    String candidate = h.chomp() ? bodyLine.replaceFirst("^\t+", "") : bodyLine;
                    if (candidate.equals(h.name())) {
                        terminated = true;
                        break;
                    }
                    body.append(bodyLine).append('\n');
                }
                if (!terminated) {
                    throw new SyntaxError("unterminated heredoc", raw.line(), next, false);
                }
                found.add(new Heredoc(h.name(), h.chomp(), h.expand(), body.toString(), first, next));
            }
            return found;
        }

        private record HeredocStart(String name, boolean chomp, boolean expand) {
        }

        /** BuildKit's ParseHeredoc: {@code [n]<<[-][blanks]NAME}, where NAME lexes to one word. */
        static Optional<HeredocStart> heredocStart(String word) throws ShellLexer.WordException {
            com.google.re2j.Matcher m = HEREDOC.matcher(word);
            if (!m.matches() || m.group(3).isEmpty()) {
                return Optional.empty();
            }
            String rest = m.group(3);
            List<String> words = new ShellLexer('\\', false, false, true, true).processWords(rest, ShellLexer.Env.EMPTY);
            if (words.size() != 1) {
                return Optional.empty();
            }
            List<String> rawWords = new ShellLexer('\\', true, false, true, true).processWords(rest, ShellLexer.Env.EMPTY);
            String name = words.get(0);
            String rawName = rawWords.get(0);
            boolean expand = quoteCount(name) == quoteCount(rawName);
            return Optional.of(new HeredocStart(name, m.group(2).equals("-"), expand));
        }

        private static long quoteCount(String s) {
            return s.chars().filter(c -> c == '\'' || c == '"').count();
        }

        private Instruction onbuild(RawInstruction raw, String arguments, List<String> flagWords, List<Heredoc> heredocs)
                throws SyntaxError {
            if (arguments.isEmpty()) {
                throw instructionError("ONBUILD requires at least one argument", raw);
            }
            List<Flag> flags = parseFlags(Keyword.ONBUILD, flagWords, raw);
            String triggerWord = goTrim(arguments.substring(0, endOfCommandWord(arguments, 0))).toUpperCase(Locale.ROOT);
            if (triggerWord.equals("ONBUILD")) {
                throw instructionError("Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed", raw);
            }
            if (triggerWord.equals("FROM") || triggerWord.equals("MAINTAINER")) {
                throw instructionError(triggerWord + " isn't allowed as an ONBUILD trigger", raw);
            }
            Optional<Instruction> trigger;
            try {
                Instruction t = instruction(raw, arguments, false);
                trigger = Optional.of(new Instruction(t.keyword(), t.flags(), t.arguments(), t.args(), t.execForm(), t.pairs(),
                        heredocs, Optional.empty(), raw.line(), raw.endLine(), raw.column()));
            } catch (SyntaxError e) {
                if (!e.deferred) {
                    throw e;
                }
                triggerProblems.add(new ParseError(raw.line(), raw.endLine(),
                        "the ONBUILD trigger fails every build that starts FROM this image: " + e.getMessage()));
                trigger = Optional.empty();
            }
            return build(Keyword.ONBUILD, raw, arguments, flags, List.of(arguments), false, List.of(), List.of(), trigger);
        }

        private Instruction command(Keyword keyword, RawInstruction raw, String arguments, List<Flag> flags,
                List<Heredoc> heredocs) throws SyntaxError {
            Optional<List<String>> exec = jsonArray(arguments, raw);
            List<String> args = exec.orElseGet(() -> arguments.isEmpty() ? List.of() : List.of(arguments));
            return build(keyword, raw, arguments, flags, args, exec.isPresent(), List.of(), heredocs, Optional.empty());
        }

        private Instruction shell(RawInstruction raw, String arguments, List<Flag> flags) throws SyntaxError {
            Optional<List<String>> exec = jsonArray(arguments, raw);
            if (arguments.isEmpty() || exec.map(List::isEmpty).orElse(false)) {
                throw instructionError("SHELL requires at least one argument", raw);
            }
            if (exec.isEmpty()) {
                throw instructionError("SHELL requires the arguments to be in JSON form", raw);
            }
            return build(Keyword.SHELL, raw, arguments, flags, exec.get(), true, List.of(), List.of(), Optional.empty());
        }

        private Instruction copy(Keyword keyword, RawInstruction raw, String arguments, List<Flag> flags,
                List<Heredoc> heredocs) throws SyntaxError {
            Optional<List<String>> exec = jsonArray(arguments, raw);
            List<String> args = exec.orElseGet(() -> whitespaceWords(arguments));
            if (args.size() < 2) {
                throw instructionError(keyword + " requires at least two arguments, but only one was provided. Destination could not be determined",
                        raw);
            }
            try {
                if (heredocStart(args.get(args.size() - 1)).isPresent()) {
                    throw instructionError(keyword + " cannot accept a heredoc as a destination", raw);
                }
            } catch (ShellLexer.WordException e) {
                // MustParseHeredoc: a destination that does not lex is not a heredoc
            }
            return build(keyword, raw, arguments, flags, args, exec.isPresent(), List.of(), heredocs, Optional.empty());
        }

        private Instruction from(RawInstruction raw, String arguments, List<Flag> flags) throws SyntaxError {
            List<String> args = whitespaceWords(arguments);
            if (args.size() == 3 && args.get(1).equalsIgnoreCase("as")) {
                String name = args.get(2).toLowerCase(Locale.ROOT);
                if (!STAGE_NAME.matcher(name).matches()) {
                    throw instructionError("invalid name for build stage: " + GoStrings.quote(args.get(2))
                            + ", name can't start with a number or contain symbols", raw);
                }
            } else if (args.size() != 1) {
                throw instructionError("FROM requires either one or three arguments", raw);
            }
            return build(Keyword.FROM, raw, arguments, flags, args, false, List.of(), List.of(), Optional.empty());
        }

        /** BuildKit's parseNameVal: the raw {@code [key, value]} pairs of ENV/LABEL, quotes still in. */
        private List<String[]> nameValues(Keyword keyword, String arguments, RawInstruction raw) throws SyntaxError {
            List<String> words = Words.split(arguments, escape);
            List<String[]> pairs = new ArrayList<>();
            if (words.isEmpty()) {
                return pairs;
            }
            if (!words.get(0).contains("=")) {
                int keyEnd = endOfCommandWord(arguments, 0);
                int valueStart = keyEnd;
                while (valueStart < arguments.length() && isCommandSpace(arguments.charAt(valueStart))) {
                    valueStart++;
                }
                if (valueStart == keyEnd) {
                    throw parserError(keyword + " must have two arguments", raw);
                }
                pairs.add(new String[] {arguments.substring(0, keyEnd), arguments.substring(valueStart)});
                return pairs;
            }
            for (String w : words) {
                int eq = w.indexOf('=');
                if (eq < 0) {
                    throw parserError("Syntax error - can't find = in " + GoStrings.quote(w) + ". Must be of the form: name=value", raw);
                }
                pairs.add(new String[] {w.substring(0, eq), w.substring(eq + 1)});
            }
            return pairs;
        }

        private Instruction pairs(Keyword keyword, RawInstruction raw, String arguments, List<Flag> flags)
                throws SyntaxError {
            List<String[]> raws = nameValues(keyword, arguments, raw);
            if (raws.isEmpty()) {
                throw instructionError(keyword + " requires at least one argument", raw);
            }
            List<KeyValue> pairs = new ArrayList<>();
            for (String[] kv : raws) {
                if (kv[0].isEmpty()) {
                    throw instructionError(keyword + " names can not be blank", raw);
                }
                pairs.add(new KeyValue(unquote(kv[0]), Optional.of(unquote(kv[1]))));
            }
            return build(keyword, raw, arguments, flags, Words.split(arguments, escape), false, pairs, List.of(), Optional.empty());
        }

        private Instruction arg(RawInstruction raw, String arguments, List<Flag> flags) throws SyntaxError {
            List<String> words = Words.split(arguments, escape);
            if (words.isEmpty()) {
                throw instructionError("ARG requires at least one argument", raw);
            }
            List<KeyValue> pairs = new ArrayList<>();
            for (String w : words) {
                int eq = w.indexOf('=');
                if (eq == 0) {
                    throw instructionError("ARG names can not be blank", raw);
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
                throw instructionError(keyword + " requires at least one argument", raw);
            }
            return build(keyword, raw, arguments, flags, args, false, List.of(), List.of(), Optional.empty());
        }

        private Instruction volume(RawInstruction raw, String arguments, List<Flag> flags) throws SyntaxError {
            Optional<List<String>> exec = jsonArray(arguments, raw);
            List<String> args = exec.orElseGet(() -> whitespaceWords(arguments));
            if (args.isEmpty()) {
                throw instructionError("VOLUME requires at least one argument", raw);
            }
            if (args.stream().anyMatch(a -> goTrim(a).isEmpty())) {
                throw instructionError("VOLUME specified can not be an empty string", raw);
            }
            return build(Keyword.VOLUME, raw, arguments, flags, args, exec.isPresent(), List.of(), List.of(), Optional.empty());
        }

        private Instruction single(Keyword keyword, RawInstruction raw, String arguments, List<Flag> flags)
                throws SyntaxError {
            if (arguments.isEmpty()) {
                throw instructionError(keyword + " requires exactly one argument", raw);
            }
            return build(keyword, raw, arguments, flags, List.of(arguments), false, List.of(), List.of(), Optional.empty());
        }

        private Instruction healthcheck(RawInstruction raw, String arguments, List<String> flagWords) throws SyntaxError {
            if (arguments.isEmpty()) {
                throw instructionError("HEALTHCHECK requires at least one argument", raw);
            }
            int typeEnd = endOfGoWord(arguments);
            String type = arguments.substring(0, typeEnd).toUpperCase(Locale.ROOT);
            String rest = goTrim(arguments.substring(typeEnd));
            if (type.equals("NONE")) {
                // BuildKit reads no flags for NONE, so none can be wrong
                if (!rest.isEmpty()) {
                    throw instructionError("HEALTHCHECK NONE takes no arguments", raw);
                }
                return build(Keyword.HEALTHCHECK, raw, arguments, List.of(), List.of("NONE"), false, List.of(), List.of(), Optional.empty());
            }
            List<Flag> flags = parseFlags(Keyword.HEALTHCHECK, flagWords, raw);
            if (!type.equals("CMD")) {
                throw instructionError("Unknown type " + GoStrings.quote(type) + " in HEALTHCHECK (try CMD)", raw);
            }
            Optional<List<String>> exec = jsonArray(rest, raw);
            if (rest.isEmpty() || exec.map(List::isEmpty).orElse(false)) {
                throw instructionError("Missing command after HEALTHCHECK CMD", raw);
            }
            for (String name : List.of("interval", "timeout", "start-period", "start-interval")) {
                Optional<String> value = flags.stream().filter(f -> f.name().equals(name)).findFirst().flatMap(Flag::value);
                if (value.isPresent() && !value.get().isEmpty()) {
                    long nanos;
                    try {
                        nanos = GoDurations.parse(value.get());
                    } catch (IllegalArgumentException e) {
                        throw instructionError(e.getMessage(), raw);
                    }
                    if (nanos != 0 && nanos < 1_000_000L) {
                        throw instructionError("Interval " + GoStrings.quote(name) + " cannot be less than 1ms", raw);
                    }
                }
            }
            Optional<String> retries = flags.stream().filter(f -> f.name().equals("retries")).findFirst().flatMap(Flag::value);
            if (retries.isPresent() && !retries.get().isEmpty()) {
                checkRetries(retries.get(), raw);
            }
            List<String> args = new ArrayList<>();
            args.add("CMD");
            args.addAll(exec.orElseGet(() -> List.of(rest)));
            return build(Keyword.HEALTHCHECK, raw, arguments, flags, args, exec.isPresent(), List.of(), List.of(), Optional.empty());
        }

        /** Go's {@code strconv.ParseInt(value, 10, 32)} and BuildKit's check for a negative count. */
        private static void checkRetries(String value, RawInstruction raw) throws SyntaxError {
            String prefix = "strconv.ParseInt: parsing " + GoStrings.quote(value) + ": ";
            if (!value.matches("[+-]?[0-9]+")) {
                throw instructionError(prefix + "invalid syntax", raw);
            }
            java.math.BigInteger n = new java.math.BigInteger(value.startsWith("+") ? value.substring(1) : value);
            if (n.bitLength() > 31) {
                throw instructionError(prefix + "value out of range", raw);
            }
            if (n.signum() < 0) {
                throw instructionError("--retries cannot be negative (" + n + ")", raw);
            }
        }

        private Instruction build(Keyword keyword, RawInstruction raw, String arguments, List<Flag> flags, List<String> args,
                boolean exec, List<KeyValue> pairs, List<Heredoc> heredocs, Optional<Instruction> trigger) {
            return new Instruction(keyword, flags, arguments, args, exec, pairs, heredocs, trigger, raw.line(),
                    raw.endLine(), raw.column());
        }

        /** Quotes removed and escapes applied, variables left as written (for {@link KeyValue}). */
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

        /**
         * BuildKit's parseJSON: a JSON array of strings, or empty when the text is not a JSON array
         * (shell form). A valid array with anything but strings in it is an error, as in BuildKit.
         */
        private static Optional<List<String>> jsonArray(String text, RawInstruction raw) throws SyntaxError {
            String t = goTrimLeft(text);
            if (!t.startsWith("[")) {
                return Optional.empty();
            }
            try (JsonParser p = JSON.createParser(t)) {
                if (p.nextToken() != JsonToken.START_ARRAY) {
                    return Optional.empty();
                }
                List<String> values = new ArrayList<>();
                boolean onlyStrings = true;
                int depth = 1;
                JsonToken token;
                while (depth > 0 && (token = p.nextToken()) != null) {
                    if (token == JsonToken.START_ARRAY || token == JsonToken.START_OBJECT) {
                        onlyStrings &= depth > 1;
                        depth++;
                    } else if (token == JsonToken.END_ARRAY || token == JsonToken.END_OBJECT) {
                        depth--;
                    } else if (depth == 1) {
                        if (token == JsonToken.VALUE_STRING) {
                            values.add(p.getText());
                        } else {
                            onlyStrings = false;
                        }
                    }
                }
                if (depth != 0 || p.nextToken() != null) {
                    return Optional.empty();
                }
                if (!onlyStrings) {
                    throw parserError("when using JSON array syntax, arrays must be comprised of strings only", raw);
                }
                return Optional.of(values);
            } catch (IOException e) {
                return Optional.empty();
            }
        }

        private record FlagSplit(List<String> flags, String rest) {
        }

        /** BuildKit's extractBuilderFlags: leading {@code --words}, with quotes and escapes removed. */
        private static FlagSplit extractFlags(String line, char escape) {
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
                    if (ShellLexer.isSpace(ch)) {
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
                    if (ShellLexer.isSpace(ch)) {
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
                    if (ch == escape) {
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
                if (ch == escape) {
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

        /** BuildKit's BFlags.Parse, with its messages (the flag named as written, dashes included). */
        private List<Flag> parseFlags(Keyword keyword, List<String> words, RawInstruction raw) throws SyntaxError {
            List<Flag> flags = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (String w : words) {
                int eq = w.indexOf('=');
                String flagName = eq < 0 ? w : w.substring(0, eq);
                String name = flagName.substring(2);
                Optional<String> value = eq < 0 ? Optional.empty() : Optional.of(w.substring(eq + 1));
                if (!keyword.flags().contains(name)) {
                    throw instructionError("unknown flag: " + flagName, raw);
                }
                if (!LIST_FLAGS.contains(name) && !seen.add(name)) {
                    throw instructionError("duplicate flag specified: " + flagName, raw);
                }
                if (BOOLEAN_FLAGS.contains(name)) {
                    if (value.isPresent() && value.get().isEmpty()) {
                        throw instructionError("missing a value on flag: " + flagName, raw);
                    }
                    if (value.isPresent() && !value.get().equalsIgnoreCase("true") && !value.get().equalsIgnoreCase("false")) {
                        throw instructionError("expecting boolean value for flag " + flagName + ", not: " + value.get(), raw);
                    }
                } else if (value.isEmpty()) {
                    throw instructionError("missing a value on flag: " + flagName, raw);
                }
                flags.add(new Flag(name, value));
            }
            return flags;
        }
    }

    /**
     * Splits the instructions into stages and expands the words BuildKit expands when it builds
     * (FROM with the ARGs before the first FROM; ENV, ARG, LABEL, WORKDIR, USER, STOPSIGNAL,
     * EXPOSE, VOLUME and COPY/ADD with the stage's variables): a word BuildKit's lexer rejects
     * fails the build at that instruction. COPY/ADD arguments are kept lexed, as BuildKit reads them.
     */
    private static final class Assembler {
        /** Build arguments BuildKit predefines for the global scope; their values depend on the build. */
        private static final Set<String> PLATFORM_ARGS = Set.of("TARGETPLATFORM", "TARGETOS", "TARGETARCH", "TARGETVARIANT",
                "BUILDPLATFORM", "BUILDOS", "BUILDARCH", "BUILDVARIANT");
        private static final String FROM_EXPANSION = "variable expansion is not supported for --from, define a new stage with "
                + "FROM using ARG from global scope as a workaround";

        private final String path;
        private final List<Directive> directives;
        private final char escape;
        private final List<Comment> comments;
        private final List<ParseError> triggerProblems;
        private final ShellLexer lexer;
        /** What expansion has produced for this file so far, bounded by {@link ExpansionBudget#MAX_TOTAL}. */
        private long expanded;

        Assembler(String path, List<Directive> directives, char escape, List<Comment> comments, List<ParseError> triggerProblems) {
            this.path = path;
            this.directives = directives;
            this.escape = escape;
            this.comments = comments;
            this.triggerProblems = triggerProblems;
            this.lexer = ShellLexer.of(escape);
        }

        /**
         * Variables in scope: known values, names only the build can give a value, and whether the
         * base image may define any other (a stage FROM an image rather than scratch or the global scope).
         */
        private static final class Scope {
            final Map<String, String> values = new HashMap<>();
            final Set<String> unknown = new HashSet<>();
            final boolean open;

            Scope(boolean open) {
                this.open = open;
            }

            Scope copy() {
                Scope c = new Scope(open);
                c.values.putAll(values);
                c.unknown.addAll(unknown);
                return c;
            }

            void set(String name, String value) {
                values.put(name, value);
                unknown.remove(name);
            }

            void setUnknown(String name) {
                values.remove(name);
                unknown.add(name);
            }

            ShellLexer.Env env() {
                return new ShellLexer.Env(values, unknown, open);
            }
        }

        private String expand(String word, Scope scope, Instruction at) throws SyntaxError {
            String value;
            try {
                value = lexer.processWord(word, scope.env());
            } catch (ShellLexer.WordException e) {
                throw new SyntaxError(e.getMessage(), at.line(), at.endLine(), false);
            }
            expanded += value.length();
            if (expanded > ExpansionBudget.MAX_TOTAL) {
                throw new SyntaxError("the variables expanded in this Dockerfile grow past " + ExpansionBudget.MAX_TOTAL
                        + " characters together, the most layerlint expands (see docs/limits.md)", at.line(), at.endLine(), false);
            }
            return value;
        }

        Dockerfile assemble(List<Instruction> parsed) throws SyntaxError {
            List<Instruction> instructions = new ArrayList<>();
            List<Instruction> globalArgs = new ArrayList<>();
            Scope global = new Scope(false);
            PLATFORM_ARGS.forEach(global::setUnknown);
            List<Stage> stages = new ArrayList<>();
            List<Scope> stageScopes = new ArrayList<>();
            Map<String, Integer> stageNames = new HashMap<>();
            Instruction currentFrom = null;
            String currentBase = "";
            Scope scope = new Scope(false);
            List<Instruction> body = new ArrayList<>();
            for (Instruction parsedIns : parsed) {
                Instruction ins = parsedIns;
                if (ins.is(Keyword.FROM)) {
                    if (currentFrom != null) {
                        stages.add(stage(stages.size(), currentFrom, currentBase, body, stageNames));
                        stageScopes.add(scope);
                    }
                    currentFrom = ins;
                    currentBase = expand(ins.args().get(0), global, ins);
                    for (Flag f : ins.flags("platform")) {
                        expand(f.value().orElse(""), global, ins);
                    }
                    Integer parent = stageNames.get(currentBase.toLowerCase(Locale.ROOT));
                    scope = parent == null ? new Scope(!currentBase.equalsIgnoreCase("scratch")) : stageScopes.get(parent).copy();
                    body = new ArrayList<>();
                } else if (currentFrom == null) {
                    // only ARGs come before the first FROM: the reader has refused anything else
                    globalArgs.add(ins);
                    for (String word : ins.args()) {
                        int eq = word.indexOf('=');
                        String key = eq < 0 ? word : word.substring(0, eq);
                        if (eq < 0) {
                            global.setUnknown(key);
                        } else {
                            String value = expand(word.substring(eq + 1), global, ins);
                            global.set(key, value);
                        }
                    }
                } else {
                    ins = expandInStage(ins, scope, global);
                    body.add(ins);
                }
                instructions.add(ins);
            }
            if (currentFrom == null) {
                Instruction last = parsed.get(parsed.size() - 1);
                throw new SyntaxError("dockerfile contains no stages to build", last.line(), last.endLine(), false);
            }
            stages.add(stage(stages.size(), currentFrom, currentBase, body, stageNames));
            return new Dockerfile(path, directives, escape, instructions, globalArgs, stages, comments, triggerProblems);
        }

        /** Checks the words BuildKit expands in one stage instruction and updates the scope; COPY/ADD come back lexed. */
        private Instruction expandInStage(Instruction ins, Scope scope, Scope global) throws SyntaxError {
            switch (ins.keyword()) {
                case ARG -> {
                    for (String word : ins.args()) {
                        int eq = word.indexOf('=');
                        String key = expand(eq < 0 ? word : word.substring(0, eq), scope, ins);
                        if (eq >= 0) {
                            scope.set(key, expand(word.substring(eq + 1), scope, ins));
                        } else if (global.values.containsKey(key)) {
                            scope.set(key, global.values.get(key));
                        } else {
                            scope.setUnknown(key);
                        }
                    }
                }
                case ENV, LABEL -> {
                    Map<String, String> assigned = new HashMap<>();
                    for (String[] kv : rawPairs(ins)) {
                        assigned.put(expand(kv[0], scope, ins), expand(kv[1], scope, ins));
                    }
                    if (ins.is(Keyword.ENV)) {
                        assigned.forEach(scope::set);
                    }
                }
                case WORKDIR, USER, STOPSIGNAL, EXPOSE, VOLUME -> {
                    for (String word : ins.args()) {
                        expand(word, scope, ins);
                    }
                }
                case COPY, ADD -> {
                    return expandCopy(ins, scope);
                }
                default -> {
                    // RUN, CMD, ENTRYPOINT, SHELL, HEALTHCHECK, ONBUILD, MAINTAINER: BuildKit does not expand them
                }
            }
            return ins;
        }

        private Instruction expandCopy(Instruction ins, Scope scope) throws SyntaxError {
            for (String name : List.of("chown", "chmod", "checksum")) {
                for (Flag f : ins.flags(name)) {
                    expand(f.value().orElse(""), scope, ins);
                }
            }
            for (Flag f : ins.flags("from")) {
                String from = f.value().orElse("");
                if (!expand(from, new Scope(false), ins).equals(from)) {
                    throw new SyntaxError(FROM_EXPANSION, ins.line(), ins.endLine(), false);
                }
            }
            // the words as BuildKit reads them; a variable the linter cannot know (set by a build
            // argument or the base image) stays as written
            ShellLexer known = new ShellLexer(escape, false, false, true, true);
            List<String> args = new ArrayList<>();
            for (int i = 0; i < ins.args().size(); i++) {
                String word = ins.args().get(i);
                if (i < ins.args().size() - 1 && isHeredoc(word)) {
                    args.add(word);
                    continue;
                }
                expand(word, scope, ins);
                try {
                    args.add(known.processWord(word, scope.env()));
                } catch (ShellLexer.WordException e) {
                    throw new SyntaxError(e.getMessage(), ins.line(), ins.endLine(), false);
                }
            }
            ShellLexer raw = new ShellLexer('\\', false, false, false, false);
            for (Heredoc h : ins.heredocs()) {
                if (h.expand()) {
                    try {
                        raw.processWord(h.effectiveContent(), scope.env());
                    } catch (ShellLexer.WordException e) {
                        throw new SyntaxError(e.getMessage(), ins.line(), ins.endLine(), false);
                    }
                }
            }
            return new Instruction(ins.keyword(), ins.flags(), ins.arguments(), args, ins.execForm(), ins.pairs(), ins.heredocs(),
                    ins.trigger(), ins.line(), ins.endLine(), ins.column());
        }

        private static boolean isHeredoc(String word) {
            try {
                return Reader.heredocStart(word).isPresent();
            } catch (ShellLexer.WordException e) {
                return false;
            }
        }

        /** The raw key/value words of ENV/LABEL, as BuildKit's parser left them (quotes in). */
        private List<String[]> rawPairs(Instruction ins) {
            List<String> words = Words.split(ins.arguments(), escape);
            List<String[]> pairs = new ArrayList<>();
            if (!words.isEmpty() && !words.get(0).contains("=")) {
                String a = ins.arguments();
                int keyEnd = Reader.endOfCommandWord(a, 0);
                pairs.add(new String[] {a.substring(0, keyEnd), goTrimLeft(a.substring(keyEnd))});
                return pairs;
            }
            for (String w : words) {
                int eq = w.indexOf('=');
                pairs.add(new String[] {w.substring(0, eq), w.substring(eq + 1)});
            }
            return pairs;
        }

        private Stage stage(int index, Instruction from, String image, List<Instruction> body, Map<String, Integer> stageNames) {
            Optional<String> name = from.args().size() == 3
                    ? Optional.of(from.args().get(2).toLowerCase(Locale.ROOT))
                    : Optional.empty();
            // a repeated name is only a warning for BuildKit (DuplicateStageName): the name then means
            // the latest stage that has it
            Optional<Integer> parent = Optional.ofNullable(stageNames.get(image.toLowerCase(Locale.ROOT)));
            name.ifPresent(n -> stageNames.put(n, index));
            return new Stage(index, name, from, ImageRef.parse(image), parent, body);
        }
    }
}
