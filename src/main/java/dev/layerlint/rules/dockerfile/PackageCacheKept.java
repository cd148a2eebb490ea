package dev.layerlint.rules.dockerfile;

import dev.layerlint.report.ChecklistItem;
import dev.layerlint.report.Severity;
import dev.layerlint.rules.DockerfileRule;
import dev.layerlint.rules.DockerfileRuleContext;
import dev.layerlint.rules.RuleInfo;
import dev.layerlint.shell.PackageManager;
import dev.layerlint.shell.PackageManagerCall;
import dev.layerlint.shell.ShellScript;
import dev.layerlint.shell.SimpleCommand;

import java.util.List;
import java.util.Optional;
import java.util.Set;

@RuleInfo(
        id = "PackageCacheKept",
        severity = Severity.WARNING,
        checklist = ChecklistItem.NO_CACHE,
        summary = "An apk, dnf/yum/microdnf, zypper, npm, yarn, gem or uv install keeps its download cache in the layer.",
        description = """
                Package managers keep what they download: `/var/cache/apk`, the dnf/yum cache, \
                `/var/cache/zypp`, `~/.npm`, the yarn cache, gem documentation, `~/.cache/uv`. In an image \
                that cache is dead weight in the layer. Use the manager's switch (`apk add --no-cache`, \
                `gem install --no-document`, `uv pip install --no-cache`), clean in the same RUN after the \
                last command that fills the cache (`dnf clean all`, `zypper clean --all`, \
                `npm cache clean --force`, `yarn cache clean`; a clean before the install, in an `if` branch \
                or after `||` does not count), or mount a BuildKit cache or tmpfs at the cache directory. \
                \n\nFor dnf, yum and microdnf every verb that downloads packages or metadata fills the cache \
                (`install`/`in`, `reinstall`/`rei`, `upgrade`/`up`/`update`, `upgrade-minimal`/`up-min`, \
                `distro-sync`, `downgrade`, `groupinstall`, `makecache`, …), and each tool has its own \
                directory: `/var/cache/dnf` for dnf 4, `/var/cache/libdnf5` for dnf5 (the `dnf` of Fedora 41 \
                and later, so for `dnf` either directory counts), `/var/cache/yum` for microdnf, and for yum \
                `/var/cache/yum` (or `/var/cache/dnf`, where yum is dnf, as on RHEL 8 and later). Removing \
                another tool's directory saves nothing and does not count. pip has its own rule, \
                PipCacheKept. \n\napt keeps its downloaded `.deb` files in `/var/cache/apt/archives` unless told \
                otherwise; the Debian and Ubuntu images delete them after every install with the \
                `/etc/apt/apt.conf.d/docker-clean` hook. A Dockerfile that removes that hook (or sets \
                `Binary::apt::APT::Keep-Downloaded-Packages` to true), usually to make a cache mount on \
                `/var/cache/apt` useful, must then mount `/var/cache/apt` on every RUN that installs, or end it \
                with `apt-get clean`; an install without either is reported. Only stages that end up in the image are checked, and `ONBUILD RUN` triggers \
                of those stages, which run in every image built FROM this one.""",
        aliases = {"DL3019", "DL3032", "DL3036", "DL3040", "DL3060"})
public final class PackageCacheKept implements DockerfileRule {

