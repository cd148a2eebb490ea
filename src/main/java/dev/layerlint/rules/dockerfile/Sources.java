package dev.layerlint.rules.dockerfile;

import dev.layerlint.dockerfile.Dockerfile;
import dev.layerlint.dockerfile.Instruction;
import dev.layerlint.dockerfile.Words;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** What COPY/ADD sources are. */
final class Sources {

    private static final Pattern URL = Pattern.compile("(?i)^(https?|ftp)://.*");
    private static final Pattern GIT = Pattern.compile("(?i)^(git@|git://|ssh://|https?://.*\\.git(#.*)?$|https?://github\\.com/[^/]+/[^/]+(#.*)?$)");

    private Sources() {
    }

    /**
     * The words of a COPY or ADD as BuildKit reads them: quotes removed and escapes applied ({@code "/"} is
     * {@code /}); a word with a variable is kept as written.
     */
    static List<String> words(Dockerfile dockerfile, Instruction ins) {
        return ins.args().stream().map(w -> w.contains("$") ? w : Words.expand(w, Map.of(), dockerfile.escape())).toList();
    }

    /** A URL or Git repository, which ADD fetches. */
    static boolean isRemote(String source) {
        return URL.matcher(source).matches() || GIT.matcher(source).find();
    }

    /** A Git repository, which ADD clones (BuildKit). */
    static boolean isGit(String source) {
        return GIT.matcher(source).find();
    }
}
