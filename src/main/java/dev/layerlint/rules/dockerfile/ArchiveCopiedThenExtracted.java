package dev.layerlint.rules.dockerfile;

import dev.layerlint.dockerfile.Dockerfile;
import dev.layerlint.dockerfile.Instruction;
import dev.layerlint.dockerfile.Keyword;
import dev.layerlint.dockerfile.Stage;
import dev.layerlint.report.ChecklistItem;
import dev.layerlint.report.Severity;
import dev.layerlint.rules.DockerfileRule;
import dev.layerlint.rules.DockerfileRuleContext;
import dev.layerlint.rules.RuleInfo;
import dev.layerlint.shell.SimpleCommand;

import java.util.List;
import java.util.Optional;

@RuleInfo(
        id = "ArchiveCopiedThenExtracted",
        severity = Severity.WARNING,
        checklist = ChecklistItem.CLEANUP_SAME_RUN,
        summary = "COPY brings in an archive that a later RUN unpacks: the archive stays in the COPY's layer.",
        description = """
                `COPY app.tar.gz /tmp/` followed by `RUN tar -xzf /tmp/app.tar.gz -C /opt && rm /tmp/app.tar.gz` \
                ships the archive and its content: the COPY made a layer of its own, and the RUN's `rm` only \
                hides the file in a later layer. For a local tar archive, `ADD app.tar.gz /opt/` unpacks it in \
                one step and the archive never becomes a layer. For other archives (zip) or to unpack with \
                options, bind-mount it into the RUN instead of copying it: \
                `RUN --mount=type=bind,source=app.zip,target=/tmp/app.zip unzip /tmp/app.zip -d /opt`. The rule \
                matches the archive by file name: the COPY's target when it names an archive, else the \
                source's; a later RUN of the stage (or of a stage built on it) that unpacks a file of that name \
                (`tar -x`, `unzip`, `gunzip`, `zcat` and their kind) makes the finding, at the COPY. COPY \
                --from is not judged, and only stages that end up in the image are checked.""",
        aliases = {"DL3010"})
public final class ArchiveCopiedThenExtracted implements DockerfileRule {

    @Override
    public void check(DockerfileRuleContext context) {
        Dockerfile dockerfile = context.dockerfile();
        List<RunStep> runs = RunStep.all(context);
        for (Stage stage : Stages.lineage(dockerfile, dockerfile.finalStage())) {
            for (Instruction copy : stage.instructions(Keyword.COPY)) {
                if (copy.hasFlag("from") || !copy.heredocs().isEmpty() || copy.args().size() < 2) {
                    continue;
                }
                List<String> words = Sources.words(dockerfile, copy);
                List<String> sources = words.subList(0, words.size() - 1);
                String target = words.get(words.size() - 1);
                List<String> archives = Archives.isArchive(target) && !target.endsWith("/") ? List.of(Archives.baseName(target))
                        : sources.stream().filter(Archives::isArchive).map(Archives::baseName).toList();
                for (String archive : archives) {
                    unpackedLater(dockerfile, runs, stage, copy, archive).ifPresent(run -> context.report(copy,
                            "COPY puts " + archive + " in a layer of its own, and the RUN at line " + run.line()
                                    + " that unpacks it cannot take it out of that layer: " + advice(archive, sources)));
                }
            }
        }
    }

    /** The first later RUN of the stage, or of a stage built on it, that unpacks a file of that name. */
    private static Optional<Instruction> unpackedLater(Dockerfile dockerfile, List<RunStep> runs, Stage stage, Instruction copy,
            String archive) {
        for (RunStep step : runs) {
            boolean later = step.run().line() > copy.line()
                    && Stages.lineage(dockerfile, step.stage()).stream().anyMatch(s -> s.index() == stage.index());
            if (later && step.commands().stream().anyMatch(c -> unpacks(c, archive))) {
                return Optional.of(step.run());
            }
        }
        return Optional.empty();
    }

    private static boolean unpacks(SimpleCommand command, String archive) {
        return Archives.unpacked(command).stream().anyMatch(a -> Archives.baseName(a).equals(archive));
    }

    private static String advice(String archive, List<String> sources) {
        String source = sources.stream().filter(s -> Archives.baseName(s).equals(archive)).findFirst().orElse(sources.get(0));
        boolean tar = AddForLocalFile.ARCHIVE.matcher(archive).matches();
        String mount = "RUN --mount=type=bind,source=" + source + ",target=/tmp/" + archive + " …";
        return tar ? "use ADD " + source + " <dir>/ (ADD unpacks a local tar archive) or " + mount
                : "bind-mount it into the RUN instead: " + mount;
    }
}
