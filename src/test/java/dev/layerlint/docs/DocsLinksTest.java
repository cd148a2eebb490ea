package dev.layerlint.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every relative link in the project's Markdown (README, docs/, examples/) points at a file or directory that
 * exists, and every {@code #anchor} into a Markdown file at one of its headings, as GitHub renders them.
 */
class DocsLinksTest {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.+?)\\s*#*$", Pattern.MULTILINE);
    private static final Pattern FENCE = Pattern.compile("(?ms)^```.*?^```");

    @Test
    void relativeLinksResolve() throws IOException {
        List<Path> pages = markdownPages();
        assertTrue(pages.size() > 20, "found only " + pages);
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path page : pages) {
            Matcher link = LINK.matcher(FENCE.matcher(Files.readString(page)).replaceAll(""));
            while (link.find()) {
                String target = link.group(1);
                if (target.matches("[a-z]+:.*")) {
                    continue;
                }
                checked++;
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash);
                Path resolved = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
                if (!Files.exists(resolved)) {
                    broken.add(page + ": " + target + " (no such file)");
                } else if (hash >= 0 && resolved.toString().endsWith(".md")
                        && !anchors(resolved).contains(target.substring(hash + 1))) {
                    broken.add(page + ": " + target + " (no such heading; headings give " + anchors(resolved) + ")");
                }
            }
        }
        assertTrue(checked > 100, "checked only " + checked + " links");
        assertEquals(List.of(), broken);
    }

    @Test
    void anchorsAreMadeAsGitHubMakesThem() {
        assertEquals("the-lint-goals-share-of-mvn-validate", anchor("The lint goal's share of `mvn validate`"));
        assertEquals("results-2026-11-25", anchor("Results, 2026-11-25"));
        assertEquals("known-limits", anchor("Known limits"));
    }

    private static List<Path> markdownPages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(Path.of("README.md").toAbsolutePath()));
        for (String root : List.of("docs", "examples")) {
            try (Stream<Path> files = Files.walk(Path.of(root).toAbsolutePath())) {
                files.filter(f -> f.toString().endsWith(".md") && !f.toString().contains("/target/")).sorted()
                        .forEach(pages::add);
            }
        }
        return pages;
    }

    private static Set<String> anchors(Path page) {
        try {
            Set<String> anchors = new HashSet<>();
            Matcher heading = HEADING.matcher(FENCE.matcher(Files.readString(page)).replaceAll(""));
            while (heading.find()) {
                anchors.add(anchor(heading.group(1)));
            }
            return anchors;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** GitHub's heading ids: lower case, punctuation other than {@code -} and {@code _} dropped, spaces to {@code -}. */
    static String anchor(String heading) {
        return heading.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }
}
