package dev.layerlint.shell;

import dev.layerlint.shell.CommandExpander.Invocation;
import dev.layerlint.shell.CommandExpander.Word;
import dev.layerlint.shell.Token.Kind;
import dev.layerlint.shell.Token.Substitution;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recursive-descent reader of the POSIX shell grammar (lists, and-or lists, pipelines, compound
 * commands, functions) that hands every simple command, in execution order, to {@link CommandExpander}.
 * On a syntax error it reports the problem, skips the offending token and reads on.
 */
final class Parser {

    private static final Set<String> REDIRECTIONS =
            Set.of("<", ">", ">>", "<<", "<<-", "<<<", "<&", ">&", "<>", ">|", "&>", "&>>");
    private static final Set<String> CASE_ARM_ENDS = Set.of(";;", ";&", ";;&");
    private static final Set<String> MISPLACED_RESERVED_WORDS =
            Set.of("then", "else", "elif", "fi", "do", "done", "esac", "}");
    private static final Pattern ASSIGNMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\+?=.*", Pattern.DOTALL);

    private final List<Token> tokens;
    private final Reading reading;
    private final Frame frame;
    private int index;
    /** Connector for the next command; null once a command has taken it. */
    private Connector pending;
    private int conditionalDepth;
    private int compoundDepth;

    private Parser(List<Token> tokens, Reading reading, Frame frame) {
        this.tokens = tokens;
        this.reading = reading;
        this.frame = frame;
        this.pending = frame.connector();
    }

    /** Reads {@code script}, adding its commands and problems to {@code reading}. */
    static void parse(String script, Reading reading, Frame frame) {
        if (frame.nesting() > Reading.MAX_NESTING) {
            reading.report("commands nested more than " + Reading.MAX_NESTING + " levels deep were not read");
            return;
        }
        Lexer.Result lexed = Lexer.lex(script, frame.lineOffset());
        lexed.problem().ifPresent(reading::report);
        new Parser(lexed.tokens(), reading, frame).parseList(Set.of());
    }

    /** Reads commands until the end of input or an unquoted {@code terminators} token in command position. */
    private void parseList(Set<String> terminators) {
        while (true) {
            skipSeparators();
            Token next = peek();
            if (next.kind() == Kind.END || isTerminator(next, terminators)) {
                return;
            }
            int before = index;
            parseAndOr();
            if (index == before) {
                unexpected(advance());
            }
        }
    }

    private boolean isTerminator(Token token, Set<String> terminators) {
        boolean operatorOrPlainWord = token.kind() == Kind.OPERATOR || (token.isWord() && !token.quoted());
        return operatorOrPlainWord && terminators.contains(token.text());
    }

    private void skipSeparators() {
        while (true) {
            Token next = peek();
            if (next.kind() == Kind.NEWLINE) {
                offer(Connector.NEWLINE);
            } else if (next.isOperator(";")) {
                offer(Connector.SEMICOLON);
            } else if (next.isOperator("&")) {
                offer(Connector.BACKGROUND);
            } else {
                return;
            }
            index++;
        }
    }

    private void skipLineBreaks() {
        while (peek().kind() == Kind.NEWLINE) {
            index++;
        }
    }

    private void parseAndOr() {
        parsePipeline();
        while (peek().isOperator("&&") || peek().isOperator("||")) {
            offer(advance().text().equals("&&") ? Connector.AND : Connector.OR);
            skipLineBreaks();
            parsePipeline();
        }
    }

    private void parsePipeline() {
        if (peek().isPlainWord("!")) {
            index++;
        }
        parseCommand();
        while (peek().isOperator("|") || peek().isOperator("|&")) {
            index++;
            offer(Connector.PIPE);
            skipLineBreaks();
            parseCommand();
        }
    }

    private void parseCommand() {
        if (compoundDepth + frame.nesting() > Reading.MAX_NESTING) {
            reading.report("commands nested more than " + Reading.MAX_NESTING + " levels deep were not read");
            index = tokens.size() - 1;
            return;
        }
        Token next = peek();
        if (next.isOperator("(")) {
            if (peekAt(1).isOperator("(") && peekAt(1).start() == next.end()) {
                skipParenthesised();
            } else {
                index++;
                compound(() -> parseList(Set.of(")")), ")");
            }
            return;
        }
        if (next.isWord() && !next.quoted()) {
            switch (next.text()) {
                case "{" -> {
                    index++;
                    compound(() -> parseList(Set.of("}")), "}");
                    return;
                }
                case "if" -> {
                    compound(this::parseIf, "fi");
                    return;
                }
                case "for", "select" -> {
                    compound(this::parseFor, "done");
                    return;
                }
                case "while", "until" -> {
                    compound(this::parseWhile, "done");
                    return;
                }
                case "case" -> {
                    compound(this::parseCase, "esac");
                    return;
                }
                case "function" -> {
                    parseFunction();
                    return;
                }
                default -> {
                    if (MISPLACED_RESERVED_WORDS.contains(next.text())) {
                        unexpected(advance());
                        return;
                    }
                }
            }
        }
        parseSimpleCommand();
    }

