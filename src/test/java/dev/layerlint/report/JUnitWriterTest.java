package dev.layerlint.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JUnitWriterTest {

    @TempDir
    Path project;

    @Test
    void oneCasePerRuleAndFileFailingAtFailOn() throws Exception {
        List<Path> written = new JUnitWriter().write(ReportFixtures.lint(), ReportFixtures.target(project, Optional.of(Severity.WARNING)));

        assertEquals(List.of(project.resolve("target/layerlint/TEST-layerlint-lint.xml")), written);
        Document xml = XmlAssertions.parse(written.get(0));
        assertEquals("testsuite{errors=0, failures=2, name=layerlint.lint, skipped=0, tests=6, time=0}",
                XmlAssertions.describe(xml.getDocumentElement()));
        assertEquals(List.of(
                "testcase{classname=layerlint.lint.Dockerfile, name=BaseImageUnpinned, time=0}",
                "testcase{classname=layerlint.lint.Dockerfile, name=ConsecutiveRuns, time=0}",
                "testcase{classname=layerlint.lint.Dockerfile, name=RunsAsRoot, time=0}",
                "testcase{classname=layerlint.lint.services/api/Dockerfile, name=BaseImageUnpinned, time=0}",
                "testcase{classname=layerlint.lint.services/api/Dockerfile, name=ConsecutiveRuns, time=0}",
                "testcase{classname=layerlint.lint.services/api/Dockerfile, name=RunsAsRoot, time=0}"),
                XmlAssertions.elements(xml, "testcase"));
        assertEquals(List.of(
                "failure{message=base image python:latest is on `latest`; pin a version tag, type=warning}",
                "failure{message=the final stage (FROM eclipse-temurin:21-jre) never sets USER, type=error}"),
                XmlAssertions.elements(xml, "failure"));
        Element unpinned = (Element) xml.getElementsByTagName("testcase").item(0);
        assertEquals("warning Dockerfile:1:1: [BaseImageUnpinned] base image python:latest is on `latest`; pin a version tag\n",
                unpinned.getElementsByTagName("failure").item(0).getTextContent());
        Element runs = (Element) xml.getElementsByTagName("testcase").item(1);
        assertEquals(0, runs.getElementsByTagName("failure").getLength());
        assertEquals("info Dockerfile:4:1: [ConsecutiveRuns] 2 consecutive RUN instructions (lines 4, 5) | combine them with && <one layer>\n",
                runs.getElementsByTagName("system-out").item(0).getTextContent());
    }

    @Test
    void withFailOnNoneNothingFails() throws Exception {
        Path written = new JUnitWriter().write(ReportFixtures.lint(), ReportFixtures.target(project, Optional.empty())).get(0);

        Document xml = XmlAssertions.parse(written);
        assertEquals("testsuite{errors=0, failures=0, name=layerlint.lint, skipped=0, tests=6, time=0}",
                XmlAssertions.describe(xml.getDocumentElement()));
        assertEquals(3, xml.getElementsByTagName("system-out").getLength());
    }

    @Test
    void everyBudgetIsACase() throws Exception {
        Path written = new JUnitWriter().write(ReportFixtures.inspect(), ReportFixtures.target(project, Optional.of(Severity.ERROR))).get(0);

        Document xml = XmlAssertions.parse(written);
        assertEquals("testsuite{errors=0, failures=2, name=layerlint.inspect, skipped=0, tests=3, time=0}",
                XmlAssertions.describe(xml.getDocumentElement()));
        assertEquals(List.of(
                "testcase{classname=layerlint.inspect.Dockerfile, name=SizeBudget, time=0}",
                "testcase{classname=layerlint.inspect.budgets, name=size, time=0}",
                "testcase{classname=layerlint.inspect.budgets, name=layers, time=0}"),
                XmlAssertions.elements(xml, "testcase"));
        assertEquals(List.of(
                "failure{message=image shop/api:1.0 is 231.4 MB, over its 200.0 MB budget, type=error}",
                "failure{message=size: 231.4 MB exceeds the limit 200.0 MB, type=budget}"),
                XmlAssertions.elements(xml, "failure"));
    }
}
