package dev.layerlint.dockerfile;

import java.util.List;
import java.util.Optional;

/**
 * A build stage: a FROM and the instructions up to the next FROM.
 *
 * @param index        0-based position
 * @param name         the {@code AS} name, lower case
 * @param from         the FROM instruction
 * @param base         the base image, after expanding the ARGs declared before the first FROM
 * @param parentStage  the earlier stage this one builds on, when {@code base} names one
 * @param instructions the instructions after FROM
 */
public record Stage(int index, Optional<String> name, Instruction from, ImageRef base, Optional<Integer> parentStage,
        List<Instruction> instructions) {

    public Stage {
        instructions = List.copyOf(instructions);
    }

    /** {@code name} when the stage has one, otherwise its index, the way COPY --from refers to it. */
    public String label() {
        return name.orElse(Integer.toString(index));
    }

    public List<Instruction> instructions(Keyword keyword) {
        return instructions.stream().filter(i -> i.is(keyword)).toList();
    }

    /** The last instruction of that kind in this stage (only this stage, not its parent). */
    public Optional<Instruction> last(Keyword keyword) {
        List<Instruction> all = instructions(keyword);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }
}
