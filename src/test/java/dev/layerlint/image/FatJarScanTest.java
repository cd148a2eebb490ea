package dev.layerlint.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.layerlint.dockerfile.Dockerfile;
import dev.layerlint.dockerfile.DockerfileParser;
import dev.layerlint.dockerfile.ParseResult;
import dev.layerlint.report.ByteSizes;
import dev.layerlint.rules.ImageChecker;
import dev.layerlint.rules.ImageInspection;
import dev.layerlint.rules.Rule;
import dev.layerlint.rules.RuleCatalog;
import dev.layerlint.rules.RuleOptions;
import dev.layerlint.rules.RuleSettings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Large jars are looked into as their layers stream, and FatJarInLayer reports those that carry their dependencies. */
class FatJarScanTest {

    private static final long THRESHOLD = 100_000;
    private static final String DOCKERFILE = """
            FROM layerlint/busybox:test
            COPY target/app.jar /app/app.jar
            COPY extra/ /app/
            CMD ["sh"]
            """;
    private static final String EXTRACT = " in a builder stage and COPY dependencies/, spring-boot-loader/, snapshot-dependencies/"
            + " and application/ in that order";

    private static final String OWN_LAYER = "copy the dependencies as a layer of their own before the application (Quarkus'"
            + " fast-jar: target/quarkus-app/lib/ first, the app last; Maven: a thin jar and dependency:copy-dependencies), or build"
            + " the image with Jib";

    private static final byte[] BOOT = TestJars.springBoot("3.2.4", 10, 20_000);
    private static final byte[] PLAIN = TestJars.plain(100, 2_000);
    private static final byte[] SMALL_BOOT = TestJars.springBoot("3.3.0", 2, 10_000);
    private static final byte[] NESTED = TestJars.withNestedJars(10, 11_000);
    /** The application and four dependencies: five pom.properties, the last one after all their classes. */
    private static final byte[] SHADED = TestJars.shaded(4, 30, 1_000);

    @TempDir
    Path dir;

    private static TestImage image() {
        return new TestImage()
                .layer("/bin/sh -c #(nop) ADD file:base in / ", new LayerTar().dir("bin").file("bin/busybox", 1000, 0100755))
                .layer("COPY target/app.jar /app/app.jar # buildkit", new LayerTar().dir("app").file("app/app.jar", BOOT))
                .layer("COPY extra/ /app/ # buildkit", new LayerTar().dir("app")
                        .file("app/plain.jar", PLAIN)
                        .file("app/small-boot.jar", SMALL_BOOT)
                        .file("app/tools.jar", NESTED)
                        .file("app/broken.jar", 150_000)
                        .file("app/shaded.jar", SHADED)
                        .file("app/after.txt", 10));
    }

    @ParameterizedTest
    @ValueSource(strings = {"docker-archive file", "docker save stream", "oci directory"})
    void aSpringBootJarAndAJarOfNestedJarsAreReportedAtTheirCopyLines(String layout) throws Exception {
        Image image = read(image(), layout, THRESHOLD);
        assertEquals(List.of(
                        List.of(),
                        List.of(new JarLayout("/app/app.jar", BOOT.length, JarLayout.Kind.SPRING_BOOT, 1, 0, Optional.of("3.2.4"))),
                        List.of(new JarLayout("/app/plain.jar", PLAIN.length, JarLayout.Kind.PLAIN, 0, 0, Optional.empty()),
                                new JarLayout("/app/tools.jar", NESTED.length, JarLayout.Kind.NESTED_JARS, 10, 0, Optional.empty()),
                                new JarLayout("/app/broken.jar", 150_000, JarLayout.Kind.UNDECIDED, 0, 0, Optional.empty()),
                                new JarLayout("/app/shaded.jar", SHADED.length, JarLayout.Kind.MERGED, 0, 5, Optional.empty()))),
                image.layers().stream().map(Layer::jars).toList());
        assertEquals("/app/after.txt", image.layers().get(2).entries().get(image.layers().get(2).entries().size() - 1).path(),
                "the layer is read on past the jars");
        assertEquals(List.of(
                        "FatJarInLayer@Dockerfile:2:info layer 1 (Dockerfile:2) holds /app/app.jar, a " + ByteSizes.format(BOOT.length)
                                + " Spring Boot 3.2.4 jar with its dependencies in BOOT-INF/lib/, so each code change re-ships all"
                                + " of them: extract it into layers (java -Djarmode=layertools -jar app.jar extract)" + EXTRACT,
                        "FatJarInLayer@Dockerfile:3:info layer 2 (Dockerfile:3) holds /app/shaded.jar, a " + ByteSizes.format(SHADED.length)
                                + " jar with the classes of at least 5 Maven artifacts merged in, so each code change re-ships all of"
                                + " them: " + OWN_LAYER,
                        "FatJarInLayer@Dockerfile:3:info layer 2 (Dockerfile:3) holds /app/tools.jar, a " + ByteSizes.format(NESTED.length)
                                + " jar with at least 10 nested jars, so each code change re-ships all of them: " + OWN_LAYER),
                check(image, THRESHOLD));
    }

