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
import dev.layerlint.shell.PackageManagerCall;

import java.util.List;
import java.util.Optional;

@RuleInfo(
        id = "DependenciesAfterSource",
        severity = Severity.WARNING,
        checklist = ChecklistItem.DEPENDENCIES_BEFORE_CODE,
        summary = "Dependencies are installed after COPY brought in the whole source, so every code change reinstalls them.",
        description = """
                Docker reuses a cached layer only while everything before it is unchanged. After \
                `COPY . .`, any edit to any file invalidates the cache, so a `pip install -r \
                requirements.txt`, `npm ci`, `mvn dependency:go-offline` or `go mod download` below it \
                runs again on every build. Copy the manifest first (`COPY requirements.txt .`, \
                `COPY package.json package-lock.json ./`, `COPY pom.xml .`), install, and copy the rest \
                afterwards. Not reported when the manifest was already copied on its own before the \
                whole source, or when the install uses a cache mount (the download is cached anyway).""",
        aliases = {})
public final class DependenciesAfterSource implements DockerfileRule {

    @Override
    public void check(DockerfileRuleContext context) {
        Dockerfile dockerfile = context.dockerfile();
        for (RunStep step : RunStep.all(context)) {
            Optional<Dependencies.Install> install = step.calls().stream().map(Dependencies::install)
                    .flatMap(Optional::stream).findFirst();
            if (install.isEmpty() || !step.cacheMounts().isEmpty()) {
                continue;
            }
            Optional<Instruction> wholeSource = wholeSourceCopy(dockerfile, step.stage(), step.run());
            if (wholeSource.isEmpty() || manifestCopiedBefore(dockerfile, step.stage(), wholeSource.get(), install.get())) {
                continue;
            }
            String fix = install.get().manifests().isEmpty() ? "move this RUN above the COPY"
                    : "COPY " + String.join(" ", install.get().manifests()) + " first, install, then COPY the rest";
            context.report(step.run(), install.get().description() + " runs after COPY at line " + wholeSource.get().line()
                    + " brought in the whole source, so every code change reinstalls the dependencies: " + fix);
        }
    }

    /** The last COPY/ADD of the whole build context ({@code .}, {@code ./}) before the RUN in this stage. */
    private static Optional<Instruction> wholeSourceCopy(Dockerfile dockerfile, Stage stage, Instruction run) {
        Optional<Instruction> found = Optional.empty();
        for (Instruction ins : stage.instructions()) {
            if (ins == run) {
                break;
            }
            if ((ins.is(Keyword.COPY) || ins.is(Keyword.ADD)) && ins.flag("from").isEmpty() && ins.args().size() >= 2
                    && ins.args().subList(0, ins.args().size() - 1).stream().anyMatch(s -> s.equals(".") || s.equals("./"))) {
                found = Optional.of(ins);
            }
        }
        return found;
    }

    private static boolean manifestCopiedBefore(Dockerfile dockerfile, Stage stage, Instruction wholeSource,
            Dependencies.Install install) {
        for (Instruction ins : stage.instructions()) {
            if (ins == wholeSource) {
                return false;
            }
            if ((ins.is(Keyword.COPY) || ins.is(Keyword.ADD)) && ins.args().size() >= 2) {
                List<String> sources = ins.args().subList(0, ins.args().size() - 1);
                if (sources.stream().anyMatch(s -> install.manifests().stream()
                        .anyMatch(m -> s.endsWith(m) || s.endsWith(m + "*") || m.endsWith("*") && s.contains(m.replace("*", ""))))) {
                    return true;
                }
            }
        }
        return false;
    }
}
