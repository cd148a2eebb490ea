package dev.layerlint.rules.context;

import dev.layerlint.context.GoPaths;
import dev.layerlint.context.IgnoreFileException;
import dev.layerlint.dockerfile.Dockerfile;
import dev.layerlint.dockerfile.Instruction;
import dev.layerlint.dockerfile.Keyword;
import dev.layerlint.rules.IgnorePatterns;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The COPY and ADD sources of a Dockerfile that come from the build context, in file order. */
final class ContextCopies {

    private static final Pattern REMOTE = Pattern.compile("(?i)^([a-z][a-z0-9+.-]*://|git@).*");
    private static final Pattern WILDCARD = Pattern.compile("[*?\\[]");

    /**
     * One source of a COPY or ADD.
     *
     * @param instruction the COPY or ADD
     * @param written     the source as written
     * @param path        the source relative to the context root, cleaned; {@code .} for the whole context
     * @param pattern     the source as a pattern, empty when it is not a valid one
     */
    record Source(Instruction instruction, String written, String path, Optional<IgnorePatterns> pattern) {

        boolean wholesale() {
            return path.equals(".");
        }

        boolean hasWildcard() {
            return WILDCARD.matcher(path).find();
        }

        /** Whether the source copies {@code file} (a context-relative path). */
        boolean copies(String file) {
            return wholesale() || pattern.map(p -> p.matches(file)).orElse(false);
        }

        /**
         * A path the source would match, so that patterns can be asked about the files the source
         * means even before they exist: each wildcard, or character class, stands for {@code _}.
         */
        String sample() {
            return path.replaceAll("\\[[^\\]]*\\]", "_").replaceAll("\\*+", "_").replace('?', '_');
        }

        /** {@code COPY . /app}, as the instruction names it in messages. */
        String shown() {
            return instruction.keyword().name() + " " + written;
        }
    }

    private final List<Source> sources;

    private ContextCopies(List<Source> sources) {
        this.sources = List.copyOf(sources);
    }

    /** No sources when the Dockerfile did not parse. */
    static ContextCopies of(Optional<Dockerfile> dockerfile) {
        return new ContextCopies(dockerfile.map(ContextCopies::sourcesOf).orElse(List.of()));
    }

    List<Source> sources() {
        return sources;
    }

    /** The first COPY or ADD that copies the whole context. */
    Optional<Source> wholesale() {
        return sources.stream().filter(Source::wholesale).findFirst();
    }

    /** The first COPY or ADD that copies {@code file}, the whole-context ones included. */
    Optional<Source> copying(String file) {
        return sources.stream().filter(s -> s.copies(file)).findFirst();
    }

    /**
     * Whether a COPY or ADD reaches into {@code area} on purpose to copy {@code file}: its source lies
     * inside the area ({@code COPY target/*.jar} in {@code target}) and matches the file. A source that
     * merely contains the area ({@code COPY .}, or {@code COPY src} for {@code src/node_modules}) does not.
     */
    boolean reachesInto(IgnorePatterns area, String file) {
        return sources.stream().anyMatch(s -> !s.wholesale() && s.copies(file) && area.matches(s.sample()));
    }

    private static List<Source> sourcesOf(Dockerfile dockerfile) {
        return dockerfile.instructions().stream()
                .filter(i -> (i.is(Keyword.COPY) || i.is(Keyword.ADD)) && !i.hasFlag("from") && i.args().size() >= 2)
                .flatMap(i -> i.args().subList(0, i.args().size() - 1).stream()
                        .filter(s -> !s.startsWith("<<") && !s.contains("$") && !REMOTE.matcher(s).matches())
                        .map(s -> source(i, s)))
                .toList();
    }

    private static Source source(Instruction instruction, String written) {
        String path = clean(written);
        Optional<IgnorePatterns> pattern;
        try {
            pattern = path.equals(".") ? Optional.empty() : Optional.of(IgnorePatterns.parse("source", List.of(path)));
        } catch (IgnoreFileException invalid) {
            pattern = Optional.empty();
        }
        return new Source(instruction, written, path, pattern);
    }

    /** Like Go's {@code filepath.Clean} on a path taken relative to the context root: {@code ./a/../b/} is {@code b}. */
    static String clean(String source) {
        String rooted = GoPaths.clean("/" + source);
        return rooted.equals("/") ? "." : rooted.substring(1);
    }
}
