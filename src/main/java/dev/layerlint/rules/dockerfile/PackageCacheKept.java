package dev.layerlint.rules.dockerfile;

import dev.layerlint.report.ChecklistItem;
import dev.layerlint.report.Severity;
import dev.layerlint.rules.DockerfileRule;
import dev.layerlint.rules.DockerfileRuleContext;
import dev.layerlint.rules.RuleInfo;
import dev.layerlint.shell.PackageManager;
import dev.layerlint.shell.PackageManagerCall;
import dev.layerlint.shell.SimpleCommand;

import java.util.List;

@RuleInfo(
        id = "PackageCacheKept",
        severity = Severity.WARNING,
        checklist = ChecklistItem.NO_CACHE,
        summary = "An apk, dnf/yum, npm, yarn, gem or uv install keeps its download cache in the layer.",
        description = """
                Package managers keep what they download: `/var/cache/apk`, `/var/cache/dnf`, `~/.npm`, \
                the yarn cache, gem documentation, `~/.cache/uv`. In an image that cache is dead weight in \
                the layer. Use the manager's switch (`apk add --no-cache`, `gem install --no-document`, \
                `uv pip install --no-cache`), clean in the same RUN (`dnf clean all`, \
                `npm cache clean --force`, `yarn cache clean`), or mount a BuildKit cache at the cache \
                directory. pip has its own rule, PipCacheKept. Only stages that end up in the image are \
                checked.""",
        aliases = {"DL3019", "DL3032", "DL3036", "DL3040", "DL3060"})
public final class PackageCacheKept implements DockerfileRule {

    @Override
    public void check(DockerfileRuleContext context) {
        for (RunStep step : RunStep.all(context)) {
            if (!step.inImage()) {
                continue;
            }
            for (PackageManagerCall call : step.calls()) {
                problem(step, call).ifPresent(message -> context.report(step.run(), message));
            }
        }
    }

    private static java.util.Optional<String> problem(RunStep step, PackageManagerCall call) {
        SimpleCommand command = call.command();
        String sub = call.subcommand();
        return switch (call.manager()) {
            case APK -> sub.equals("add") && !call.hasOption("--no-cache", "--no-network") && !step.removes("/var/cache/apk")
                    && !step.cacheMounted("/var/cache/apk") && !step.cacheMounted("/etc/apk/cache")
                    ? msg("apk add keeps /var/cache/apk in the layer: use apk add --no-cache") : none();
            case DNF, YUM, MICRODNF -> sub.equals("install") && !cleans(step, call.manager(), "clean")
                    && !step.removes("/var/cache/" + (call.manager() == PackageManager.YUM ? "yum" : "dnf"))
                    && !step.cacheMounted("/var/cache/" + (call.manager() == PackageManager.YUM ? "yum" : "dnf"))
                    && !call.hasOption("--setopt=keepcache=0")
                    ? msg(call.manager().name().toLowerCase(java.util.Locale.ROOT) + " install keeps its package cache: "
                            + "end the RUN with `" + call.manager().name().toLowerCase(java.util.Locale.ROOT) + " clean all`") : none();
            case ZYPPER -> (sub.equals("install") || sub.equals("in")) && !cleans(step, PackageManager.ZYPPER, "clean", "cc")
                    && !step.removes("/var/cache/zypp") && !step.cacheMounted("/var/cache/zypp")
                    ? msg("zypper install keeps its package cache: end the RUN with `zypper clean --all`") : none();
            case NPM -> (sub.equals("install") || sub.equals("i") || sub.equals("ci")) && !cleans(step, PackageManager.NPM, "cache")
                    && !step.removes("/root/.npm") && !step.cacheMounted("/root/.npm") && !step.removes("/root/.npm/_cacache")
                    && !step.flagSet("npm_config_cache", command) && !step.flagSet("NPM_CONFIG_CACHE", command)
                    ? msg("npm " + sub + " keeps its download cache (~/.npm) in the layer: add `&& npm cache clean --force`"
                            + " or a cache mount on /root/.npm") : none();
            case YARN -> (sub.isEmpty() || sub.equals("install") || sub.equals("add")) && !cleans(step, PackageManager.YARN, "cache")
                    && !step.removes("/usr/local/share/.cache/yarn") && !step.cacheMounted("/usr/local/share/.cache/yarn")
                    && !step.removes("/root/.cache/yarn") && !step.cacheMounted("/root/.cache/yarn")
                    && !step.cacheMounted("/root/.yarn")
                    ? msg("yarn " + (sub.isEmpty() ? "install" : sub) + " keeps its cache in the layer: add `&& yarn cache clean`") : none();
            case GEM -> sub.equals("install") && !call.hasOption("--no-document", "--no-doc", "-N", "--no-ri", "--no-rdoc")
                    && !gemrcDisablesDocs(step)
                    ? msg("gem install also installs documentation: use gem install --no-document") : none();
            case UV -> (sub.equals("pip install") || sub.equals("sync") || sub.equals("pip sync")) && !call.hasOption("--no-cache", "-n")
                    && !step.flagSet("UV_NO_CACHE", command) && !step.cacheMounted("/root/.cache/uv") && !step.cacheMounted("/root/.cache")
                    && !cleans(step, PackageManager.UV, "cache clean")
                    ? msg("uv keeps its cache (~/.cache/uv) in the layer: use --no-cache, UV_NO_CACHE=1 or a cache mount") : none();
            default -> none();
        };
    }

    private static boolean cleans(RunStep step, PackageManager manager, String... subcommands) {
        return step.calls().stream().anyMatch(c -> c.manager() == manager && List.of(subcommands).contains(c.subcommand().split(" ")[0]));
    }

    private static boolean gemrcDisablesDocs(RunStep step) {
        return step.commands().stream().anyMatch(c -> c.runs("echo") && String.join(" ", c.args()).contains("--no-document"));
    }

    private static java.util.Optional<String> msg(String text) {
        return java.util.Optional.of(text);
    }

    private static java.util.Optional<String> none() {
        return java.util.Optional.empty();
    }
}
