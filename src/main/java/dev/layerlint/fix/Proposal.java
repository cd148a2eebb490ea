package dev.layerlint.fix;

import java.util.List;

/** What a fix makes of one finding: edits to the text, or the reason it leaves the finding to a human. */
sealed interface Proposal permits Proposal.Change, Proposal.Refusal {

    /**
     * @param edits   the edits, against the text the finding was found in
     * @param summary what the edits do, for the log ({@code added --no-cache-dir to pip install})
     */
    record Change(List<Edit> edits, String summary) implements Proposal {
        public Change {
            edits = List.copyOf(edits);
            if (edits.isEmpty()) {
                throw new IllegalArgumentException("a change has at least one edit");
            }
        }
    }

    /** @param reason why the finding is left, a sentence without a final period */
    record Refusal(String reason) implements Proposal {
    }

    static Proposal refuse(String reason) {
        return new Refusal(reason);
    }
}
