package dev.layerlint.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Findings a team has accepted for now, so that a gate can be turned on over old Dockerfiles: the build reports them
 * as known, at info level, and fails only on new ones.
 *
 * <p>The file is text, one finding a line, sorted, so that it diffs well when committed:
 * {@code goal<TAB>rule<TAB>file<TAB>anchor}. The anchor is what the finding is about, independent of its line
 * number: the instruction's text with blanks and line continuations collapsed ({@code RUN apt-get update && …}), or,
 * for a finding on no instruction, the first {@code `quoted`} name of its message ({@code target}, {@code .env}). So a
 * finding stays known when lines are inserted above it, and a line that is there twice is known twice.
 */
public final class FindingsBaseline {

    /** The default file name, beside the pom. */
    public static final String DEFAULT_FILE = "layerlint-known-findings.txt";

    /** Files larger than this are not a baseline this tool wrote. */
    private static final long MAX_BYTES = 64L * 1024 * 1024;

    private static final String HEADER = """
            # layerlint findings baseline: the findings below are reported as known (info) and do not fail the build.
            # Rewrite it with -Dlayerlint.updateFindingsBaseline=true; fixed findings then drop out. One a line:
            # goal<TAB>rule<TAB>file<TAB>what it is about (the instruction, or the name the finding is about)
            """;

    /** One recorded finding. */
    public record Entry(String goal, String ruleId, String file, String anchor) {

        private static final Comparator<Entry> ORDER = Comparator.comparing(Entry::goal).thenComparing(Entry::file)
                .thenComparing(Entry::ruleId).thenComparing(Entry::anchor);

        public Entry {
            Objects.requireNonNull(goal, "goal");
            Objects.requireNonNull(ruleId, "ruleId");
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(anchor, "anchor");
        }

        String line() {
            return goal + "\t" + ruleId + "\t" + file + "\t" + anchor;
        }
    }

    /**
     * Marks a goal's findings that the baseline records: at info level, the message starting with {@code known}. Each
     * entry matches one finding; findings may be given in several batches (one per Dockerfile).
     */
    public final class Known {

        private final String goal;
        private final Function<Finding, String> anchorOf;
        private final Map<Entry, Integer> remaining = new HashMap<>();
        private int count;

        private Known(String goal, Function<Finding, String> anchorOf) {
            this.goal = goal;
            this.anchorOf = anchorOf;
            entries.stream().filter(e -> e.goal().equals(goal)).forEach(e -> remaining.merge(e, 1, Integer::sum));
        }

        /** The findings, the recorded ones marked as known. */
        public synchronized List<Finding> mark(List<Finding> findings) {
            List<Finding> marked = new ArrayList<>(findings.size());
            for (Finding f : findings) {
                Entry key = entry(goal, f, anchorOf);
                Integer left = remaining.get(key);
                if (left != null && left > 0) {
                    remaining.put(key, left - 1);
                    count++;
                    marked.add(new Finding(f.ruleId(), Severity.INFO, f.file(), f.line(), f.column(), f.endLine(),
                            "known (in the findings baseline): " + f.message(), f.checklist()));
                } else {
                    marked.add(f);
                }
            }
            return marked;
        }

        /** How many findings were marked known so far. */
        public synchronized int count() {
            return count;
        }
    }

    /** Marks the goal's findings against this baseline (see {@link Known}). */
    public Known known(String goal, Function<Finding, String> anchorOf) {
        return new Known(goal, anchorOf);
    }

    /** The baseline file could not be read or is not one. */
    public static final class InvalidException extends Exception {

        private static final long serialVersionUID = 1L;

        public InvalidException(String message) {
            super(message);
        }
    }

    private final List<Entry> entries;

    private FindingsBaseline(List<Entry> entries) {
        this.entries = entries.stream().sorted(Entry.ORDER).toList();
    }

    public static FindingsBaseline empty() {
        return new FindingsBaseline(List.of());
    }

    public List<Entry> entries() {
        return entries;
    }

    /** Reads the file; an empty baseline when it does not exist. */
    public static FindingsBaseline read(Path file, String shown) throws InvalidException {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return empty();
        }
        try {
            if (!Files.isRegularFile(file)) {
                throw new InvalidException(shown + " is not a regular file; point layerlint.findingsBaseline at the baseline file");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new InvalidException(shown + " is larger than " + MAX_BYTES / (1024 * 1024)
                        + " MiB, so it is not a findings baseline; delete it and record a new one with -Dlayerlint.updateFindingsBaseline=true");
            }
            List<Entry> entries = new ArrayList<>();
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                int number = 0;
                while ((line = reader.readLine()) != null) {
                    number++;
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    String[] fields = line.split("\t", 4);
                    if (fields.length != 4) {
                        throw new InvalidException(shown + ":" + number + ": expected goal, rule, file and anchor separated by tabs;"
                                + " record the file anew with -Dlayerlint.updateFindingsBaseline=true");
                    }
                    entries.add(new Entry(fields[0], fields[1], fields[2], fields[3]));
                }
            }
            return new FindingsBaseline(entries);
        } catch (IOException e) {
            throw new InvalidException(shown + " cannot be read: " + e.getMessage());
        }
    }

    /** This baseline with the goal's entries replaced by the given findings; other goals' entries stay. */
    public FindingsBaseline recording(String goal, List<Finding> findings, Function<Finding, String> anchorOf) {
        List<Entry> updated = new ArrayList<>(entries.stream().filter(e -> !e.goal().equals(goal)).toList());
        findings.forEach(f -> updated.add(entry(goal, f, anchorOf)));
        return new FindingsBaseline(updated);
    }

    /** How many entries the goal has. */
    public long count(String goal) {
        return entries.stream().filter(e -> e.goal().equals(goal)).count();
    }

    /** Writes the file atomically. */
    public void write(Path file) throws IOException {
        StringBuilder text = new StringBuilder(HEADER);
        entries.forEach(e -> text.append(e.line()).append('\n'));
        Path directory = file.toAbsolutePath().getParent();
        AtomicFiles.writeString(directory, file.getFileName().toString(), text.toString());
    }

    private static Entry entry(String goal, Finding f, Function<Finding, String> anchorOf) {
        return new Entry(goal, f.ruleId(), oneLine(f.file()), oneLine(anchorOf.apply(f)));
    }

    /** Blanks, tabs and line breaks collapsed to one space, so the anchor fits on its line. */
    static String oneLine(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean blank = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                blank = out.length() > 0;
            } else {
                if (blank) {
                    out.append(' ');
                    blank = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The first {@code `quoted`} text of a message, or empty. */
    public static String quotedName(String message) {
        int open = message.indexOf('`');
        int close = open < 0 ? -1 : message.indexOf('`', open + 1);
        return close < 0 ? "" : message.substring(open + 1, close);
    }
}
