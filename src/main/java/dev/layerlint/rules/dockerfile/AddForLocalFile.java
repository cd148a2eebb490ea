package dev.layerlint.rules.dockerfile;

import dev.layerlint.dockerfile.Instruction;
import dev.layerlint.dockerfile.Keyword;
import dev.layerlint.report.Severity;
import dev.layerlint.rules.DockerfileRule;
import dev.layerlint.rules.DockerfileRuleContext;
import dev.layerlint.rules.RuleInfo;

import java.util.List;
import java.util.regex.Pattern;

@RuleInfo(
        id = "AddForLocalFile",
        severity = Severity.WARNING,
        summary = "ADD copies plain local files, which COPY does without ADD's surprises.",
        description = """
                ADD does more than copy: it unpacks local tar archives and fetches URLs. For plain files \
                and directories COPY does the same job and says what it does; ADD then only adds the \
                risk that a file that happens to be an archive gets unpacked. Use ADD for what only it \
                does: unpacking a local archive (`ADD app.tar.gz /opt/`) or fetching a Git repository. A file \
                whose name says it is compressed (`.gz`, `.bz2`, `.xz`, `.zst`, …) is not reported: ADD decides \
                by content whether to unpack, and such a file may be a tar archive; a `.zip` is, since ADD never \
                unpacks one. `ONBUILD ADD` triggers are checked too.""",
        aliases = {"DL3020"})
public final class AddForLocalFile implements DockerfileRule {

    static final Pattern ARCHIVE = Pattern.compile("(?i).*\\.(tar|tar\\.gz|tgz|tar\\.bz2|tbz2?|tar\\.xz|txz|tar\\.zst|tzst|tar\\.lz|tar\\.lzma)$");

    @Override
    public void check(DockerfileRuleContext context) {
        for (Instruction ins : context.dockerfile().instructions()) {
            Instruction add = ins.trigger().orElse(ins);
            if (!add.is(Keyword.ADD) || !add.heredocs().isEmpty()) {
                continue;
            }
            List<String> words = Sources.words(context.dockerfile(), add);
            List<String> sources = words.subList(0, words.size() - 1);
            // ADD unpacks by content, not by name: a compressed file (app.gz) may be a tar archive
            boolean allLocalPlain = sources.stream().noneMatch(s -> Sources.isRemote(s) || ARCHIVE.matcher(s).matches()
                    || Archives.isArchive(s) && !s.toLowerCase(java.util.Locale.ROOT).endsWith(".zip")
                    || s.contains("$") || s.contains("*"));
            if (allLocalPlain) {
                context.report(ins, RunStep.inTrigger(ins, "ADD " + String.join(" ", sources) + " copies plain local files: use COPY, which "
                        + "does only that (keep ADD for unpacking archives)"));
            }
        }
    }
}
