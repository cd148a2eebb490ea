package dev.layerlint.image;

import dev.layerlint.dockerfile.Dockerfile;
import dev.layerlint.dockerfile.Instruction;
import dev.layerlint.dockerfile.Keyword;
import dev.layerlint.dockerfile.Stage;
import dev.layerlint.text.Plural;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which Dockerfile instruction made each layer of an image, found by aligning the image's history
 * with the instructions of the Dockerfile's final stage and the stages it builds on.
 *
 * <p>Every instruction after {@code FROM} leaves one history entry, whichever builder ran it
 * (BuildKit: {@code RUN /bin/sh -c make # buildkit}, {@code COPY a.txt /app/ # buildkit}; the classic
 * builder: {@code /bin/sh -c make}, {@code /bin/sh -c #(nop) COPY file:… in /app/}); entries that
 * made a layer are the ones without {@code empty_layer}. The instructions are matched against the
 * newest history entries, newest first; what lies below them came from the base image. Jib writes
 * entries whose {@code created_by} is its own name ({@code jib-maven-plugin:3.4.4}): those layers
 * are Jib's, the ones below them the base image's.
 *
 * @param layers  one origin per layer, bottom first
 * @param notices why layers could not be mapped, if some could not
 */
public record LayerMap(List<LayerOrigin> layers, List<String> notices) {

    private static final Pattern CLASSIC_NOP = Pattern.compile("#\\(nop\\)\\s+([A-Za-z]+)");
    private static final String BUILDKIT_COMMENT = "buildkit.dockerfile.v0";

    public LayerMap {
        layers = List.copyOf(layers);
        notices = List.copyOf(notices);
    }

    /** Where a layer came from. */
    public enum Kind {
        /** The base image (or images) the Dockerfile starts from. */
        BASE,
        /** An instruction of the Dockerfile. */
        DOCKERFILE,
        /** One of Jib's layers (dependencies, resources, classes, …). */
        JIB,
        /** Not known: no Dockerfile given, or the history does not match it. */
        UNKNOWN
    }

    /** A Dockerfile line: the file as shown in findings and the instruction's first line. */
    public record SourceLine(String file, int line) {
        public SourceLine {
            Objects.requireNonNull(file, "file");
        }
    }

    /**
     * @param index       the layer's index
     * @param kind        where it came from
     * @param instruction the instruction that made it, for {@link Kind#DOCKERFILE}
     * @param keyword     that instruction's keyword, for {@link Kind#DOCKERFILE}
     */
    public record LayerOrigin(int index, Kind kind, Optional<SourceLine> instruction, Optional<Keyword> keyword) {
        public LayerOrigin {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(instruction, "instruction");
            Objects.requireNonNull(keyword, "keyword");
        }

        public boolean base() {
            return kind == Kind.BASE;
        }

        static LayerOrigin of(int index, Kind kind) {
            return new LayerOrigin(index, kind, Optional.empty(), Optional.empty());
        }
    }

    /**
     * Maps the layers of {@code image}.
     *
     * @param dockerfile     the Dockerfile that built the image, when known
     * @param baseLayerCount how many bottom layers are the base image's, when known otherwise (e.g. from the
     *                       base image itself); it wins over what the history suggests
     */
    public static LayerMap align(Image image, Optional<Dockerfile> dockerfile, OptionalInt baseLayerCount) {
        int layerCount = image.layers().size();
        List<History> history = image.history();
        List<Integer> layerOfEntry = new ArrayList<>();
        int next = 0;
        for (History entry : history) {
            layerOfEntry.add(entry.emptyLayer() ? -1 : next++);
        }
        List<LayerOrigin> origins = new ArrayList<>(Collections.nCopies(layerCount, null));
        List<String> notices = new ArrayList<>();
        if (next != layerCount) {
            notices.add("the image's history records " + Plural.count(next, "layer") + " but the image has " + layerCount
                    + "; layers are not mapped to Dockerfile lines");
        } else if (history.stream().anyMatch(LayerMap::isJib)) {
            alignJib(history, layerOfEntry, origins);
        } else if (dockerfile.isPresent()) {
            alignDockerfile(history, layerOfEntry, dockerfile.get(), origins, notices);
        }
        for (int i = 0; i < layerCount; i++) {
            boolean base = baseLayerCount.isPresent() && i < baseLayerCount.getAsInt();
            if (base) {
                origins.set(i, LayerOrigin.of(i, Kind.BASE));
            } else if (origins.get(i) == null || (baseLayerCount.isPresent() && origins.get(i).base())) {
                origins.set(i, LayerOrigin.of(i, Kind.UNKNOWN));
            }
        }
        return new LayerMap(origins, notices);
    }

    /** The layer's origin. */
    public LayerOrigin origin(int layerIndex) {
        return layers.get(layerIndex);
    }

    /** How many bottom layers are the base image's. */
    public int baseLayerCount() {
        int count = 0;
        while (count < layers.size() && layers.get(count).base()) {
            count++;
        }
        return count;
    }

    private static boolean isJib(History entry) {
        return entry.createdBy().startsWith("jib-");
    }

    private static void alignJib(List<History> history, List<Integer> layerOfEntry, List<LayerOrigin> origins) {
        boolean aboveBase = false;
        for (int e = 0; e < history.size(); e++) {
            boolean jib = isJib(history.get(e));
            aboveBase |= jib;
            int layer = layerOfEntry.get(e);
            if (layer >= 0) {
                Kind kind = jib ? Kind.JIB : aboveBase ? Kind.UNKNOWN : Kind.BASE;
                origins.set(layer, LayerOrigin.of(layer, kind));
            }
        }
    }

    private static void alignDockerfile(List<History> history, List<Integer> layerOfEntry, Dockerfile dockerfile,
            List<LayerOrigin> origins, List<String> notices) {
        List<Instruction> instructions = lineage(dockerfile);
        int e = history.size() - 1;
        int i = instructions.size() - 1;
        for (; e >= 0 && i >= 0; e--, i--) {
            Instruction instruction = instructions.get(i);
            Optional<Keyword> recorded = keywordOf(history.get(e));
            if (recorded.isEmpty() || recorded.get() != instruction.keyword()) {
                notices.add(dockerfile.path() + ": line " + instruction.line() + " (" + instruction.keyword()
                        + ") does not match the image's history entry '" + history.get(e).createdBy()
                        + "'; was the image built from this Dockerfile? Layers below are not mapped");
                return;
            }
            int layer = layerOfEntry.get(e);
            if (layer >= 0) {
                origins.set(layer, new LayerOrigin(layer, Kind.DOCKERFILE,
                        Optional.of(new SourceLine(dockerfile.path(), instruction.line())), Optional.of(instruction.keyword())));
            }
        }
        if (i >= 0) {
            notices.add(dockerfile.path() + " has more instructions than the image has history entries;"
                    + " was the image built from this Dockerfile?");
            return;
        }
        for (; e >= 0; e--) {
            int layer = layerOfEntry.get(e);
            if (layer >= 0) {
                origins.set(layer, LayerOrigin.of(layer, Kind.BASE));
            }
        }
    }

    /** The instructions that leave history in the final stage's image: its ancestors' stages' first, FROM excluded. */
    public static List<Instruction> lineage(Dockerfile dockerfile) {
        List<Stage> chain = new ArrayList<>();
        Stage stage = dockerfile.finalStage();
        chain.add(stage);
        while (stage.parentStage().isPresent() && chain.size() <= dockerfile.stages().size()) {
            stage = dockerfile.stages().get(stage.parentStage().get());
            chain.add(0, stage);
        }
        List<Instruction> instructions = new ArrayList<>();
        chain.forEach(s -> instructions.addAll(s.instructions()));
        return instructions;
    }

    /**
     * The instruction a history entry records. BuildKit writes the instruction as written
     * ({@code RUN /bin/sh -c … # buildkit}); the classic builder writes {@code /bin/sh -c #(nop) KEYWORD …}
     * for everything but RUN, and the command line itself for RUN.
     */
    static Optional<Keyword> keywordOf(History entry) {
        String createdBy = entry.createdBy().strip();
        if (createdBy.isEmpty()) {
            return Optional.empty();
        }
        boolean buildkit = entry.comment().map(BUILDKIT_COMMENT::equals).orElse(false) || createdBy.endsWith("# buildkit");
        if (buildkit) {
            return keyword(createdBy.split("\\s+", 2)[0]);
        }
        Matcher nop = CLASSIC_NOP.matcher(createdBy);
        if (nop.find()) {
            return keyword(nop.group(1));
        }
        return Optional.of(Keyword.RUN);
    }

    private static Optional<Keyword> keyword(String word) {
        try {
            return Optional.of(Keyword.valueOf(word.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
