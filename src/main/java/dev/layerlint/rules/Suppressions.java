package dev.layerlint.rules;

import dev.layerlint.dockerfile.Comment;
import dev.layerlint.dockerfile.Dockerfile;
import dev.layerlint.report.Finding;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * In-file suppressions: {@code # layerlint ignore=Id[,Id]} and {@code # hadolint ignore=DL3009} in
 * the comment lines right above an instruction; for the whole file, {@code # hadolint global ignore=DL3002,DL3023}
 * (or {@code # layerlint global ignore=…}) on any comment line and BuildKit's {@code # check=skip=Id[,Id]|all}
 * directive. Ids may be layerlint ids or the hadolint/BuildKit aliases.
 */
final class Suppressions {

    private static final Pattern PRAGMA = Pattern.compile("^(layerlint|hadolint)\\s+ignore\\s*=\\s*(.+)$", Pattern.CASE_INSENSITIVE);

    private static final Pattern GLOBAL = Pattern.compile("^(layerlint|hadolint)\\s+global\\s+ignore\\s*=\\s*(.+)$", Pattern.CASE_INSENSITIVE);

    private final Dockerfile dockerfile;
    private final Set<String> skippedForFile = new HashSet<>();
    private boolean skipAll;

    Suppressions(Dockerfile dockerfile) {
        this.dockerfile = dockerfile;
        dockerfile.directive("check").ifPresent(d -> {
            for (String part : d.value().split(";")) {
                String[] kv = part.split("=", 2);
                if (kv.length == 2 && kv[0].strip().equals("skip")) {
                    for (String id : kv[1].split(",")) {
                        if (id.strip().equals("all")) {
                            skipAll = true;
                        }
                        skippedForFile.add(id.strip());
                    }
                }
            }
        });
        for (Comment comment : dockerfile.comments()) {
            Matcher m = GLOBAL.matcher(comment.text());
            if (m.matches()) {
                for (String id : m.group(2).split("[,\\s]+")) {
                    skippedForFile.add(id.strip());
                }
            }
        }
    }

    boolean suppressed(Finding finding, Rule rule) {
        Set<String> names = new HashSet<>(List.of(rule.info().aliases()));
        names.add(rule.id());
        if (skipAll || names.stream().anyMatch(skippedForFile::contains)) {
            return true;
        }
        for (int line = finding.line() - 1; line > 0; line--) {
            Comment comment = dockerfile.commentAt(line).orElse(null);
            if (comment == null) {
                return false;
            }
            Matcher m = PRAGMA.matcher(comment.text());
            if (m.matches()) {
                for (String id : m.group(2).split("[,\\s]+")) {
                    if (names.contains(id.strip())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
