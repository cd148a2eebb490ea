package dev.layerlint.report;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

import dev.layerlint.text.Plural;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code TEST-layerlint-<goal>.xml}: JUnit XML, which every CI shows as test results. One test case per
 * rule and checked file (class name {@code layerlint.<goal>.<file>}, name the rule id) and one per image
 * budget; a case fails when it has findings at or above {@code failOn} (or the budget is exceeded).
 * Findings below {@code failOn} are listed in the case's output. Times are 0 and no timestamp is written,
 * so the file is the same on every run.
 */
final class JUnitWriter implements FormatWriter {

    @Override
    public String fileName(String goal) {
        return "TEST-layerlint-" + goal + ".xml";
    }

    @Override
    public List<Path> write(ReportModel model, ReportTarget target) throws IOException {
        Document document = render(model, target);
        return List.of(AtomicFiles.write(target.outputDirectory(), fileName(model.name()), out -> XmlOutput.write(document, out)));
    }

    Document render(ReportModel model, ReportTarget target) {
        Document document = XmlOutput.newDocument();
        Element suite = document.createElement("testsuite");
        document.appendChild(suite);
        String suiteName = "layerlint." + model.name();
        int tests = 0;
        int failures = 0;
        for (String file : model.files()) {
            for (String ruleId : model.ruleIds()) {
                List<Finding> found = model.findings().stream()
                        .filter(f -> f.file().equals(file) && f.ruleId().equals(ruleId))
                        .toList();
                List<Finding> failing = found.stream().filter(f -> target.fails(f.severity())).toList();
                Element testcase = XmlOutput.child(suite, "testcase",
                        "classname", suiteName + "." + file, "name", ruleId, "time", "0");
                tests++;
                if (!failing.isEmpty()) {
                    failures++;
                    Element failure = XmlOutput.child(testcase, "failure",
                            "type", failing.get(0).severity().id(),
                            "message", failing.size() == 1 ? failing.get(0).message() : Plural.count(failing.size(), "finding"));
                    failure.setTextContent(XmlOutput.text(consoleLines(failing)));
                }
                List<Finding> passing = found.stream().filter(f -> !target.fails(f.severity())).toList();
                if (!passing.isEmpty()) {
                    XmlOutput.child(testcase, "system-out").setTextContent(XmlOutput.text(consoleLines(passing)));
                }
            }
        }
        List<BudgetLine> budgets = model.image().map(ImageSummary::budgets).orElse(List.of());
        for (BudgetLine budget : budgets) {
            Element testcase = XmlOutput.child(suite, "testcase",
                    "classname", suiteName + ".budgets", "name", budget.name(), "time", "0");
            tests++;
            if (!budget.passed()) {
                failures++;
                XmlOutput.child(testcase, "failure", "type", "budget",
                        "message", budget.name() + ": " + budget.display(budget.actual()) + " exceeds the limit "
                                + budget.display(budget.limit()));
            }
        }
        suite.setAttribute("name", suiteName);
        suite.setAttribute("tests", Integer.toString(tests));
        suite.setAttribute("failures", Integer.toString(failures));
        suite.setAttribute("errors", "0");
        suite.setAttribute("skipped", "0");
        suite.setAttribute("time", "0");
        return document;
    }

    private static String consoleLines(List<Finding> findings) {
        return findings.stream().map(f -> f.severity().id() + " " + f.toConsoleLine()).collect(Collectors.joining("\n", "", "\n"));
    }
}