    /** The dnf, yum and microdnf verbs that download packages or repository metadata into the cache. */
    private static final Set<String> RPM_FILLS = Set.of("install", "in", "reinstall", "rei", "upgrade", "up", "update",
            "upgrade-minimal", "up-min", "update-minimal", "distro-sync", "dsync", "distribution-synchronization",
            "downgrade", "dg", "groupinstall", "group install", "groupupdate", "group upgrade", "group update",
            "localinstall", "module install", "module update", "module enable", "makecache", "mc", "swap", "builddep",
            "download");
    private static final Set<String> APT_FILLS = Set.of("install", "reinstall", "upgrade", "dist-upgrade", "full-upgrade",
            "build-dep", "safe-upgrade");
    private static final String DOCKER_CLEAN = "/etc/apt/apt.conf.d/docker-clean";
    private static final String KEEP_DEBS = "Keep-Downloaded-Packages \"true\"";
    private static final Set<String> ZYPPER_FILLS = Set.of("install", "in", "update", "up", "dist-upgrade", "dup",
            "patch", "source-install", "si", "refresh", "ref");
    private static final Set<String> NPM_FILLS = Set.of("install", "i", "in", "ins", "inst", "insta", "instal", "add",
            "ci", "clean-install", "install-clean", "ic");

    @Override
    public void check(DockerfileRuleContext context) {
        for (RunStep step : RunStep.withTriggers(context)) {
            if (!step.inImage()) {
                continue;
            }
            List<RunStep> earlier = RunStep.all(context).stream().filter(s -> s.run().line() < step.line()
                    && Stages.lineage(context.dockerfile(), step.stage()).contains(s.stage())).toList();
            for (PackageManagerCall call : step.calls()) {
                problem(step, earlier, call).ifPresent(message -> step.report(context, message));
            }
        }
    }

    private static Optional<String> problem(RunStep step, List<RunStep> earlier, PackageManagerCall call) {
        SimpleCommand command = call.command();
        String sub = call.subcommand();
        return switch (call.manager()) {
            case APT_GET, APT, APTITUDE -> APT_FILLS.contains(sub) && keepsDebs(step, earlier, command).isPresent()
                    && !removedOrMounted(step, command, List.of("/var/cache/apt/archives"))
                    && !cleansAfter(step, call, "clean") && !cleansAfter(step, call, "autoclean") && !cleansAfter(step, call, "dist-clean")
                    ? msg(call.command().program() + " " + sub + " keeps the downloaded .deb files in /var/cache/apt/archives: "
                            + keepsDebs(step, earlier, command).get() + " turned off the image's cleanup; mount a cache at /var/cache/apt "
                            + "or end the RUN with `apt-get clean`") : none();
            case APK -> sub.equals("add") && !call.hasOption("--no-cache", "--no-network")
                    && !removedOrMounted(step, command, List.of("/var/cache/apk", "/etc/apk/cache"))
                    ? msg("apk add keeps /var/cache/apk in the layer: use apk add --no-cache") : none();
            case DNF, YUM, MICRODNF -> {
                String tool = command.program();
                List<String> dirs = rpmCacheDirs(call.manager(), tool);
                yield RPM_FILLS.contains(sub) && !cleansAfter(step, call, "clean all")
                        && !removedOrMounted(step, command, dirs) && !call.hasOption("--setopt=keepcache=0")
                        ? msg(tool + " " + sub + " keeps its package cache (" + String.join(" or ", dirs) + "): end the RUN with `"
                                + tool + " clean all`") : none();
            }
            case ZYPPER -> ZYPPER_FILLS.contains(sub) && !cleansAfter(step, call, "clean") && !cleansAfter(step, call, "cc")
                    && !removedOrMounted(step, command, List.of("/var/cache/zypp"))
                    ? msg("zypper " + sub + " keeps its package cache: end the RUN with `zypper clean --all`") : none();
            case NPM -> NPM_FILLS.contains(sub) && !cleansAfter(step, call, "cache clean")
                    && !removedOrMounted(step, command, List.of("/root/.npm", "/root/.npm/_cacache"))
                    && !step.flagSet("npm_config_cache", command) && !step.flagSet("NPM_CONFIG_CACHE", command)
                    ? msg("npm " + sub + " keeps its download cache (~/.npm) in the layer: add `&& npm cache clean --force`"
                            + " or a cache mount on /root/.npm") : none();
            case YARN -> (sub.isEmpty() || sub.equals("install") || sub.equals("add")) && !cleansAfter(step, call, "cache clean")
                    && !removedOrMounted(step, command, List.of("/usr/local/share/.cache/yarn", "/root/.cache/yarn"))
                    && !step.cacheMounted("/root/.yarn")
                    ? msg("yarn " + (sub.isEmpty() ? "install" : sub) + " keeps its cache in the layer: add `&& yarn cache clean`") : none();
            case GEM -> sub.equals("install") && !call.hasOption("--no-document", "--no-doc", "-N", "--no-ri", "--no-rdoc")
                    && !gemrcDisablesDocs(step)
                    ? msg("gem install also installs documentation: use gem install --no-document") : none();
            case UV -> (sub.equals("pip install") || sub.equals("sync") || sub.equals("pip sync")) && !call.hasOption("--no-cache", "-n")
                    && !step.flagSet("UV_NO_CACHE", command) && !step.cacheMounted("/root/.cache/uv") && !step.cacheMounted("/root/.cache")
                    && !cleansAfter(step, call, "cache clean")
                    ? msg("uv keeps its cache (~/.cache/uv) in the layer: use --no-cache, UV_NO_CACHE=1 or a cache mount") : none();
            default -> none();
        };
    }

