package dev.layerlint.dockerfile;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A parsed Dockerfile.
 *
 * @param path         the file as shown in findings (relative to the project base directory)
 * @param directives   parser directives at the top of the file
 * @param escape       the escape character ({@code \} unless {@code # escape=`})
 * @param instructions every top-level instruction in file order, global ARGs included
 * @param globalArgs   the ARG instructions before the first FROM
 * @param stages       build stages in order; never empty
 * @param comments     comment lines outside heredoc bodies
 * @param laterErrors  errors BuildKit reports only in a later build, not in this one: an ONBUILD
 *                     trigger it cannot read fails every build that starts FROM this image
 */
public record Dockerfile(String path, List<Directive> directives, char escape, List<Instruction> instructions,
        List<Instruction> globalArgs, List<Stage> stages, List<Comment> comments, List<ParseError> laterErrors) {

    public Dockerfile {
        directives = List.copyOf(directives);
        instructions = List.copyOf(instructions);
        globalArgs = List.copyOf(globalArgs);
        stages = List.copyOf(stages);
        comments = List.copyOf(comments);
        laterErrors = List.copyOf(laterErrors);
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("a Dockerfile has at least one stage");
        }
    }

    /** The stage {@code docker build} builds when no {@code --target} is given: the last one. */
    public Stage finalStage() {
        return stages.get(stages.size() - 1);
    }

    /**
     * A stage by name (case-insensitive) or by index, as {@code COPY --from} and {@code FROM} refer to
     * it; a name that several stages share means the last of them, as in BuildKit.
     */
    public Optional<Stage> stage(String nameOrIndex) {
        String key = nameOrIndex.toLowerCase(Locale.ROOT);
        for (int i = stages.size() - 1; i >= 0; i--) {
            Stage s = stages.get(i);
            if (s.name().map(key::equals).orElse(false)) {
                return Optional.of(s);
            }
        }
        if (key.matches("\\d{1,9}")) {
            int index = Integer.parseInt(key);
            if (index < stages.size()) {
                return Optional.of(stages.get(index));
            }
        }
        return Optional.empty();
    }

    /** The stage an instruction belongs to; empty for global ARGs. */
    public Optional<Stage> stageOf(Instruction instruction) {
        for (Stage s : stages) {
            if (s.from() == instruction || s.instructions().contains(instruction)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    public Optional<Directive> directive(String name) {
        return directives.stream().filter(d -> d.name().equals(name)).findFirst();
    }

    /** The comment on the given line, if that line is a comment. */
    public Optional<Comment> commentAt(int line) {
        return comments.stream().filter(c -> c.line() == line).findFirst();
    }
}