    /** Reads a compound command's body and its closing word, then any redirections that apply to it. */
    private void compound(Runnable body, String closer) {
        compoundDepth++;
        body.run();
        compoundDepth--;
        expect(closer);
        // a separator before the closing word ({ a; }) ends the body: it does not connect what follows
        pending = null;
        readCompoundRedirections();
    }

    private void parseIf() {
        index++;
        parseList(Set.of("then"));
        expect("then");
        conditionalDepth++;
        parseList(Set.of("elif", "else", "fi"));
        while (peek().isPlainWord("elif")) {
            index++;
            parseList(Set.of("then"));
            expect("then");
            parseList(Set.of("elif", "else", "fi"));
        }
        if (peek().isPlainWord("else")) {
            index++;
            parseList(Set.of("fi"));
        }
        conditionalDepth--;
    }

    private void parseFor() {
        index++;
        if (peek().isOperator("(")) {
            skipParenthesised();
        } else {
            if (peek().isWord()) {
                index++;
            }
            skipLineBreaks();
            if (peek().isPlainWord("in")) {
                index++;
                List<Substitution> substitutions = new ArrayList<>();
                while (peek().isWord()) {
                    substitutions.addAll(advance().substitutions());
                }
                readSubstitutions(substitutions, pendingConnector(), isConditional());
            }
        }
        skipSeparators();
        expect("do");
        parseList(Set.of("done"));
    }

    private void parseWhile() {
        index++;
        parseList(Set.of("do"));
        expect("do");
        parseList(Set.of("done"));
    }

    private void parseCase() {
        index++;
        if (peek().isWord()) {
            readSubstitutions(advance().substitutions(), pendingConnector(), isConditional());
        }
        skipLineBreaks();
        expect("in");
        conditionalDepth++;
        while (true) {
            skipSeparators();
            Token next = peek();
            if (next.isPlainWord("esac") || next.kind() == Kind.END) {
                break;
            }
            if (next.isOperator("(")) {
                index++;
            }
            while (!peek().isOperator(")") && peek().kind() != Kind.END && peek().kind() != Kind.NEWLINE) {
                index++;
            }
            expect(")");
            parseList(Set.of("esac", ";;", ";&", ";;&"));
            if (CASE_ARM_ENDS.contains(peek().text()) && peek().kind() == Kind.OPERATOR) {
                index++;
                offer(Connector.SEMICOLON);
            }
        }
        conditionalDepth--;
    }

    private void parseFunction() {
        index++;
        if (peek().isWord()) {
            index++;
        }
        if (peek().isOperator("(") && peekAt(1).isOperator(")")) {
            index += 2;
        }
        parseFunctionBody();
    }

    /** A function body runs only when the function is called: its commands count as conditional. */
    private void parseFunctionBody() {
        skipLineBreaks();
        conditionalDepth++;
        parseCommand();
        conditionalDepth--;
    }

    private void parseSimpleCommand() {
        List<Word> words = new ArrayList<>();
        Map<String, String> assignments = new LinkedHashMap<>();
        List<Redirection> redirections = new ArrayList<>();
        List<Substitution> substitutions = new ArrayList<>();
        int line = -1;
        while (true) {
            Token next = peek();
            if (next.isWord() && !isFileDescriptor(next)) {
                line = line < 0 ? next.line() : line;
                substitutions.addAll(next.substitutions());
                Matcher assignment = ASSIGNMENT.matcher(next.raw());
                index++;
                if (words.isEmpty() && assignment.matches()) {
                    String value = next.text().substring(next.text().indexOf('=') + 1);
                    if (value.isEmpty() && peek().isOperator("(") && peek().start() == next.end()) {
                        value = readArrayValue(substitutions);
                    }
                    assignments.put(assignment.group(1), value);
                } else {
                    words.add(new Word(next.text(), next.line()));
                }
                if (words.size() == 1 && next.isPlainWord("[[")) {
                    readTestExpression(words, substitutions);
                }
            } else if (next.isWord() || isRedirection(next)) {
                line = line < 0 ? next.line() : line;
                readRedirection(redirections, substitutions);
            } else if (startsFunctionDefinition(next, words, assignments)) {
                index += 2;
                parseFunctionBody();
                return;
            } else {
                break;
            }
        }
        if (line < 0) {
            return;
        }
        Connector connector = pendingConnector();
        pending = null;
        boolean conditional = isConditional();
        readSubstitutions(substitutions, connector, conditional);
        CommandExpander.run(new Invocation(words, assignments, redirections, line, connector, conditional,
                frame.origin(), List.of()), reading, frame.nesting());
    }

