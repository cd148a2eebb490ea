package dev.layerlint.rules.dockerfile;

import dev.layerlint.report.Severity;
import dev.layerlint.rules.DockerfileRule;
import dev.layerlint.rules.DockerfileRuleContext;
import dev.layerlint.rules.RuleInfo;
import dev.layerlint.shell.PackageManager;
import dev.layerlint.shell.PackageManagerCall;

@RuleInfo(
        id = "PythonBytecodeKept",
        severity = Severity.INFO,
        summary = "pip install writes .pyc bytecode for every installed module into the layer.",
        description = """
                pip compiles each installed module to `__pycache__/*.pyc`, which can add tens of MB to a \
                dependency layer; Python recreates what it needs at run time. Install with \
                `pip install --no-compile`, remove the bytecode in the same RUN \
                (`find /usr/local/lib -name __pycache__ -exec rm -rf {} +`), or set \
                `PYTHONDONTWRITEBYTECODE=1` as the layer-optimization guide does. Only stages that end \
                up in the image are checked, and `ONBUILD RUN` \
                triggers of those stages, which run in every image built FROM this one.""",
        aliases = {})
public final class PythonBytecodeKept implements DockerfileRule {

    @Override
    public void check(DockerfileRuleContext context) {
        for (RunStep step : RunStep.withTriggers(context)) {
            if (!step.inImage()) {
                continue;
            }
            for (PackageManagerCall call : step.calls(PackageManager.PIP, "install")) {
                boolean avoided = call.hasOption("--no-compile") || step.flagSet("PYTHONDONTWRITEBYTECODE", call.command())
                        || step.flagSet("PIP_NO_COMPILE", call.command())
                        || step.scripts().stream().anyMatch(s -> s.removedPaths().stream()
                        .anyMatch(p -> p.contains("__pycache__") || p.contains(".pyc")));
                if (!avoided) {
                    step.report(context, "pip install writes __pycache__/*.pyc for every installed module into the "
                            + "layer: use --no-compile (or remove __pycache__ in the same RUN, or set PYTHONDONTWRITEBYTECODE=1)");
                    break;
                }
            }
        }
    }
}
