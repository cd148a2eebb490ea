package dev.layerlint.rules.dockerfile;

import dev.layerlint.report.ChecklistItem;
import dev.layerlint.report.Severity;
import dev.layerlint.rules.DockerfileRule;
import dev.layerlint.rules.DockerfileRuleContext;
import dev.layerlint.rules.RuleInfo;
import dev.layerlint.shell.Redirection;
import dev.layerlint.shell.SimpleCommand;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

@RuleInfo(
        id = "TempFilesKept",
        severity = Severity.WARNING,
        checklist = ChecklistItem.CLEANUP_SAME_RUN,
        summary = "A RUN leaves files it wrote into /tmp or /var/tmp, or an archive it downloaded and unpacked, in the layer.",
        description = """
                Downloads, archives and build trees written to `/tmp` or `/var/tmp` are as much part of \
                the layer as anything else: the directory's name does not make them temporary. Remove \
                them in the same RUN (`rm -rf /tmp/*`), stream instead of saving (`curl … | tar -x`), or \
                mount a tmpfs or cache at `/tmp` (`RUN --mount=type=tmpfs,target=/tmp`). Only files the \
                RUN names explicitly (download targets, copy and clone destinations, redirections) are \
                considered. \n\nAn archive the RUN downloads (`curl -o x.tgz`, `curl -O`, `wget -O`, `wget URL`) \
                and unpacks (`tar -x`, `unzip`, `zcat`), wherever it is saved, is kept beside what it unpacked \
                unless the RUN removes it after unpacking: `curl -fsSLo x.tgz URL && tar -xzf x.tgz -C /opt` ships \
                both. Remove it (`&& rm x.tgz`) or stream it (`curl -fsSL URL | tar -xz -C /opt`). `gunzip x.gz` \
                replaces the file and is not reported. Stages that end up in the image are checked, and \
                `ONBUILD RUN` triggers of those stages, which run in every image built FROM this one.""",
        aliases = {})
public final class TempFilesKept implements DockerfileRule {

    /** wget's short options, other than {@code -O}, that take a value. */
    private static final String WGET_WITH_VALUE = "oaPtTweiUBQlARDIX";
    private static final Set<String> WRITERS = Set.of("curl", "wget", "git", "cp", "mv", "tar", "unzip", "mkdir", "svn", "touch");

    @Override
    public void check(DockerfileRuleContext context) {
        for (RunStep step : RunStep.withTriggers(context)) {
            if (!step.inImage()) {
                continue;
            }
            Set<String> written = new LinkedHashSet<>();
            for (SimpleCommand c : step.commands()) {
                if (WRITERS.contains(c.program())) {
                    c.args().stream().filter(TempFilesKept::temporary).forEach(written::add);
                }
                for (Redirection r : c.redirections()) {
                    if (r.operator().startsWith(">") && temporary(r.target())) {
                        written.add(r.target());
                    }
                }
            }
            List<String> kept = written.stream().map(p -> p.replaceFirst("/+$", "")).filter(p -> !step.removes(p) && !step.cacheMounted(p)).toList();
            List<String> archives = keptArchives(step).stream().filter(a -> !kept.contains(a)).toList();
            List<String> parts = new ArrayList<>();
            if (!kept.isEmpty()) {
                parts.add("leaves " + String.join(", ", kept) + " in the layer: remove it in the same RUN "
                        + "(or stream the download, or mount a tmpfs at /tmp)");
            }
            if (!archives.isEmpty()) {
                parts.add("keeps the downloaded archive " + String.join(", ", archives) + " in the layer beside what it unpacked: "
                        + "remove it in the same RUN (`&& rm " + archives.get(0) + "`) or stream it (`curl -fsSL … | tar -xz`)");
            }
            if (!parts.isEmpty()) {
                step.report(context, String.join("; ", parts));
            }
        }
    }