    @Test
    void belowTheThresholdNothingIsLookedInto() throws Exception {
        long above = 1 + Math.max(Math.max(Math.max(BOOT.length, PLAIN.length), Math.max(NESTED.length, 150_000)), SHADED.length);
        Image image = read(image(), "docker-archive file", above);
        assertEquals(List.of(List.of(), List.of(), List.of()), image.layers().stream().map(Layer::jars).toList());
        assertEquals(List.of(), check(image, above));
    }

    @Test
    void theRuleJudgesOnlyJarsAtItsThresholdWhenTheReaderLookedIntoSmallerOnes() throws Exception {
        Image image = read(image(), "docker-archive file", 0);
        assertEquals(List.of("/app/app.jar", "/app/plain.jar", "/app/small-boot.jar", "/app/tools.jar", "/app/broken.jar",
                        "/app/shaded.jar"),
                image.layers().stream().flatMap(layer -> layer.jars().stream()).map(JarLayout::path).toList());
        assertEquals(List.of("/app/app.jar", "/app/shaded.jar", "/app/small-boot.jar", "/app/tools.jar"), reported(check(image, 0)));
        assertEquals(List.of("/app/app.jar", "/app/shaded.jar", "/app/tools.jar"), reported(check(image, THRESHOLD)));
    }

