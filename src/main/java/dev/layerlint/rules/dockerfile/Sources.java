package dev.layerlint.rules.dockerfile;

import java.util.regex.Pattern;

/** What COPY/ADD sources are. */
final class Sources {

    private static final Pattern URL = Pattern.compile("(?i)^(https?|ftp)://.*");
    private static final Pattern GIT = Pattern.compile("(?i)^(git@|git://|ssh://|https?://.*\\.git(#.*)?$|https?://github\\.com/[^/]+/[^/]+(#.*)?$)");

    private Sources() {
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