    /** Archives the RUN downloads and unpacks, and does not remove after unpacking (nor writes to a mount). */
    private static List<String> keptArchives(RunStep step) {
        List<String> kept = new ArrayList<>();
        List<SimpleCommand> commands = step.commands();
        for (int i = 0; i < commands.size(); i++) {
            Optional<String> download = downloadTarget(commands.get(i)).filter(Archives::isArchive);
            if (download.isEmpty() || download.get().contains("$") || step.cacheMounted(download.get())) {
                continue;
            }
            String archive = download.get();
            for (SimpleCommand later : commands.subList(i + 1, commands.size())) {
                boolean unpacks = Archives.unpackedAndKept(later).stream().anyMatch(a -> a.equals(archive)
                        || !a.contains("/") && a.equals(Archives.baseName(archive)) && !archive.startsWith("/"));
                if (unpacks) {
                    if (!step.removesAfter(archive, later) && !kept.contains(archive)) {
                        kept.add(archive);
                    }
                    break;
                }
            }
        }
        return kept;
    }

    /**
     * The file {@code curl} or {@code wget} saves: {@code curl -o FILE}/{@code --output}, {@code curl -O URL} (the
     * URL's last segment), {@code wget -O FILE}/{@code --output-document}, or {@code wget URL} (the last segment, in
     * the {@code -P} directory). Empty for output to stdout or when the file cannot be told.
     */
    static Optional<String> downloadTarget(SimpleCommand command) {
        boolean curl = command.runs("curl");
        if (!curl && !command.runs("wget")) {
            return Optional.empty();
        }
        Optional<String> output = Optional.empty();
        boolean remoteName = false;
        String directory = "";
        List<String> urls = new ArrayList<>();
        List<String> args = command.args();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String next = i + 1 < args.size() ? args.get(i + 1) : "";
            boolean shortCluster = arg.startsWith("-") && !arg.startsWith("--") && arg.length() > 1;
            Optional<String> wgetCluster = !curl && shortCluster ? wgetOutput(arg) : Optional.empty();
            if (wgetCluster.isPresent()) {
                output = Optional.of(wgetCluster.get().isEmpty() ? next : wgetCluster.get());
                i += wgetCluster.get().isEmpty() ? 1 : 0;
            } else if (curl && (arg.equals("--output") || shortCluster && arg.endsWith("o")) || !curl && arg.equals("--output-document")) {
                output = Optional.of(next);
                i++;
            } else if (curl && arg.startsWith("--output=") || !curl && arg.startsWith("--output-document=")) {
                output = Optional.of(arg.substring(arg.indexOf('=') + 1));
            } else if (curl && arg.startsWith("-o") && arg.length() > 2 && !arg.startsWith("--")) {
                output = Optional.of(arg.substring(2));
            } else if (curl && (arg.equals("--remote-name") || shortCluster && arg.endsWith("O"))) {
                remoteName = true;
            } else if (!curl && (arg.equals("-P") || arg.equals("--directory-prefix"))) {
                directory = next.endsWith("/") ? next : next + "/";
                i++;
            } else if (arg.startsWith("http://") || arg.startsWith("https://") || arg.startsWith("ftp://")) {
                urls.add(arg);
            }
        }
        if (output.isPresent()) {
            return output.filter(o -> !o.equals("-") && !o.isEmpty());
        }
        if ((remoteName || !curl) && urls.size() == 1) {
            String url = urls.get(0).replaceFirst("[?#].*", "");
            String name = Archives.baseName(url);
            return name.isEmpty() || name.contains(":") ? Optional.empty() : Optional.of(curl ? name : directory + name);
        }
        return Optional.empty();
    }

    /**
     * For a cluster of wget's short options that holds {@code -O}: what follows the {@code O} ({@code -} of
     * {@code -qO-}), empty when the file is the next word; no value when an option before it takes the rest.
     */
    private static Optional<String> wgetOutput(String cluster) {
        for (int j = 1; j < cluster.length(); j++) {
            char c = cluster.charAt(j);
            if (c == 'O') {
                return Optional.of(cluster.substring(j + 1));
            }
            if (WGET_WITH_VALUE.indexOf(c) >= 0) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static boolean temporary(String path) {
        return (path.startsWith("/tmp/") || path.startsWith("/var/tmp/")) && path.length() > 5 && !path.contains("$");
    }
}
