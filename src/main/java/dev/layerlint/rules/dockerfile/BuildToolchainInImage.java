package dev.layerlint.rules.dockerfile;

import dev.layerlint.report.ChecklistItem;
import dev.layerlint.report.Severity;
import dev.layerlint.rules.DockerfileRule;
import dev.layerlint.rules.DockerfileRuleContext;
import dev.layerlint.rules.RuleInfo;
import dev.layerlint.shell.PackageManager;
import dev.layerlint.shell.PackageManagerCall;

import java.util.List;
import java.util.Set;

@RuleInfo(
        id = "BuildToolchainInImage",
        severity = Severity.WARNING,
        checklist = ChecklistItem.MULTI_STAGE,
        summary = "A build toolchain (gcc, build-essential, make, a JDK, Maven, Go…) is installed in a stage that ends up in the image.",
        description = """
                Compilers and build tools are needed to build, not to run: in the final image they add \
                hundreds of MB and attack surface. The guide's example drops from 2.1 GB to 665 MB by \
                installing `gcc build-essential` in a builder stage and copying only the result into the \
                runtime stage. An install is not reported when the same RUN removes the toolchain again \
                (`apk add --virtual .build-deps … && apk del .build-deps`, `apt-get purge --auto-remove`). \
                The package list is configurable with `<toolchainPackages>`.""",
        aliases = {})
public final class BuildToolchainInImage implements DockerfileRule {

    /** Package names (regular expressions) that are build toolchains. */
    public static final List<String> DEFAULT_TOOLCHAIN_PACKAGES = List.of(
            "gcc", "gcc-[0-9.]+", "g\\+\\+", "g\\+\\+-[0-9.]+", "clang", "clang-[0-9.]+", "build-essential", "build-base",
            "make", "cmake", "autoconf", "automake", "libtool", "musl-dev", "linux-headers", "golang", "golang-go", "go",
            "maven", "gradle", "default-jdk", "default-jdk-headless", "openjdk-[0-9]+-jdk", "openjdk-[0-9]+-jdk-headless",
            "openjdk[0-9]+", "openjdk[0-9]+-jdk", "java-[0-9.]+-openjdk-devel", "rustc", "cargo", "gcc-c\\+\\+",
            "@development-tools", "@\"development tools\"");
    private static final Set<String> INSTALL = Set.of("install", "add", "in");

    @Override
    public void check(DockerfileRuleContext context) {
        for (RunStep step : RunStep.all(context)) {
            if (!step.inImage()) {
                continue;
            }
            for (PackageManagerCall call : step.calls()) {
                if (!call.manager().system() || !INSTALL.contains(call.subcommand())) {
                    continue;
                }
                List<String> tools = call.operands().stream()
                        .filter(context.options()::isToolchainPackage)
                        .toList();
                if (!tools.isEmpty() && !removedAgain(step, call)) {
                    context.report(step.run(), "installs the build toolchain " + String.join(" ", tools) + " into a stage "
                            + "that ends up in the image: build in a separate stage and copy only the result");
                    break;
                }
            }
        }
    }

    private static boolean removedAgain(RunStep step, PackageManagerCall install) {
        String virtual = install.optionValue("--virtual").or(() -> install.optionValue("-t")).orElse("");
        for (PackageManagerCall c : step.calls()) {
            if (c.manager() != install.manager() && !(c.manager().system() && install.manager().system())) {
                continue;
            }
            String sub = c.subcommand();
            if (sub.equals("del") && (!virtual.isEmpty() && c.operands().contains(virtual)
                    || c.operands().stream().anyMatch(install.operands()::contains))) {
                return true;
            }
            if ((sub.equals("purge") || sub.equals("remove") || sub.equals("autoremove") || sub.equals("erase"))
                    && (c.hasOption("--auto-remove", "--autoremove") || sub.equals("autoremove")
                    || c.operands().stream().anyMatch(install.operands()::contains))) {
                return true;
            }
        }
        return false;
    }
}
