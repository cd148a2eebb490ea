package dev.layerlint.shell;

import dev.layerlint.shell.Token.Kind;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A script that is a plain list of simple commands ({@code a && b; c | d}), with where each word is written: what a
 * tool that rewrites a script needs, and only for scripts simple enough that a rewrite can be checked word by word.
 * Compound commands ({@code if}, loops, {@code case}, groups, subshells, functions), background jobs and
 * here-documents make a script not plain.
 *
 * @param commands the simple commands in order
 */
public record CommandList(List<Command> commands) {

    private static final Set<String> CONNECTORS = Set.of("&&", "||", ";", "|");
    private static final Set<String> REDIRECTIONS = Set.of("<", ">", ">>", "<>", ">|", "<&", ">&", "&>", "&>>", "<<<");
    private static final Set<String> RESERVED = Set.of("if", "then", "else", "elif", "fi", "for", "select", "while",
            "until", "do", "done", "case", "esac", "{", "}", "!", "function", "[[", "]]");

    public CommandList {
        commands = List.copyOf(commands);
    }

    /**
     * A word as written.
     *
     * @param text   the word with quotes removed
     * @param raw    the word exactly as written
     * @param quoted some part of it was quoted or escaped
     * @param start  offset of its first character in the script
     * @param end    offset after its last character
     */
    public record Word(String text, String raw, boolean quoted, int start, int end) {
    }

    /**
     * One simple command of the list.
     *
     * @param words     its words (assignments and redirection targets included), in order
     * @param connector what separates it from the command before ({@link Connector#NONE} for the first)
     * @param start     offset of its first character in the script
     * @param end       offset after its last character
     */
    public record Command(List<Word> words, Connector connector, int start, int end) {

        public Command {
            words = List.copyOf(words);
        }

        /** The first word whose unquoted text is {@code text}, at or after index {@code from}. */
        public Optional<Word> firstWord(String text, int from) {
            for (int i = from; i < words.size(); i++) {
                if (!words.get(i).quoted() && words.get(i).text().equals(text)) {
                    return Optional.of(words.get(i));
                }
            }
            return Optional.empty();
        }
    }

    /** What reading a script as a plain list gives: the list, or why the script is not one. */
    public sealed interface Reading permits Plain, NotPlain {
    }

    public record Plain(CommandList list) implements Reading {
    }

    /** @param reason what makes the script not plain, e.g. {@code it uses `if`} */
    public record NotPlain(String reason) implements Reading {
    }

    /** Reads {@code script} as a plain list. */
    public static Reading read(String script) {
        Lexer.Result lexed = Lexer.lex(script, 0);
        if (lexed.problem().isPresent()) {
            return new NotPlain("its shell cannot be read: " + lexed.problem().get());
        }
        List<Command> commands = new ArrayList<>();
        List<Word> words = new ArrayList<>();
        Connector connector = Connector.NONE;
        Connector next = Connector.NONE;
        boolean redirectionTarget = false;
        for (Token token : lexed.tokens()) {
            if (token.isWord()) {
                if (words.isEmpty() && !redirectionTarget && !token.quoted() && RESERVED.contains(token.text())) {
                    return new NotPlain("it uses `" + token.text() + "`");
                }
                if (words.isEmpty()) {
                    connector = next;
                }
                words.add(new Word(token.text(), token.raw(), token.quoted(), token.start(), token.end()));
                redirectionTarget = false;
                continue;
            }
            if (token.kind() == Kind.OPERATOR && REDIRECTIONS.contains(token.text())) {
                if (words.isEmpty()) {
                    connector = next;
                }
                words.add(new Word(token.text(), token.raw(), false, token.start(), token.end()));
                redirectionTarget = true;
                continue;
            }
            if (token.kind() == Kind.OPERATOR && !CONNECTORS.contains(token.text())) {
                return new NotPlain("it uses `" + token.text() + "`");
            }
            if (redirectionTarget) {
                return new NotPlain("a redirection has no target");
            }
            if (!words.isEmpty()) {
                commands.add(new Command(words, commands.isEmpty() ? Connector.NONE : connector, words.get(0).start(),
                        words.get(words.size() - 1).end()));
                words = new ArrayList<>();
                next = Connector.NONE;
            } else if (token.kind() == Kind.OPERATOR && !commands.isEmpty() && !token.text().equals(";")) {
                return new NotPlain("`" + token.text() + "` has no command after the one before it");
            }
            next = switch (token.kind()) {
                case OPERATOR -> switch (token.text()) {
                    case "&&" -> Connector.AND;
                    case "||" -> Connector.OR;
                    case "|" -> Connector.PIPE;
                    default -> Connector.SEMICOLON;
                };
                case NEWLINE -> next == Connector.NONE ? Connector.NEWLINE : next;
                default -> next;
            };
        }
        return new Plain(new CommandList(commands));
    }

    /** True when every command after the first follows {@code &&}. */
    public boolean andChain() {
        return commands.stream().skip(1).allMatch(c -> c.connector() == Connector.AND);
    }
}
