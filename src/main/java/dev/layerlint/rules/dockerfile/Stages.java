package dev.layerlint.rules.dockerfile;

import dev.layerlint.dockerfile.Dockerfile;
import dev.layerlint.dockerfile.Instruction;
import dev.layerlint.dockerfile.Keyword;
import dev.layerlint.dockerfile.Stage;
import dev.layerlint.image.LayerPaths;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** Questions about stages that several rules ask. */
final class Stages {

    private Stages() {
    }

    /** The stage and the stages it builds on, oldest first (a FROM naming an earlier stage inherits its state). */
    static List<Stage> lineage(Dockerfile dockerfile, Stage stage) {
        Deque<Stage> chain = new ArrayDeque<>();
        Optional<Stage> current = Optional.of(stage);
        while (current.isPresent()) {
            chain.addFirst(current.get());
            current = current.get().parentStage().map(dockerfile.stages()::get);
        }
        return List.copyOf(chain);
    }

    /** The base image at the root of the stage's lineage: the image it really starts from. */
    static Stage root(Dockerfile dockerfile, Stage stage) {
        return lineage(dockerfile, stage).get(0);
    }

    /** The last instruction of that kind in the stage or, failing that, in the stages it builds on. */
    static Optional<Instruction> lastInLineage(Dockerfile dockerfile, Stage stage, Keyword keyword) {
        List<Stage> chain = lineage(dockerfile, stage);
        for (int i = chain.size() - 1; i >= 0; i--) {
            Optional<Instruction> last = chain.get(i).last(keyword);
            if (last.isPresent()) {
                return last;
            }
        }
        return Optional.empty();
    }

    /** A path made absolute against {@code dir}, normalised, without a trailing slash (but {@code /} stays). */
    static String absolute(String dir, String path) {
        return LayerPaths.normalize(path.startsWith("/") ? path : dir + "/" + path);
    }
}
