package dev.layerlint.rules.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.layerlint.budget.Budget;
import dev.layerlint.budget.BudgetEvaluator;
import dev.layerlint.dockerfile.Dockerfile;
import dev.layerlint.image.Image;
import dev.layerlint.image.LayerMap;
import dev.layerlint.report.Finding;
import dev.layerlint.rules.ImageChecker;
import dev.layerlint.rules.ImageInspection;
import dev.layerlint.rules.RuleOptions;
import dev.layerlint.rules.RuleSettings;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ImageRulesTest {

    private static final String SERVICE = """
            FROM layerlint/busybox:test
            RUN apk add --update python3
            COPY . /app
            RUN rm -rf /app/.git /app/.env
            USER 1000
            EXPOSE 8080
            HEALTHCHECK CMD curl -f http://localhost:8080/ || exit 1
            CMD [`python3`, `/app/main.py`]
            """;

    private static Image service() {
        return new TestImages()
                .file("/var/cache/apk/APKINDEX.tar.gz", 50_000, 0644).file("/usr/bin/python3", 100, 0755)
                .layer("RUN /bin/sh -c apk add --update python3 # buildkit")
                .directory("/app").directory("/app/.git").file("/app/.git/HEAD", 41, 0644)
                .file("/app/.git/objects/ab/cd", 500, 0444).file("/app/.env", 30, 0600).file("/app/main.py", 10, 0644)
                .layer("COPY . /app # buildkit")
                .whiteout("/app/.git").whiteout("/app/.env")
                .layer("RUN /bin/sh -c rm -rf /app/.git /app/.env # buildkit")
                .config("USER 1000").config("EXPOSE map[8080/tcp:{}]").config("HEALTHCHECK &{...}").config("CMD [...]")
                .user("1000").expose("8080/tcp").healthcheck("CMD-SHELL", "curl -f http://localhost:8080/ || exit 1")
                .cmd("python3", "/app/main.py")
                .image();
    }

    @Test
    void findingsAboutLayersPointAtTheDockerfileLineThatMadeThem() {
        assertEquals(List.of(
                        "CacheInLayer@Dockerfile:2:warning layer 1 (Dockerfile:2) stores 50,000 bytes of apk cache (1 file);"
                                + " avoid them with `apk add --no-cache`",
                        "SecretInLayer@Dockerfile:3:error layer 2 (Dockerfile:3) stores /app/.git/ (3 entries), /app/.env;"
                                + " a later layer deletes them, but they stay extractable from this one; keep them out of the"
                                + " build context (.dockerignore) and use RUN --mount=type=secret for build secrets",
                        "MissingExecutable@Dockerfile:7:error the HEALTHCHECK runs `curl`, which is not an executable file on"
                                + " the image's PATH (/usr/local/bin:/usr/bin:/bin); install it in the final stage or call a"
                                + " program the image has"),
                check(service(), SERVICE));
    }

    private static final String BUILD_IMAGE = """
            FROM layerlint/busybox:test
            RUN apk add build-base
            EXPOSE 8080
            CMD [`sh`]
            """;

    @Test
    void configurationFindingsPointAtTheInstructionThatSetItElseAtFrom() {
        Image image = new TestImages()
                .file("/usr/bin/gcc", 900, 0755).file("/usr/libexec/gcc/x86_64-alpine-linux-musl/13.2.1/cc1", 30_000, 0755)
                .file("/usr/bin/make", 200, 0755).file("/usr/share/doc/make.txt", 10, 0644)
                .layer("RUN /bin/sh -c apk add build-base # buildkit")
                .config("EXPOSE map[8080/tcp:{}]").config("CMD [`sh`]")
                .expose("8080/tcp").cmd("sh").reference("app:latest", "app:latest")
                .image();
        assertEquals(List.of(
                        "ImageNotVersioned@Dockerfile:1:warning the image has only the tag `latest` and no"
                                + " org.opencontainers.image.version or org.opencontainers.image.revision label; tag it with"
                                + " the version or commit, or set the labels",
                        "ImageRunsAsRoot@Dockerfile:1:warning the image runs as root (no User is set); switch to an"
                                + " unprivileged user with USER in the final stage",
                        "ToolchainInImage@Dockerfile:2:warning layer 1 (Dockerfile:2) puts a build toolchain into the final"
                                + " image (/usr/bin/gcc, /usr/bin/make, /usr/libexec/gcc/x86_64-alpine-linux-musl/13.2.1/cc1);"
                                + " build in an earlier stage and copy only the result into a runtime image",
                        "ImageWithoutHealthcheck@Dockerfile:3:info the image exposes 8080/tcp but has no health check; add a"
                                + " HEALTHCHECK whose program exists in the image"),
                check(image, BUILD_IMAGE));
    }

    @Test
    void rootUsers() {
        for (String user : List.of("", "root", "0", "0:0", "root:root")) {
            assertEquals(List.of("ImageRunsAsRoot"), ids(new TestImages().user(user).cmd("sh").image(), "ImageRunsAsRoot"), user);
        }
        for (String user : List.of("1000", "app", "1000:0", "nobody:nogroup")) {
            assertEquals(List.of(), ids(new TestImages().user(user).cmd("sh").image(), "ImageRunsAsRoot"), user);
        }
    }

    @Test
    void healthChecks() {
        assertEquals(List.of("ImageWithoutHealthcheck"),
                ids(new TestImages().user("1").expose("80/tcp").healthcheck("NONE").cmd("sh").image(), "ImageWithoutHealthcheck"));
        assertEquals(List.of(), ids(new TestImages().user("1").expose("80/tcp").healthcheck("CMD", "/bin/wget", "-q", "localhost")
                .cmd("sh").image(), "ImageWithoutHealthcheck", "MissingExecutable"));
        assertEquals(List.of(), ids(new TestImages().user("1").healthcheck("CMD-SHELL", "wget -q localhost || exit 1")
                .cmd("sh").image(), "MissingExecutable"));
        assertEquals(List.of(), ids(new TestImages().user("1").healthcheck("CMD-SHELL", "[ -f /tmp/ready ]")
                .cmd("sh").image(), "MissingExecutable"));
    }

    @Test
    void aHardLinkToAnExecutableIsThatExecutableAfterItsFirstNameIsDeleted() {
        TestImages pair = new TestImages().file("/hl/a.sh", 40_000, 0755).hardlink("/hl/b.sh", "/hl/a.sh")
                .layer("RUN /bin/sh -c ln /hl/a.sh /hl/b.sh # buildkit")
                .whiteout("/hl/a.sh").layer("RUN /bin/sh -c rm /hl/a.sh # buildkit");
        assertEquals(List.of(), ids(pair.healthcheck("CMD", "/hl/b.sh").cmd("sh").image(), "MissingExecutable"));
        assertEquals(List.of("MissingExecutable@app:1:0 the HEALTHCHECK runs `/hl/a.sh`, which is not an executable file;"
                        + " install it in the final stage or call a program the image has"),
                describe(pair.healthcheck("CMD", "/hl/a.sh").reference("app:1").image(), Optional.empty(), "MissingExecutable"));
        Image notExecutable = new TestImages().file("/etc/motd", 10, 0644).hardlink("/usr/bin/motd", "/etc/motd")
                .layer("RUN /bin/sh -c true # buildkit").entrypoint("motd").image();
        assertEquals(List.of("MissingExecutable"), ids(notExecutable, "MissingExecutable"));
    }

    @Test
    void entrypointWinsOverCmd() {
        assertEquals(List.of("MissingExecutable@app:1:0 the ENTRYPOINT runs `/docker-entrypoint.sh`, which is not an"
                        + " executable file; install it in the final stage or call a program the image has"),
                describe(new TestImages().entrypoint("/docker-entrypoint.sh").cmd("sh").reference("app:1").image(), Optional.empty(),
                        "MissingExecutable"));
        assertEquals(List.of(), ids(new TestImages().entrypoint("sh", "-c").cmd("nosuchprogram").image(), "MissingExecutable"));
        assertEquals(List.of("MissingExecutable"), ids(new TestImages().cmd("java", "-jar", "app.jar").image(), "MissingExecutable"));
    }

    @Test
    void versions() {
        assertEquals(List.of(), ids(new TestImages().reference("sha256:" + "a".repeat(64), "app:1.2.3").image(), "ImageNotVersioned"));
        assertEquals(List.of(), ids(new TestImages().reference("app").label("org.opencontainers.image.revision", "3f2a9c1").image(),
                "ImageNotVersioned"));
        assertEquals(List.of("ImageNotVersioned"), ids(new TestImages().reference("registry:5000/app").image(), "ImageNotVersioned"));
        assertEquals(List.of("ImageNotVersioned"), ids(new TestImages().reference("docker-archive:/tmp/app.tar").image(),
                "ImageNotVersioned"));
        assertEquals(List.of(), ids(new TestImages().reference("containers-storage:localhost/app:1.2.3").image(),
                "ImageNotVersioned"));
        assertEquals(List.of("ImageNotVersioned"), ids(new TestImages().reference("containers-storage:localhost/app").image(),
                "ImageNotVersioned"));
    }

    @Test
    void cachesAndSecretsOfTheBaseImageAreNotJudged() {
        Image image = new TestImages().file("/tmp/x", 5, 0644).file("/root/.ssh/id_rsa", 1679, 0600)
                .layer("RUN /bin/sh -c true # buildkit").image();
        assertEquals(List.of("CacheInLayer", "SecretInLayer"), ids(image, "CacheInLayer", "SecretInLayer"));
        LayerMap allBase = LayerMap.align(image, Optional.empty(), OptionalInt.of(2));
        assertEquals(List.of(), new ImageChecker(settings("CacheInLayer", "SecretInLayer"))
                .check(new ImageInspection(image, allBase, Optional.empty(), Optional.empty())));
    }

    @Test
    void countsInLayerFindingsAreInTheSingularForOne() {
        Image image = new TestImages()
                .file("/tmp/a", 1, 0644).file("/app/.git/HEAD", 41, 0644)
                .layer("RUN /bin/sh -c true # buildkit")
                .file("/tmp/b", 2, 0644).file("/tmp/c", 3, 0644).file("/app/.env", 30, 0600)
                .layer("RUN /bin/sh -c true # buildkit")
                .whiteout("/app/.env")
                .layer("RUN /bin/sh -c true # buildkit")
                .image();
        String at = "@registry.example.com/app:1.0.0:0 layer ";
        String cacheFix = "; avoid them with `rm` in the same RUN that writes them";
        String secretFix = " out of the build context (.dockerignore) and use RUN --mount=type=secret for build secrets";
        assertEquals(List.of(
                        "CacheInLayer" + at + "1 stores 1 byte of temporary files (1 file)" + cacheFix,
                        "CacheInLayer" + at + "2 stores 5 bytes of temporary files (2 files)" + cacheFix,
                        "SecretInLayer" + at + "1 stores /app/.git/ (1 entry); keep it" + secretFix,
                        "SecretInLayer" + at + "2 stores /app/.env; a later layer deletes it, but it stays extractable from this one; keep it"
                                + secretFix),
                describe(image, Optional.empty(), "CacheInLayer", "SecretInLayer"));
    }

    @Test
    void budgetsAreFindingsSoFailOnGovernsThem() throws Exception {
        Image image = service();
        Budget budget = Budget.builder().maxImageSize("1MB").maxLayers("10").build();
        ImageInspection inspection = new ImageInspection(image, TestImages.map(image, TestImages.dockerfile(SERVICE)),
                Optional.of(TestImages.dockerfile(SERVICE)), Optional.of(BudgetEvaluator.evaluate(image, budget, 1, Optional.empty())));
        List<Finding> findings = new ImageChecker(settings("BudgetExceeded")).check(inspection);
        assertEquals(List.of("BudgetExceeded@Dockerfile:0:error budget maxImageSize exceeded: limit 1MB, actual 1.05MB (image size)"),
                findings.stream().map(ImageRulesTest::describe).toList());
        assertEquals(1_000_000 + 7 + 7 + 50_000 + 100 + 41 + 500 + 30 + 10, image.size());
    }

    @Test
    void settingsChangeSeverityAndSuppressionsApply() {
        String suppressed = SERVICE.replace("HEALTHCHECK", "# layerlint ignore=MissingExecutable\nHEALTHCHECK");
        Dockerfile dockerfile = TestImages.dockerfile(suppressed);
        Image image = service();
        RuleSettings settings = RuleSettings.parse(Map.of("CacheInLayer", "error", "SecretInLayer", "off"), RuleOptions.DEFAULTS);
        assertEquals(List.of("CacheInLayer@Dockerfile:2:error layer 1 (Dockerfile:2) stores 50,000 bytes of apk cache (1 file);"
                        + " avoid them with `apk add --no-cache`"),
                new ImageChecker(settings).check(new ImageInspection(image, TestImages.map(image, dockerfile), Optional.of(dockerfile),
                        Optional.empty())).stream().map(ImageRulesTest::describe).toList());
    }

    private static List<String> check(Image image, String dockerfileText) {
        Dockerfile dockerfile = TestImages.dockerfile(dockerfileText);
        ImageInspection inspection = new ImageInspection(image, TestImages.map(image, dockerfile), Optional.of(dockerfile), Optional.empty());
        return new ImageChecker(RuleSettings.DEFAULTS).check(inspection).stream().map(ImageRulesTest::describe).toList();
    }

    private static List<String> describe(Image image, Optional<Dockerfile> dockerfile, String... rules) {
        LayerMap map = LayerMap.align(image, dockerfile, OptionalInt.empty());
        return new ImageChecker(settings(rules)).check(new ImageInspection(image, map, dockerfile, Optional.empty())).stream()
                .map(f -> f.ruleId() + "@" + f.file() + ":" + f.line() + " " + f.message()).toList();
    }

    private static List<String> ids(Image image, String... rules) {
        LayerMap map = LayerMap.align(image, Optional.empty(), OptionalInt.empty());
        return new ImageChecker(settings(rules)).check(new ImageInspection(image, map, Optional.empty(), Optional.empty())).stream()
                .map(Finding::ruleId).toList();
    }

    /** Only the named rules enabled. */
    private static RuleSettings settings(String... rules) {
        Set<String> others = new java.util.HashSet<>();
        dev.layerlint.rules.RuleCatalog.all().forEach(rule -> others.add(rule.id()));
        others.removeAll(Set.of(rules));
        return new RuleSettings(others, Map.of(), RuleOptions.DEFAULTS);
    }

    private static String describe(Finding f) {
        return f.ruleId() + "@" + f.file() + ":" + f.line() + ":" + f.severity().id() + " " + f.message();
    }
}