    /** True for the {@code ()} after the name in {@code name() { ...; }}. */
    private boolean startsFunctionDefinition(Token next, List<Word> words, Map<String, String> assignments) {
        return next.isOperator("(") && peekAt(1).isOperator(")") && words.size() == 1 && assignments.isEmpty();
    }

    /** Reads the value of a bash array assignment, {@code NAME=(a b)}, as written. */
    private String readArrayValue(List<Substitution> substitutions) {
        List<String> elements = new ArrayList<>();
        index++;
        while (peek().isWord() || peek().kind() == Kind.NEWLINE) {
            Token element = advance();
            if (element.isWord()) {
                substitutions.addAll(element.substitutions());
                elements.add(element.raw());
            }
        }
        expect(")");
        return "(" + String.join(" ", elements) + ")";
    }

    /** Reads the words of a bash {@code [[ ... ]]} test, in which operators are plain words. */
    private void readTestExpression(List<Word> words, List<Substitution> substitutions) {
        while (peek().kind() == Kind.WORD || peek().kind() == Kind.OPERATOR) {
            Token token = advance();
            substitutions.addAll(token.substitutions());
            words.add(new Word(token.text(), token.line()));
            if (token.isPlainWord("]]")) {
                return;
            }
        }
    }

    private void readRedirection(List<Redirection> redirections, List<Substitution> substitutions) {
        Token first = advance();
        String operator = first.isWord() ? first.text() + advance().text() : first.text();
        if (peek().isWord()) {
            Token target = advance();
            substitutions.addAll(target.substitutions());
            redirections.add(new Redirection(operator, target.text(), target.hereDocument()));
        } else {
            reading.report("redirection " + operator + " has no target (script line " + (peek().line() + 1) + ")");
        }
    }

    /** Reads the redirections of a compound command, and the commands of substitutions in their targets. */
    private void readCompoundRedirections() {
        List<Redirection> redirections = new ArrayList<>();
        List<Substitution> substitutions = new ArrayList<>();
        while (isRedirection(peek()) || isFileDescriptor(peek())) {
            readRedirection(redirections, substitutions);
        }
        readSubstitutions(substitutions, pendingConnector(), isConditional());
    }

    private void readSubstitutions(List<Substitution> substitutions, Connector connector, boolean conditional) {
        for (Substitution substitution : substitutions) {
            Frame nested = frame.nested(substitution.line(), Origin.SUBSTITUTION, conditional, connector);
            parse(substitution.body(), reading, nested);
        }
    }

    /** Skips a bash arithmetic command {@code (( ... ))} or the header of {@code for (( ... ))}. */
    private void skipParenthesised() {
        int depth = 0;
        do {
            Token token = advance();
            if (token.isOperator("(")) {
                depth++;
            } else if (token.isOperator(")")) {
                depth--;
            }
        } while (depth > 0 && peek().kind() != Kind.END);
    }

    private boolean isFileDescriptor(Token token) {
        return token.isWord() && !token.quoted() && isDigits(token.text())
                && isRedirection(peekAt(1)) && peekAt(1).start() == token.end() && token == peek();
    }

    private static boolean isDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isRedirection(Token token) {
        return token.kind() == Kind.OPERATOR && REDIRECTIONS.contains(token.text());
    }

    private boolean isConditional() {
        return frame.conditional() || conditionalDepth > 0;
    }

    private Connector pendingConnector() {
        return pending == null ? Connector.SEMICOLON : pending;
    }

    /** Records the separator met before the next command, unless an earlier one already stands. */
    private void offer(Connector connector) {
        if (pending == null) {
            pending = connector;
        }
    }

    private void expect(String word) {
        Token next = peek();
        if (next.isPlainWord(word) || next.isOperator(word)) {
            index++;
        } else {
            reading.report("expected '" + word + "' but found " + describe(next)
                    + " (script line " + (next.line() + 1) + ")");
        }
    }

    private void unexpected(Token token) {
        reading.report("unexpected " + describe(token) + " (script line " + (token.line() + 1) + ")");
    }

    private static String describe(Token token) {
        return switch (token.kind()) {
            case END -> "end of script";
            case NEWLINE -> "line break";
            default -> "'" + token.raw() + "'";
        };
    }

    private Token peek() {
        return tokens.get(index);
    }

    private Token peekAt(int ahead) {
        return tokens.get(Math.min(index + ahead, tokens.size() - 1));
    }

    private Token advance() {
        Token token = tokens.get(index);
        if (token.kind() != Kind.END) {
            index++;
        }
        return token;
    }
}
