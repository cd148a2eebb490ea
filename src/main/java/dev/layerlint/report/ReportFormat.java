package dev.layerlint.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** The formats written beside {@code <goal>.json} on request, and the file each writes. */
public enum ReportFormat {
    SARIF(SarifWriter::new),
    CHECKSTYLE(CheckstyleWriter::new),
    GITLAB(GitLabCodeQualityWriter::new),
    JUNIT(JUnitWriter::new),
    MARKDOWN(MarkdownWriter::new),
    HTML(HtmlReportWriter::new);

    /** Made when the format is used: the writers load XML and JSON machinery most builds never need. */
    private final Supplier<FormatWriter> writerFactory;

    ReportFormat(Supplier<FormatWriter> writerFactory) {
        this.writerFactory = writerFactory;
    }

    /** The name used in configuration: {@code sarif}, {@code checkstyle}, … */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The file written for a goal, inside the output directory. */
    public String fileName(String goal) {
        return writer().fileName(goal);
    }

    FormatWriter writer() {
        return writerFactory.get();
    }

    /**
     * Parses a comma-separated list ({@code sarif, junit}) in any case; blanks are ignored and
     * repeats collapse, in the order given.
     */
    public static List<ReportFormat> parseList(String list) throws UnknownReportFormatException {
        List<ReportFormat> formats = new ArrayList<>();
        for (String item : list.split(",")) {
            String id = item.strip();
            if (id.isEmpty()) {
                continue;
            }
            ReportFormat format = Arrays.stream(values()).filter(f -> f.id().equalsIgnoreCase(id)).findFirst()
                    .orElseThrow(() -> new UnknownReportFormatException(id, knownIds()));
            if (!formats.contains(format)) {
                formats.add(format);
            }
        }
        return List.copyOf(formats);
    }

    /** "sarif, checkstyle, gitlab, junit, markdown, html" */
    public static String knownIds() {
        return Arrays.stream(values()).map(ReportFormat::id).collect(Collectors.joining(", "));
    }
}
