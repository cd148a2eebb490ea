package dev.layerlint.fix;

import dev.layerlint.dockerfile.ParseError;
import dev.layerlint.report.Finding;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What fixing one Dockerfile gave: the fixed text with what was fixed and what was left, or why nothing was done. */
public sealed interface FixOutcome permits FixOutcome.Fixed, FixOutcome.Unparsable {

    /** The file as findings name it. */
    String path();

    /**
     * @param path    the file as findings name it
     * @param before  the text as it was
     * @param after   the text with the fixes made (equal to {@code before} when nothing was fixed)
     * @param applied the changes made, in the order made
     * @param found   the findings of the text as it was
     * @param left    the findings of the fixed text, each with why it was left
     */
    record Fixed(String path, String before, String after, List<Applied> applied, List<Finding> found, List<Left> left)
            implements FixOutcome {

        public Fixed {
            applied = List.copyOf(applied);
            found = List.copyOf(found);
            left = List.copyOf(left);
        }

        public boolean changed() {
            return !before.equals(after);
        }

        /** Per rule, how many of its findings the fixes removed. */
        public Map<String, Integer> fixedPerRule() {
            Map<String, Integer> fixed = new TreeMap<>();
            found.forEach(f -> fixed.merge(f.ruleId(), 1, Integer::sum));
            left.forEach(l -> fixed.merge(l.finding().ruleId(), -1, Integer::sum));
            fixed.values().removeIf(count -> count <= 0);
            return fixed;
        }

        /** Per rule, how many of its findings are left. */
        public Map<String, Integer> leftPerRule() {
            Map<String, Integer> counts = new TreeMap<>();
            left.forEach(l -> counts.merge(l.finding().ruleId(), 1, Integer::sum));
            return counts;
        }
    }

    /** @param error why the parser rejects the file; nothing is changed */
    record Unparsable(String path, ParseError error) implements FixOutcome {
    }

    /**
     * A change made.
     *
     * @param ruleId  the rule whose finding it removes
     * @param line    the line of the finding, in the text as it was
     * @param summary what was done, e.g. {@code added --no-cache-dir to pip install}
     */
    record Applied(String ruleId, int line, String summary) {
    }

    /**
     * A finding not fixed.
     *
     * @param finding the finding, at its line in the fixed text
     * @param lineBefore the line of the fixed text's {@code finding.line()} in the text as it was
     * @param reason  why it was left
     */
    record Left(Finding finding, int lineBefore, String reason) {

        /** The finding at its line in the text as it was. */
        public Finding before() {
            Finding f = finding;
            return new Finding(f.ruleId(), f.severity(), f.file(), lineBefore, f.column(), lineBefore + f.endLine() - f.line(),
                    f.message(), f.checklist());
        }
    }
}
