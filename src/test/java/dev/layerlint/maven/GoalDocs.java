package dev.layerlint.maven;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a goal's parameter table for {@code docs/goals/<goal>.md} from the plugin descriptor, and puts it
 * between the page's markers.
 */
final class GoalDocs {

    static final String BEGIN = "<!-- parameters: generated from the plugin descriptor by GoalDocsTest;"
            + " regenerate with mvn test -Dtest=GoalDocsTest -Dlayerlint.writeDocs=true -->";
    static final String END = "<!-- end of parameters -->";

    private static final Pattern QUALIFIED = Pattern.compile("\\b(?:[a-z]\\w*\\.)+([A-Z]\\w*)");
    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z]+)([^>]*)>|<!--.*?-->", Pattern.DOTALL);
    private static final Pattern HREF = Pattern.compile("href=\"([^\"]*)\"");
    private static final Pattern NUMERIC_ENTITY = Pattern.compile("&#(\\d+);");

    private GoalDocs() {
    }

    /** The Markdown table of the goal's configurable parameters, with the markers around it. */
    static String parameterTable(PluginDescriptor.Goal goal) {
        StringBuilder table = new StringBuilder(BEGIN).append('\n')
                .append("| Parameter | Type | User property | Default | Description |\n")
                .append("|---|---|---|---|---|\n");
        for (PluginDescriptor.Parameter p : goal.configurable()) {
            table.append("| ").append(code(p.name()))
                    .append(" | ").append(code(QUALIFIED.matcher(p.type()).replaceAll("$1")))
                    .append(" | ").append(p.property().map(GoalDocs::code).orElse("—"))
                    .append(" | ").append(p.defaultValue().map(GoalDocs::code).orElse("—"))
                    .append(" | ").append(markdown(p.description()))
                    .append(" |\n");
        }
        return table.append(END).append('\n').toString();
    }

    /** The page with the text between its markers (markers included) replaced by {@code table}; empty without markers. */
    static Optional<String> withTable(String page, String table) {
        int begin = page.indexOf(BEGIN);
        int end = page.indexOf(END, Math.max(begin, 0));
        if (begin < 0 || end < 0) {
            return Optional.empty();
        }
        int afterEnd = end + END.length();
        if (afterEnd < page.length() && page.charAt(afterEnd) == '\n') {
            afterEnd++;
        }
        return Optional.of(page.substring(0, begin) + table + page.substring(afterEnd));
    }

    /**
     * Javadoc HTML as one Markdown table cell: its first paragraph (up to a {@code <p>} or {@code <br>}), with
     * {@code <code>} as code spans and links as Markdown links. Any other markup fails, so nothing is dropped unseen.
     */
    static String markdown(String html) {
        StringBuilder out = new StringBuilder();
        StringBuilder code = null;
        Optional<String> href = Optional.empty();
        int linkStart = -1;
        String source = html.replace("</code><code>", ""); // adjacent spans are one span
        Matcher tag = TAG.matcher(source);
        int last = 0;
        while (tag.find()) {
            String text = source.substring(last, tag.start());
            if (code != null) {
                code.append(text);
            } else {
                out.append(text);
            }
            last = tag.end();
            if (tag.group(2) == null) {
                continue; // a comment
            }
            String name = tag.group(2).toLowerCase(Locale.ROOT);
            boolean closing = !tag.group(1).isEmpty();
            switch (name) {
                case "p", "br" -> {
                    if (!out.toString().isBlank()) {
                        return cell(out);
                    }
                }
                case "code" -> {
                    if (closing != (code != null)) {
                        throw new IllegalArgumentException("unbalanced <code> in the description: " + html);
                    }
                    if (closing) {
                        out.append(code(unescape(code.toString())));
                        code = null;
                    } else {
                        code = new StringBuilder();
                    }
                }
                case "a" -> {
                    if (closing) {
                        out.insert(linkStart, '[').append("](").append(href.orElseThrow(
                                () -> new IllegalArgumentException("a link without href in the description: " + html))).append(')');
                    } else {
                        Matcher m = HREF.matcher(tag.group(3));
                        href = m.find() ? Optional.of(m.group(1)) : Optional.empty();
                        linkStart = out.length();
                    }
                }
                default -> throw new IllegalArgumentException("no Markdown for <" + name + "> in the description: " + html);
            }
        }
        if (code != null) {
            throw new IllegalArgumentException("unbalanced <code> in the description: " + html);
        }
        out.append(source.substring(last));
        return cell(out);
    }

    /** A code span that holds {@code text} exactly, whatever backticks it contains. */
    private static String code(String text) {
        String fence = text.contains("`") ? "``" : "`";
        String padding = text.startsWith("`") || text.endsWith("`") ? " " : "";
        return fence + padding + text.replace("|", "\\|") + padding + fence;
    }

    private static String cell(CharSequence markdown) {
        return markdown.toString().replaceAll("\\s+", " ").strip().replaceAll("(?<!\\\\)\\|", "\\\\|");
    }

    private static String unescape(String html) {
        String text = NUMERIC_ENTITY.matcher(html).replaceAll(m -> Character.toString(Integer.parseInt(m.group(1))));
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                .replace("&amp;", "&");
    }
}
