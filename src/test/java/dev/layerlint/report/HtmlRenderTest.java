package dev.layerlint.report;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Renders {@code index.html} in headless Chromium (Debian package {@code chromium}) and looks for the layer
 * chart in the pixels: a layer bar running straight into its red wasted part, and the budget as a long
 * vertical line. Skips when Chromium is not installed, unless {@code layerlint.requireEngine} is true.
 */
class HtmlRenderTest {

    private static final int WIDTH = 1200;
    private static final int HEIGHT = 1600;

    @TempDir
    Path project;

    @Test
    void theLayerChartIsDrawn() throws Exception {
        Path chromium = chromium();
        ReportFixtures.project(project);
        ReportTarget target = ReportFixtures.target(project, Optional.empty());
        new JsonReportWriter().write(ContractSections.withSections(ReportFixtures.inspect()), target.outputDirectory());
        Path page = new HtmlReportWriter().write(ReportFixtures.inspect(), target).get(0);

        BufferedImage screenshot = render(chromium, page);

        assertEquals(WIDTH, screenshot.getWidth());
        int bar = rgb(HtmlReportWriter.BAR_COLOR);
        int wasted = rgb(HtmlReportWriter.WASTED_COLOR);
        int budget = rgb(HtmlReportWriter.BUDGET_COLOR);
        assertTrue(rowWithBarIntoWaste(screenshot, bar, wasted, 100, 20),
                "no row shows a layer bar of at least 100 px running into at least 20 px of waste");
        assertTrue(longestVerticalRun(screenshot, budget) >= 60,
                "no vertical budget line of at least 60 px; longest: " + longestVerticalRun(screenshot, budget));
    }

    private BufferedImage render(Path chromium, Path page) throws IOException, InterruptedException {
        Path png = project.resolve("page.png");
        Path profile = Files.createDirectories(project.resolve("chromium-profile"));
        Process process = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--hide-scrollbars", "--user-data-dir=" + profile, "--screenshot=" + png,
                "--window-size=" + WIDTH + "," + HEIGHT, page.toUri().toString())
                .redirectErrorStream(true)
                .redirectOutput(project.resolve("chromium.log").toFile())
                .start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("chromium did not finish within 120 s; log: " + Files.readString(project.resolve("chromium.log")));
        }
        assertTrue(Files.isRegularFile(png), "chromium wrote no screenshot (exit " + process.exitValue() + "); log: "
                + Files.readString(project.resolve("chromium.log")));
        return ImageIO.read(png.toFile());
    }

    private static Path chromium() {
        Optional<Path> found = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .flatMap(dir -> List.of("chromium", "chromium-browser").stream().map(name -> Path.of(dir, name)))
                .filter(Files::isExecutable)
                .findFirst();
        if (found.isEmpty()) {
            String reason = "headless Chromium is not installed (Debian: apt-get install chromium); the HTML page is not rendered";
            if (Boolean.getBoolean("layerlint.requireEngine")) {
                fail(reason);
            }
            Assumptions.abort(reason);
        }
        return found.get();
    }

    private static boolean rowWithBarIntoWaste(BufferedImage image, int bar, int wasted, int minBar, int minWaste) {
        for (int y = 0; y < image.getHeight(); y++) {
            int barRun = 0;
            for (int x = 0; x < image.getWidth(); x++) {
                if (near(image.getRGB(x, y), bar)) {
                    barRun++;
                    continue;
                }
                if (barRun >= minBar) {
                    // the boundary falls between pixels: allow one blended pixel
                    int start = near(image.getRGB(x, y), wasted) ? x : x + 1;
                    int wasteRun = 0;
                    while (start + wasteRun < image.getWidth() && near(image.getRGB(start + wasteRun, y), wasted)) {
                        wasteRun++;
                    }
                    if (wasteRun >= minWaste) {
                        return true;
                    }
                }
                barRun = 0;
            }
        }
        return false;
    }

    private static int longestVerticalRun(BufferedImage image, int color) {
        int longest = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            int run = 0;
            for (int y = 0; y < image.getHeight(); y++) {
                run = near(image.getRGB(x, y), color) ? run + 1 : 0;
                longest = Math.max(longest, run);
            }
        }
        return longest;
    }

    /** Within a few steps per channel: solid fills render exactly, edges blend. */
    private static boolean near(int argb, int rgb) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs(((argb >> shift) & 0xFF) - ((rgb >> shift) & 0xFF)) > 6) {
                return false;
            }
        }
        return true;
    }

    private static int rgb(String hex) {
        return Integer.parseInt(hex.substring(1), 16);
    }
}
