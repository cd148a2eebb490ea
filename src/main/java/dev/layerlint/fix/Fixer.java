package dev.layerlint.fix;

import dev.layerlint.dockerfile.DockerfileParser;
import dev.layerlint.dockerfile.ParseResult;
import dev.layerlint.report.Finding;
import dev.layerlint.rules.Linter;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Fixes the findings of chosen rules in a Dockerfile's text. A fix proposes edits for one finding; each change is
 * checked before it is kept: the result must parse, lint with fewer findings of the fixed rule and with no more of any
 * other. Changes are made one at a time, the text linted again after each, until no fix has anything left to do, so a
 * second run changes nothing.
 */
public final class Fixer {

    /** Every fix, by the rule it fixes, in the order they are tried on one instruction. */
    private static final Map<String, Fix> FIXES = fixes(new AddToCopy(), new ExecFormCommand(), new PipNoCacheDir(),
            new PackageCacheFix(), new AptListsRemoval(), new RunMerge("ConsecutiveRuns"), new RunMerge("AptUpdateAlone"),
            new RunMerge("CleanupInLaterLayer"));

    /** Each change lints the file again, so a file with very many findings is fixed in rounds of at most this many changes. */
    static final int MAX_CHANGES = 200;

    private final Linter linter;
    private final Set<String> chosen;

    /**
     * @param linter the linter with the rule settings of the run (a rule turned off is not fixed)
     * @param chosen the rules to fix, a subset of {@link #fixableRules()}
     */
    public Fixer(Linter linter, Set<String> chosen) {
        for (String id : chosen) {
            if (!FIXES.containsKey(id)) {
                throw new IllegalArgumentException("no fix for " + id + "; fixable rules: " + String.join(", ", FIXES.keySet()));
            }
        }
        this.linter = linter;
        this.chosen = Set.copyOf(chosen);
    }

    private static Map<String, Fix> fixes(Fix... fixes) {
        Map<String, Fix> byRule = new LinkedHashMap<>();
        for (Fix fix : fixes) {
            byRule.put(fix.ruleId(), fix);
        }
        return byRule;
    }

    /** The rules a fix exists for. */
    public static Set<String> fixableRules() {
        return new LinkedHashSet<>(FIXES.keySet());
    }

    /**
     * The rules fixed when none are chosen: every fix whose edits cannot change what the image does at run time.
     * Each of them is: the cache flags and the list removal only keep downloads out of the layer, ADD → COPY is made
     * only for files ADD would not unpack, the JSON form only for commands that use no shell, and RUNs are merged only
     * when the merged shell runs the same commands in the same state.
     */
    public static Set<String> defaultRules() {
        return fixableRules();
    }

    /**
     * Fixes {@code content}, the text of the file findings name {@code path}; {@code context} is the build context
     * directory, when known.
     */
    public FixOutcome fix(String path, String content, Optional<Path> context) {
        ParseResult parsed = DockerfileParser.parse(path, content);
        if (parsed instanceof ParseResult.Failure failure) {
            return new FixOutcome.Unparsable(path, failure.error());
        }
        List<Finding> found = linter.lint(parsed);
        String text = content;
        ParseResult.Success current = (ParseResult.Success) parsed;
        List<Finding> findings = found;
        List<FixOutcome.Applied> applied = new ArrayList<>();
        Map<String, String> refused = new HashMap<>();
        boolean progress = true;
        while (progress && applied.size() < MAX_CHANGES) {
            progress = false;
            FixTarget target = new FixTarget(new SourceText(text), current.dockerfile(), context);
            List<Finding> candidates = findings.stream().filter(f -> chosen.contains(f.ruleId()))
                    .sorted(Comparator.comparingInt(Finding::line).reversed()).toList();
            for (Finding finding : candidates) {
                String key = key(target.source(), finding);
                if (refused.containsKey(key)) {
                    continue;
                }
                Proposal proposal = FIXES.get(finding.ruleId()).propose(target, finding);
                if (proposal instanceof Proposal.Refusal refusal) {
                    refused.put(key, refusal.reason());
                    continue;
                }
                Proposal.Change change = (Proposal.Change) proposal;
                String candidate = Edit.apply(text, change.edits());
                ParseResult reparsed = DockerfileParser.parse(path, candidate);
                List<Finding> relinted = reparsed instanceof ParseResult.Success ? linter.lint(reparsed) : List.of();
                Optional<String> problem = reparsed instanceof ParseResult.Failure failure
                        ? Optional.of("the edit would not parse: " + failure.error().message())
                        : check(findings, relinted, finding.ruleId());
                if (problem.isPresent()) {
                    refused.put(key, change.summary() + " was not kept: " + problem.get());
                    continue;
                }
                applied.add(new FixOutcome.Applied(finding.ruleId(), finding.line(), change.summary()));
                text = candidate;
                current = (ParseResult.Success) reparsed;
                findings = relinted;
                progress = true;
                break;
            }
        }
        LineDiff diff = new LineDiff(content, text);
        SourceText finalSource = new SourceText(text);
        List<FixOutcome.Left> left = new ArrayList<>();
        for (Finding finding : findings) {
            String reason = chosen.contains(finding.ruleId())
                    ? refused.getOrDefault(key(finalSource, finding), "not reached: one run makes at most " + MAX_CHANGES
                            + " changes to a file; run layerlint:fix again")
                    : Unfixed.reason(finding.ruleId(), FIXES.containsKey(finding.ruleId()));
            left.add(new FixOutcome.Left(finding, finding.line() > 0 ? diff.oldLine(finding.line()) : 0, reason));
        }
        return new FixOutcome.Fixed(path, content, text, applied, found, left);
    }

    /** Why a change is not kept: its rule's findings did not drop, or another rule's rose. */
    private static Optional<String> check(List<Finding> before, List<Finding> after, String ruleId) {
        Map<String, Integer> counts = new HashMap<>();
        before.forEach(f -> counts.merge(f.ruleId(), 1, Integer::sum));
        Map<String, Integer> afterCounts = new HashMap<>();
        after.forEach(f -> afterCounts.merge(f.ruleId(), 1, Integer::sum));
        for (Map.Entry<String, Integer> e : afterCounts.entrySet()) {
            if (e.getValue() > counts.getOrDefault(e.getKey(), 0)) {
                return Optional.of("it would add a " + e.getKey() + " finding");
            }
        }
        if (afterCounts.getOrDefault(ruleId, 0) >= counts.getOrDefault(ruleId, 0)) {
            return Optional.of("the finding would remain");
        }
        return Optional.empty();
    }

    /** What a refusal is remembered by: the rule, the message and the instruction's text, which fixes elsewhere leave as they are. */
    private static String key(SourceText source, Finding finding) {
        int last = Math.min(Math.max(finding.line(), finding.endLine()), source.lineCount());
        String lines = finding.line() >= 1 && finding.line() <= last ? source.lines(finding.line(), last) : "";
        return finding.ruleId() + '\n' + finding.message() + '\n' + lines;
    }
}