    @Test
    void theDefaultThresholdIsTenMegabytes() throws Exception {
        byte[] large = TestJars.springBoot("", 10, 1_000_000);
        byte[] justBelow = TestJars.springBoot("", 9, 1_100_000);
        TestImage image = new TestImage()
                .layer("/bin/sh -c #(nop) ADD file:base in / ", new LayerTar().dir("bin").file("bin/busybox", 1000, 0100755))
                .layer("COPY target/app.jar /app/app.jar # buildkit", new LayerTar().dir("app").file("app/app.jar", large))
                .layer("COPY extra/ /app/ # buildkit", new LayerTar().dir("app").file("app/other.jar", justBelow));
        Path archive = dir.resolve("image.tar");
        image.writeLegacyDockerSave(archive, false);
        Image read = new ImageReader(DockerCli.onPath()).read(new ImageSource.DockerArchive(archive));
        assertEquals(List.of(List.of(), List.of("/app/app.jar"), List.of()),
                read.layers().stream().map(layer -> layer.jars().stream().map(JarLayout::path).toList()).toList());
        assertEquals(List.of("FatJarInLayer@Dockerfile:2:info layer 1 (Dockerfile:2) holds /app/app.jar, a "
                        + ByteSizes.format(large.length) + " Spring Boot jar with its dependencies in BOOT-INF/lib/, so each code change"
                        + " re-ships all of them: extract it into layers (java -Djarmode=tools -jar app.jar extract --layers --launcher;"
                        + " java -Djarmode=layertools -jar app.jar extract before Spring Boot 3.3)" + EXTRACT),
                check(read, RuleOptions.DEFAULTS.fatJarThreshold()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "3.3.0     | extract it into layers (java -Djarmode=tools -jar app.jar extract --layers --launcher)" + EXTRACT,
            "4.0.1     | extract it into layers (java -Djarmode=tools -jar app.jar extract --layers --launcher)" + EXTRACT,
            "3.2.12    | extract it into layers (java -Djarmode=layertools -jar app.jar extract)" + EXTRACT,
            "2.3.0.RELEASE | extract it into layers (java -Djarmode=layertools -jar app.jar extract)" + EXTRACT,
            "2.2.13.RELEASE | upgrade to Spring Boot 2.3 or later for layered extraction, or unpack it (jar -xf app.jar) in a"
                    + " builder stage and COPY BOOT-INF/lib/ before BOOT-INF/classes/",
            "snapshot  | extract it into layers (java -Djarmode=tools -jar app.jar extract --layers --launcher;"
                    + " java -Djarmode=layertools -jar app.jar extract before Spring Boot 3.3)" + EXTRACT})
    void theAdviceFollowsTheSpringBootVersionInTheManifest(String version, String advice) throws Exception {
        byte[] jar = TestJars.springBoot(version, 1, 1_000);
        TestImage image = new TestImage()
                .layer("/bin/sh -c #(nop) ADD file:base in / ", new LayerTar().dir("bin").file("bin/busybox", 1000, 0100755))
                .layer("COPY target/app.jar /app/app.jar # buildkit", new LayerTar().dir("app").file("app/app.jar", jar))
                .layer("COPY extra/ /app/ # buildkit", new LayerTar().dir("app"));
        List<String> findings = check(read(image, "docker save stream", 0), 0);
        assertEquals(1, findings.size(), findings.toString());
        assertEquals(advice, findings.get(0).substring(findings.get(0).indexOf("of them: ") + "of them: ".length()));
    }

    @Test
    void aJarThatIsNotAReadableZipIsUndecided() throws IOException {
        LayerEntry.File file = new LayerEntry.File("/app/x.jar", LayerEntry.FileType.REGULAR, 0, 0644, Optional.empty());
        assertEquals(JarLayout.Kind.UNDECIDED, probe(file, "not a zip at all".getBytes()).kind());
        assertEquals(JarLayout.Kind.UNDECIDED, probe(file, new byte[0]).kind());
        assertEquals(JarLayout.Kind.UNDECIDED, probe(file, Arrays.copyOf(PLAIN, PLAIN.length / 2)).kind(), "cut short");
        byte[] garbled = PLAIN.clone();
        Arrays.fill(garbled, 200, 5_000, (byte) 0x50);
        assertEquals(JarLayout.Kind.UNDECIDED, probe(file, garbled).kind(), "corrupt in the middle");
        assertEquals(JarLayout.Kind.PLAIN, probe(file, PLAIN).kind());
        // decided before the cut: the nested jars come before it
        assertEquals(JarLayout.Kind.SPRING_BOOT, probe(file, Arrays.copyOf(BOOT, BOOT.length - 30_000)).kind());
    }

    @Test
    void readingStopsAfterBoundedEntries() throws IOException {
        LayerEntry.File file = new LayerEntry.File("/app/x.jar", LayerEntry.FileType.REGULAR, 0, 0644, Optional.empty());
        assertEquals(JarLayout.Kind.UNDECIDED, probe(file, TestJars.plain(JarProbe.MAX_ENTRIES, 1)).kind());
        assertEquals(JarLayout.Kind.PLAIN, probe(file, TestJars.plain(JarProbe.MAX_ENTRIES - 3, 1)).kind());
        assertEquals(new JarLayout("/app/x.jar", 0, JarLayout.Kind.PLAIN, 9, 0, Optional.empty()),
                probe(file, TestJars.withNestedJars(9, 100)));
        assertEquals(new JarLayout("/app/x.jar", 0, JarLayout.Kind.PLAIN, 0, 4, Optional.empty()),
                probe(file, TestJars.shaded(3, 2, 100)));
    }

    @Test
    void aFailingLayerStreamInsideAJarFailsTheScanInsteadOfLeavingTheJarUndecided() {
        LayerEntry.File file = new LayerEntry.File("/app/app.jar", LayerEntry.FileType.REGULAR, 0, 0644, Optional.empty());
        InputStream failing = new SequenceInputStream(new ByteArrayInputStream(Arrays.copyOf(PLAIN, 5_000)), new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("device gone");
            }
        });
        assertEquals("device gone", assertThrows(IOException.class, () -> JarProbe.probe(file, failing)).getMessage());
        byte[] tar = new LayerTar().dir("app").file("app/app.jar", BOOT).file("app/after.txt", 10).tar();
        byte[] cut = Arrays.copyOf(tar, 1024 + BOOT.length / 2);
        assertThrows(IOException.class, () -> LayerScanner.scan(new ByteArrayInputStream(cut), cut.length, 0));
    }

    private static JarLayout probe(LayerEntry.File file, byte[] content) throws IOException {
        return JarProbe.probe(file, new ByteArrayInputStream(content));
    }

    private Image read(TestImage image, String layout, long threshold) throws Exception {
        ImageReader reader = new ImageReader(DockerCli.onPath(), threshold);
        switch (layout) {
            case "docker-archive file" -> {
                Path archive = dir.resolve("image.tar");
                image.writeLegacyDockerSave(archive, false);
                return reader.read(new ImageSource.DockerArchive(archive));
            }
            case "docker save stream" -> {
                Path archive = dir.resolve("image.tar");
                image.writeLegacyDockerSave(archive, true);
                try (var in = Files.newInputStream(archive)) {
                    return ImageAssembler.fromDockerArchive(ArchiveScanner.scan(in, "stream", threshold), "stream");
                }
            }
            default -> {
                Path oci = dir.resolve("oci");
                image.writeOciDirectory(oci);
                return reader.read(new ImageSource.OciLayout(oci));
            }
        }
    }

    private static List<String> check(Image image, long threshold) {
        Dockerfile dockerfile = ((ParseResult.Success) DockerfileParser.parse("Dockerfile", DOCKERFILE)).dockerfile();
        LayerMap map = LayerMap.align(image, Optional.of(dockerfile), OptionalInt.empty());
        assertEquals(List.of(), map.notices());
        Set<String> others = RuleCatalog.all().stream().map(Rule::id).filter(id -> !id.equals("FatJarInLayer")).collect(Collectors.toSet());
        RuleOptions defaults = RuleOptions.DEFAULTS;
        RuleSettings settings = new RuleSettings(others, Map.of(), new RuleOptions(defaults.trustedRegistries(),
                defaults.allowedBaseImages(), defaults.toolchainPackages(), threshold));
        return new ImageChecker(settings).check(new ImageInspection(image, map, Optional.of(dockerfile), Optional.empty())).stream()
                .map(f -> f.ruleId() + "@" + f.file() + ":" + f.line() + ":" + f.severity().id() + " " + f.message()).toList();
    }

    private static List<String> reported(List<String> findings) {
        return findings.stream().map(f -> f.substring(f.indexOf(" holds ") + 7, f.indexOf(", a "))).toList();
    }
}