    /**
     * Where the Debian and Ubuntu images' {@code docker-clean} hook, which deletes downloaded .deb files after
     * every install, is turned off before {@code command}: a RUN of the stage (or this one, earlier) removes
     * {@code /etc/apt/apt.conf.d/docker-clean} or sets {@code Keep-Downloaded-Packages "true"}.
     */
    private static Optional<String> keepsDebs(RunStep step, List<RunStep> earlier, SimpleCommand command) {
        for (SimpleCommand c : step.commands()) {
            if (c == command) {
                break;
            }
            if (disablesDockerClean(c)) {
                return Optional.of("this RUN");
            }
        }
        return earlier.stream().filter(e -> e.commands().stream().anyMatch(PackageCacheKept::disablesDockerClean))
                .reduce((a, b) -> b).map(e -> "the RUN at line " + e.line());
    }

    private static boolean disablesDockerClean(SimpleCommand c) {
        return ShellScript.removesPath(c, DOCKER_CLEAN) || c.runs("echo") && String.join(" ", c.args()).contains(KEEP_DEBS);
    }

    /** The cache directories of an rpm tool, by the program that ran ({@code dnf5} is a {@link PackageManager#DNF}). */
    private static List<String> rpmCacheDirs(PackageManager manager, String program) {
        return switch (manager) {
            case YUM -> List.of("/var/cache/yum", "/var/cache/dnf");
            case MICRODNF -> List.of("/var/cache/yum");
            default -> program.equals("dnf5") ? List.of("/var/cache/libdnf5") : List.of("/var/cache/dnf", "/var/cache/libdnf5");
        };
    }

    /** One of the directories is under a cache or tmpfs mount, or removed after {@code after}. */
    private static boolean removedOrMounted(RunStep step, SimpleCommand after, List<String> dirs) {
        return dirs.stream().anyMatch(d -> step.cacheMounted(d) || step.removesAfter(d, after));
    }

    /**
     * The same manager runs {@code words} (subcommand and first operands: {@code clean all}, {@code cache clean})
     * after {@code call}, whenever the RUN succeeds.
     */
    private static boolean cleansAfter(RunStep step, PackageManagerCall call, String words) {
        return step.callsAfter(call.command()).stream().anyMatch(c -> {
            String full = (c.subcommand() + " " + String.join(" ", c.operands())).strip();
            return c.manager() == call.manager() && (full.equals(words) || full.startsWith(words + " "));
        });
    }

    private static boolean gemrcDisablesDocs(RunStep step) {
        return step.commands().stream().anyMatch(c -> c.runs("echo") && String.join(" ", c.args()).contains("--no-document"));
    }

    private static Optional<String> msg(String text) {
        return Optional.of(text);
    }

    private static Optional<String> none() {
        return Optional.empty();
    }
}
