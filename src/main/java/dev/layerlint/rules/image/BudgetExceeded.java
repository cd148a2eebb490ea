package dev.layerlint.rules.image;

import dev.layerlint.budget.BudgetResult;
import dev.layerlint.report.Severity;
import dev.layerlint.rules.ImageRule;
import dev.layerlint.rules.ImageRuleContext;
import dev.layerlint.rules.RuleInfo;

@RuleInfo(
        id = "BudgetExceeded",
        severity = Severity.ERROR,
        summary = "The image breaks a limit of its `<budget>` (size, layers, wasted bytes, efficiency, growth).",
        description = """
                Each service sets its own budget in its pom (`maxImageSize`, `maxLayerSize`, `maxLayers`,
                `maxWastedBytes`, `maxWastedPercent`, `minEfficiency`, `maxGrowth` against the committed
                baseline). A broken limit is an error finding like any other, so `failOn` governs it: the
                build fails at the default `failOn=warning`, and a team that wants budgets reported but not
                enforced sets this rule to `warning` or `info` with `failOn=error`. The message names the
                budget, its limit and the image's actual figure; `inspect.json` lists every budget under
                `budgets`. The examples show the Dockerfile change that brings an image back under a
                `maxImageSize`.""",
        aliases = {})
public final class BudgetExceeded implements ImageRule {

    @Override
    public void check(ImageRuleContext context) {
        context.inspection().budgets().ifPresent(evaluation -> {
            for (BudgetResult result : evaluation.results()) {
                if (!result.passed()) {
                    context.report("budget " + result.name() + " exceeded: limit " + result.limit() + ", actual "
                            + result.actual() + describe(result.name()));
                }
            }
        });
    }

    private static String describe(String budget) {
        return switch (budget) {
            case "maxImageSize" -> " (image size)";
            case "maxLayerSize" -> " (largest layer)";
            case "maxLayers" -> " (layers with content)";
            case "maxWastedBytes", "maxWastedPercent" -> " (bytes stored in a layer but deleted or replaced by a later one)";
            case "minEfficiency" -> " (dive's efficiency)";
            case "maxGrowth" -> " (growth against the baseline)";
            default -> "";
        };
    }
}
