package dev.layerlint.maven;

import dev.layerlint.dockerfile.Dockerfile;
import dev.layerlint.dockerfile.DockerfileParser;
import dev.layerlint.dockerfile.Instruction;
import dev.layerlint.dockerfile.ParseResult;
import dev.layerlint.report.Finding;
import dev.layerlint.report.FindingsBaseline;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a finding is about, independent of its line number, for the findings baseline: the text of the instruction at
 * the finding's line ({@code RUN apt-get update && apt-get install -y curl}), else the first quoted name of its message.
 * Context findings name what they are about ({@code `.git` is not excluded}): several may point at one {@code COPY .},
 * so their anchor adds that name ({@code COPY . /app | .git}).
 */
final class FindingAnchors implements Function<Finding, String> {

    private final Map<String, Path> dockerfiles;
    private final boolean withName;
    private final Map<String, Optional<Dockerfile>> parsed = new HashMap<>();

    /**
     * @param dockerfiles the goal's Dockerfiles by the name findings give them
     * @param withName    whether an instruction's anchor adds the finding's quoted name (context findings)
     */
    FindingAnchors(Map<String, Path> dockerfiles, boolean withName) {
        this.dockerfiles = Map.copyOf(dockerfiles);
        this.withName = withName;
    }

    @Override
    public synchronized String apply(Finding finding) {
        if (finding.line() > 0 && dockerfiles.containsKey(finding.file())) {
            Optional<Instruction> instruction = parsed.computeIfAbsent(finding.file(), this::parse)
                    .flatMap(dockerfile -> dockerfile.instructions().stream()
                            .filter(i -> i.line() <= finding.line() && finding.line() <= i.endLine())
                            .findFirst());
            if (instruction.isPresent()) {
                String name = FindingsBaseline.quotedName(finding.message());
                return text(instruction.get()) + (withName && !name.isEmpty() ? " | " + name : "");
            }
        }
        return FindingsBaseline.quotedName(finding.message());
    }

    private Optional<Dockerfile> parse(String shown) {
        return DockerfileParser.parse(dockerfiles.get(shown), shown) instanceof ParseResult.Success success
                ? Optional.of(success.dockerfile()) : Optional.empty();
    }

    private static String text(Instruction instruction) {
        String flags = instruction.flags().stream()
                .map(flag -> "--" + flag.name() + flag.value().map(v -> "=" + v).orElse(""))
                .collect(Collectors.joining(" "));
        return instruction.keyword().name() + (flags.isEmpty() ? "" : " " + flags) + " " + instruction.arguments();
    }
}
