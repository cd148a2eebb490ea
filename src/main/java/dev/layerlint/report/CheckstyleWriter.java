package dev.layerlint.report;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code <goal>-checkstyle.xml}: Checkstyle's XML result format, which Jenkins warnings-ng and many CI
 * dashboards read. Every checked file is listed, with or without errors.
 */
final class CheckstyleWriter implements FormatWriter {

    @Override
    public String fileName(String goal) {
        return goal + "-checkstyle.xml";
    }

    @Override
    public List<Path> write(ReportModel model, ReportTarget target) throws IOException {
        Document document = render(model);
        return List.of(AtomicFiles.write(target.outputDirectory(), fileName(model.name()), out -> XmlOutput.write(document, out)));
    }

    Document render(ReportModel model) {
        Document document = XmlOutput.newDocument();
        Element root = document.createElement("checkstyle");
        root.setAttribute("version", "8.0");
        document.appendChild(root);
        for (String file : model.files()) {
            Element fileElement = XmlOutput.child(root, "file", "name", file);
            for (Finding f : model.findings()) {
                if (!f.file().equals(file)) {
                    continue;
                }
                Element error = XmlOutput.child(fileElement, "error",
                        "severity", f.severity().id(),
                        "message", f.message(),
                        "source", "layerlint." + f.ruleId());
                if (f.line() > 0) {
                    error.setAttribute("line", Integer.toString(f.line()));
                }
                if (f.column() > 0) {
                    error.setAttribute("column", Integer.toString(f.column()));
                }
            }
        }
        return document;
    }
}
