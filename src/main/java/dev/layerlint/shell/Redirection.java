package dev.layerlint.shell;

import java.util.Objects;
import java.util.Optional;

/**
 * A redirection of a command.
 *
 * @param operator the operator with its file descriptor as written: {@code >}, {@code 2>}, {@code >>}, {@code <<}
 * @param target   the word after the operator, quotes removed (for a here-document, its delimiter)
 * @param hereDocument the body of a here-document ({@code <<} and {@code <<-}), lines joined by {@code \n}
 */
public record Redirection(String operator, String target, Optional<String> hereDocument) {

    public Redirection {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(hereDocument, "hereDocument");
    }
}
