package dev.layerlint.fix;

import dev.layerlint.report.Finding;

/**
 * The mechanical fix of one rule's findings. A fix proposes edits only when it can show that they are safe,
 * otherwise it says why it leaves the finding; {@link Fixer} then checks every change by linting the result.
 */
sealed interface Fix permits PipNoCacheDir, PackageCacheFix, AptListsRemoval, AddToCopy, ExecFormCommand, RunMerge {

    /** The rule whose findings this fix removes. */
    String ruleId();

    /** Edits that remove {@code finding}, or why it is left. */
    default Proposal propose(FixTarget target, Finding finding) {
        try {
            return change(target, finding);
        } catch (Refused refused) {
            return Proposal.refuse(refused.getMessage());
        }
    }

    /** The change that removes {@code finding}; throws {@link Refused} with the reason when there is none that is safe. */
    Proposal.Change change(FixTarget target, Finding finding) throws Refused;

    /** Why a fix leaves a finding: thrown by the checks a fix makes, turned into a {@link Proposal.Refusal}. */
    final class Refused extends Exception {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }
}
