package dev.layerlint.report;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HtmlReportWriterTest {

    private static final XPath XPATH = XPathFactory.newInstance().newXPath();

    @TempDir
    Path project;
    private ReportTarget target;

    @BeforeEach
    void writeReports() throws Exception {
        ReportFixtures.project(project);
        target = ReportFixtures.target(project, Optional.of(Severity.WARNING));
        for (ReportModel model : List.of(ReportFixtures.inspect(), ReportFixtures.lint(), ReportFixtures.dockerignore())) {
            new JsonReportWriter().write(ContractSections.withSections(model), target.outputDirectory());
        }
        // another format's JSON beside them is not a goal report
        new GitLabCodeQualityWriter().write(ReportFixtures.lint(), target);
    }

    @Test
    void onePageWithEveryGoalInGoalOrder() throws Exception {
        List<Path> written = new HtmlReportWriter().write(ReportFixtures.lint(), target);

        assertEquals(List.of(project.resolve("target/layerlint/index.html")), written);
        Document page = XmlAssertions.parse(written.get(0));
        assertEquals(List.of("goal-lint", "goal-dockerignore", "goal-inspect"), values(page, "//section/@id"));
        assertEquals(List.of("lint1 error, 1 warning, 1 info", "dockerignore0 errors, 1 warning, 0 infos",
                "inspect1 error, 0 warnings, 0 infos"), values(page, "//nav/a"));
        assertEquals("layerlint report", XPATH.evaluate("/html/head/title", page));
    }

    @Test
    void isSelfContained() throws Exception {
        Document page = XmlAssertions.parse(new HtmlReportWriter().write(ReportFixtures.lint(), target).get(0));

        assertEquals(0.0, XPATH.evaluate("count(//script | //link | //img | //iframe | //*[@src])", page, XPathConstants.NUMBER));
        assertEquals(1.0, XPATH.evaluate("count(/html/head/style)", page, XPathConstants.NUMBER));
        for (String href : values(page, "//a/@href")) {
            if (!href.startsWith("#") && !href.startsWith("https://github.com/layerlint/layerlint/blob/main/docs/rules/")) {
                throw new AssertionError("link out of the page: " + href);
            }
        }
    }

    @Test
    void findingsShowTheirDockerfileExcerptWithTheInstructionMarked() throws Exception {
        Document page = XmlAssertions.parse(new HtmlReportWriter().write(ReportFixtures.lint(), target).get(0));

        String runs = "//section[@id='goal-lint']/article[2]";
        assertEquals("finding info", XPATH.evaluate(runs + "/@class", page));
        assertEquals("ConsecutiveRuns", XPATH.evaluate(runs + "//a[@class='rule']", page));
        assertEquals("Dockerfile:4", XPATH.evaluate(runs + "//span[@class='location']", page));
        assertEquals("2 consecutive RUN instructions (lines 4, 5) | combine them with && <one layer>",
                XPATH.evaluate(runs + "/p", page));
        assertEquals(List.of("2WORKDIR /app", "3COPY . .", "4RUN pip install -r requirements.txt",
                "5RUN python -m compileall .", "6CMD python app.py"), values(page, runs + "/pre/span"));
        assertEquals(List.of("4RUN pip install -r requirements.txt", "5RUN python -m compileall ."),
                values(page, runs + "/pre/span[@class='line hit']"));
        assertEquals(List.of("1FROM eclipse-temurin:21-jre", "2COPY target/app.jar /app/app.jar",
                "3CMD [\"java\", \"-jar\", \"/app/app.jar\"]"), values(page, "//section[@id='goal-lint']/article[3]/pre/span"));
        assertEquals(0.0, XPATH.evaluate("count(//section[@id='goal-inspect']/article/pre)", page, XPathConstants.NUMBER));
    }

    @Test
    void contextsListTheirLargestFiles() throws Exception {
        Document page = XmlAssertions.parse(new HtmlReportWriter().write(ReportFixtures.lint(), target).get(0));

        assertEquals(List.of("data/sample.csv40.0 MB", ".git/objects/pack/pack-1.pack12.0 MB"),
                values(page, "//section[@id='goal-dockerignore']//tbody/tr"));
        assertEquals(List.of("width:100.0%", "width:30.0%"), values(page, "//section[@id='goal-dockerignore']//td[@class='meter']/span/@style"));
    }

    @Test
    void theImageChartStacksLayersMarksWasteAndDrawsTheBudget() throws Exception {
        Document page = XmlAssertions.parse(new HtmlReportWriter().write(ReportFixtures.lint(), target).get(0));

        Element svg = (Element) XPATH.evaluate("//section[@id='goal-inspect']//*[local-name()='svg']", page, XPathConstants.NODE);
        assertEquals("layer-chart", svg.getAttribute("id"));
        // three non-empty layers on a 0..250 MB axis over 806 px from x=130: each starts where the previous ends
        assertEquals(List.of("130.0/241.2", "371.2/386.9", "758.0/118.0"), rects(svg, "layer"));
        assertEquals(List.of("698.4/59.6"), rects(svg, "wasted"));
        Element budget = (Element) XPATH.evaluate(".//*[local-name()='line'][@class='budget']", svg, XPathConstants.NODE);
        assertEquals("774.8", budget.getAttribute("x1"));
        assertEquals(List.of("0 B", "50.0 MB", "100.0 MB", "150.0 MB", "200.0 MB", "250.0 MB", "budget 200.0 MB"),
                values(svg, ".//*[local-name()='text'][not(starts-with(., '#'))][not(contains(., ' MB')) or contains(., '.0 MB')]"
                        + "[not(. = '74.8 MB' or . = '120.0 MB' or . = '36.6 MB')]"));
        assertEquals("layer 2: 120.0 MB, 18.5 MB wasted (Dockerfile:4)\nRUN /bin/sh -c apt-get update && apt-get install -y build-essential",
                XPATH.evaluate(".//*[local-name()='g'][2]/*[local-name()='title']", svg));
        assertEquals(List.of("usr/lib/x86_64-linux-gnu/libLLVM-15.so.198.0 MB", "app/app.jar36.0 MB", "var/cache/apt/pkgcache.bin28.0 MB"),
                values(page, "//section[@id='goal-inspect']//table[thead/tr/th[1]='Largest files in the image']/tbody/tr"));
    }

    @Test
    void factsCountInTheSingularForOneAndThePluralOtherwise() {
        String singles = new HtmlReportWriter().render(ReportFixtures.singles(), project);
        assertEquals(List.of("1 layer", "1 file sent"), facts(singles, "1"));
        String fixtures = new HtmlReportWriter().render(List.of(ReportFixtures.inspect(), ReportFixtures.dockerignore()), project);
        assertEquals(List.of("4 layers"), facts(fixtures, "4"));
        assertEquals(List.of("1,234 files sent"), facts(fixtures, "1,234"));
    }

    /** The facts whose figure is {@code figure}, as "figure caption". */
    private static List<String> facts(String page, String figure) {
        return java.util.regex.Pattern.compile("<div class=\"fact\"><b>" + java.util.regex.Pattern.quote(figure) + "</b><span>([^<]*)</span>")
                .matcher(page).results().map(m -> figure + " " + m.group(1)).toList();
    }

    @Test
    void isTheSameOnEveryRun() throws Exception {
        Path first = new HtmlReportWriter().write(ReportFixtures.lint(), target).get(0);
        String once = Files.readString(first);

        assertEquals(once, Files.readString(new HtmlReportWriter().write(ReportFixtures.inspect(), target).get(0)));
    }

    @Test
    void excerptsStayInsideTheBaseDirectory() {
        Finding outside = new Finding("X", Severity.INFO, "../etc/passwd", 1, 1, 1, "m", Optional.empty());

        assertEquals(List.of(), HtmlReportWriter.excerpt(project, outside));
    }

    @Test
    void aBrokenGoalReportIsNamed() throws Exception {
        Files.writeString(target.outputDirectory().resolve("lint.json"), "{\"goal\": 3}");

        MalformedReportException e = assertThrows(MalformedReportException.class,
                () -> new HtmlReportWriter().write(ReportFixtures.lint(), target));
        assertEquals("lint.json: goal not a string", e.getMessage());
    }

    private static List<String> rects(Element svg, String kind) throws Exception {
        NodeList nodes = (NodeList) XPATH.evaluate(".//*[local-name()='rect'][@class='" + kind + "']", svg, XPathConstants.NODESET);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element rect = (Element) nodes.item(i);
            out.add(rect.getAttribute("x") + "/" + rect.getAttribute("width"));
        }
        return out;
    }

    private static List<String> values(Object context, String expression) throws Exception {
        NodeList nodes = (NodeList) XPATH.evaluate(expression, context, XPathConstants.NODESET);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent());
        }
        return out;
    }
}
