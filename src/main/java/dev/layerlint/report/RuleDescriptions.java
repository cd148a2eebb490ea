package dev.layerlint.report;

import dev.layerlint.rules.Rule;
import dev.layerlint.rules.RuleCatalog;
import dev.layerlint.rules.RuleInfo;

import java.util.Optional;

/** Rule metadata as the reports show it: from the catalog, with a link to the rule's page in {@code docs/rules/}. */
final class RuleDescriptions {

    private static final String DOCS = "https://github.com/layerlint/layerlint/blob/main/docs/rules/";

    private RuleDescriptions() {
    }

    /** The rule's metadata; empty for an id the catalog does not know (a report from another version). */
    static Optional<RuleInfo> info(String ruleId) {
        return RuleCatalog.find(ruleId).map(Rule::info).filter(info -> info.id().equals(ruleId));
    }

    /** The rule's documentation page, for rules the catalog knows. */
    static Optional<String> helpUri(String ruleId) {
        return info(ruleId).map(info -> DOCS + info.id() + ".md");
    }
}
