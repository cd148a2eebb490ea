package dev.layerlint.rules.dockerfile;

import dev.layerlint.dockerfile.Dockerfile;
import dev.layerlint.dockerfile.Instruction;
import dev.layerlint.dockerfile.KeyValue;
import dev.layerlint.dockerfile.Keyword;
import dev.layerlint.dockerfile.Stage;
import dev.layerlint.dockerfile.Words;
import dev.layerlint.image.LayerPaths;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /** The last instruction of that kind before {@code at}, in the stage or the stages it builds on. */
    static Optional<Instruction> lastBefore(Dockerfile dockerfile, Stage stage, Instruction at, Keyword keyword) {
        Optional<Instruction> last = Optional.empty();
        for (Stage s : lineage(dockerfile, stage)) {
            for (Instruction ins : s.instructions()) {
                if (ins == at) {
                    return last;
                }
                if (ins.is(keyword)) {
                    last = Optional.of(ins);
                }
            }
        }
        return last;
    }

    /** The working directory in effect before {@code at} ({@code /} when no WORKDIR was set). */
    static String workdirBefore(Dockerfile dockerfile, Stage stage, Instruction at) {
        String dir = "/";
        for (Stage s : lineage(dockerfile, stage)) {
            for (Instruction ins : s.instructions()) {
                if (ins == at) {
                    return dir;
                }
                if (ins.is(Keyword.WORKDIR)) {
                    dir = absolute(dir, Words.expand(ins.args().get(0), environment(dockerfile, s, Optional.of(ins)), dockerfile.escape()));
                }
            }
        }
        return dir;
    }

    /** A path made absolute against {@code dir}, normalised, without a trailing slash (but {@code /} stays). */
    static String absolute(String dir, String path) {
        return LayerPaths.normalize(path.startsWith("/") ? path : dir + "/" + path);
    }

    /**
     * The ENV variables in effect just before {@code at} (or at the end of the stage when {@code at}
     * is empty), inherited from parent stages, with values expanded as BuildKit expands them.
     */
    static Map<String, String> environment(Dockerfile dockerfile, Stage stage, Optional<Instruction> at) {
        Map<String, String> env = new HashMap<>();
        for (Stage s : lineage(dockerfile, stage)) {
            for (Instruction ins : s.instructions()) {
                if (at.isPresent() && ins == at.get()) {
                    return env;
                }
                if (ins.is(Keyword.ENV)) {
                    for (KeyValue kv : ins.pairs()) {
                        env.put(kv.key(), Words.expand(kv.value().orElse(""), env, dockerfile.escape()));
                    }
                }
            }
        }
        return env;
    }
}
