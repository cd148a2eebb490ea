package dev.layerlint.rules.dockerfile;

import dev.layerlint.report.Severity;
import dev.layerlint.rules.DockerfileRule;
import dev.layerlint.rules.DockerfileRuleContext;
import dev.layerlint.rules.RuleInfo;
import dev.layerlint.shell.SimpleCommand;

import java.util.List;
import java.util.Optional;
import java.util.Set;

@RuleInfo(
        id = "UseraddLargeUid",
        severity = Severity.WARNING,
        summary = "useradd with a large UID and without -l writes a /var/log/lastlog of many megabytes into the layer.",
        description = """
                shadow's `useradd` (Debian, Ubuntu, RHEL, Fedora) records the new user in `/var/log/lastlog` \
                and `/var/log/faillog`, files indexed by UID: for UID 1000000 it writes at offset \
                292 000 000. On disk the file is sparse, but a layer is a tar archive and Docker stores the \
                holes as zeros, so the layer grows by UID × 292 bytes (and UID × 32 for faillog): about \
                19 MB for UID 65532, 292 MB for UID 1000000. `useradd -l` (`--no-log-init`) skips both \
                files. The rule reports a numeric UID (`-u`, `--uid`) whose lastlog would reach 10 MiB, that is \
                35 910 and above, in stages that end up in the image and in `ONBUILD RUN` triggers; BusyBox's \
                `adduser` writes no lastlog and is not judged.""",
        aliases = {"DL3046"})
public final class UseraddLargeUid implements DockerfileRule {

    /** Bytes of one lastlog record (glibc, 64-bit). */
    private static final long LASTLOG_RECORD = 292;
    /** The lastlog size from which the rule reports. */
    private static final long THRESHOLD = 10L * 1024 * 1024;
    /** useradd's short options that take a value. */
    private static final Set<Character> WITH_VALUE = Set.of('b', 'c', 'd', 'e', 'f', 'g', 'G', 'k', 'K', 'p', 'P', 'R', 's', 'u', 'Z');

    @Override
    public void check(DockerfileRuleContext context) {
        for (RunStep step : RunStep.withTriggers(context)) {
            if (!step.inImage()) {
                continue;
            }
            for (SimpleCommand command : step.commands()) {
                if (!command.runs("useradd")) {
                    continue;
                }
                Optional<Long> uid = largeUidWithoutNoLogInit(command.args());
                if (uid.isPresent()) {
                    long megabytes = Math.round(uid.get() * (double) LASTLOG_RECORD / 1_000_000);
                    step.report(context, "useradd -u " + uid.get() + " without -l writes /var/log/lastlog of about "
                            + megabytes + " MB into the layer (a tar keeps the sparse file's holes as zeros): use useradd -l");
                }
            }
        }
    }

    /** The UID when it is given, numeric and large, and {@code -l}/{@code --no-log-init} is not. */
    static Optional<Long> largeUidWithoutNoLogInit(List<String> args) {
        Optional<String> uid = Optional.empty();
        boolean noLogInit = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--no-log-init")) {
                noLogInit = true;
            } else if (arg.equals("--uid") && i + 1 < args.size()) {
                uid = Optional.of(args.get(++i));
            } else if (arg.startsWith("--uid=")) {
                uid = Optional.of(arg.substring("--uid=".length()));
            } else if (arg.startsWith("-") && !arg.startsWith("--")) {
                for (int j = 1; j < arg.length(); j++) {
                    char c = arg.charAt(j);
                    noLogInit |= c == 'l';
                    if (WITH_VALUE.contains(c)) {
                        String value = j + 1 < arg.length() ? arg.substring(j + 1) : i + 1 < args.size() ? args.get(++i) : "";
                        if (c == 'u') {
                            uid = Optional.of(value);
                        }
                        break;
                    }
                }
            }
        }
        if (noLogInit || uid.isEmpty() || !uid.get().matches("\\d{1,12}")) {
            return Optional.empty();
        }
        long value = Long.parseLong(uid.get());
        return value * LASTLOG_RECORD >= THRESHOLD ? Optional.of(value) : Optional.empty();
    }
}
