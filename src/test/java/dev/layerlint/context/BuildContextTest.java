package dev.layerlint.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildContextTest {

    @TempDir
    Path dir;

    private Path file(String path, int bytes) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        return Files.write(file, new byte[bytes]);
    }

    private Path text(String path, String content) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    private ContextScan scan(Builder builder) throws IOException, IgnoreFileException {
        return BuildContext.analyse(dir.resolve("Dockerfile"), dir, new ScanOptions(builder, 3));
    }

    @Test
    void countsExactlyTheRegularFilesSent() throws Exception {
        text("Dockerfile", "FROM scratch\n");                      // 13 bytes
        text(".dockerignore", "target\n*.log\n!keep.log\n");       // 23 bytes
        file("src/Main.java", 100);
        file("src/deep/Util.java", 50);
        file("app.log", 7);
        file("keep.log", 9);
        file("target/app.jar", 1000);
        file("target/classes/Main.class", 300);
        Files.createDirectories(dir.resolve("empty"));

        ContextScan scan = scan(Builder.BUILDKIT);

        assertEquals(List.of(".dockerignore", "Dockerfile", "keep.log", "src/Main.java", "src/deep/Util.java"),
                scan.sentFiles());
        assertEquals(5, scan.files());
        assertEquals(13 + 23 + 9 + 100 + 50, scan.bytes());
        assertEquals(3, scan.excludedFiles());
        assertEquals(7 + 1000 + 300, scan.excludedBytes());
        assertEquals(List.of("app.log", "target"), scan.excludedPaths());
        assertEquals(List.of(new FileSize("src/Main.java", 100), new FileSize("src/deep/Util.java", 50),
                new FileSize(".dockerignore", 23)), scan.largest());
        assertEquals(Optional.of(dir.resolve(".dockerignore")), scan.ignoreFile());
        assertEquals(dir.resolve("Dockerfile"), scan.dockerfile());
        assertEquals(dir, scan.directory());
        assertEquals(List.of(), scan.symlinks());
        assertEquals(List.of(), scan.warnings());
        assertTrue(scan.isExcluded("target/app.jar"));
        assertFalse(scan.isExcluded("keep.log"));
    }

    @Test
    void withoutIgnoreFileEverythingIsSent() throws Exception {
        text("Dockerfile", "FROM scratch\n");
        file(".git/objects/ab/cdef", 40);
        ContextScan scan = scan(Builder.CLASSIC);
        assertEquals(Optional.empty(), scan.ignoreFile());
        assertEquals(List.of(".git/objects/ab/cdef", "Dockerfile"), scan.sentFiles());
        assertEquals(53, scan.bytes());
        assertEquals(0, scan.excludedFiles());
        assertEquals(List.of(), scan.excludedPaths());
    }

    @Test
    void skippedDirectoriesAreStillCountedAsExcluded() throws Exception {
        text("Dockerfile", "FROM scratch\n");
        text(".dockerignore", "node_modules\nDockerfile\n.dockerignore\n");
        file("node_modules/a/index.js", 10);
        file("node_modules/a/lib/x.js", 20);
        file("node_modules/b/index.js", 30);
        file("index.js", 5);

        ContextScan scan = scan(Builder.BUILDKIT);

        assertEquals(List.of("index.js"), scan.sentFiles());
        assertEquals(5, scan.bytes());
        assertEquals(5, scan.excludedFiles());
        assertEquals(10 + 20 + 30 + 13 + 38, scan.excludedBytes());
        assertEquals(List.of(".dockerignore", "Dockerfile", "node_modules"), scan.excludedPaths());
    }

    @Test
    void buildkitDescendsForAWildcardExceptionTheClassicBuilderDoesNot() throws Exception {
        text("Dockerfile", "FROM scratch\n");
        text(".dockerignore", "node_modules\n!**/keep.txt\n");
        file("node_modules/x/keep.txt", 4);
        file("node_modules/x/drop.txt", 6);

        ContextScan buildkit = scan(Builder.BUILDKIT);
        assertEquals(List.of(".dockerignore", "Dockerfile", "node_modules/x/keep.txt"), buildkit.sentFiles());
        assertEquals(1, buildkit.excludedFiles());
        assertEquals(6, buildkit.excludedBytes());
        assertEquals(List.of("node_modules"), buildkit.excludedPaths());

        ContextScan classic = scan(Builder.CLASSIC);
        assertEquals(List.of(".dockerignore", "Dockerfile"), classic.sentFiles());
        assertEquals(2, classic.excludedFiles());
        assertEquals(10, classic.excludedBytes());
    }

    @Test
    void buildkitReadsTheDockerfileSpecificIgnoreFile() throws Exception {
        Path dockerfile = text("app.Dockerfile", "FROM scratch\n");
        text("app.Dockerfile.dockerignore", "secret.txt\n");
        text(".dockerignore", "other.txt\n");
        file("secret.txt", 1);
        file("other.txt", 2);

        ContextScan buildkit = BuildContext.analyse(dockerfile, dir, ScanOptions.DEFAULTS);
        assertEquals(Optional.of(dir.resolve("app.Dockerfile.dockerignore")), buildkit.ignoreFile());
        assertEquals(List.of(".dockerignore", "app.Dockerfile", "app.Dockerfile.dockerignore", "other.txt"),
                buildkit.sentFiles());

        ContextScan classic = BuildContext.analyse(dockerfile, dir, new ScanOptions(Builder.CLASSIC, 10));
        assertEquals(Optional.of(dir.resolve(".dockerignore")), classic.ignoreFile());
        assertEquals(List.of(".dockerignore", "app.Dockerfile", "app.Dockerfile.dockerignore", "secret.txt"),
                classic.sentFiles());
    }

    @Test
    void largestIsOrderedBySizeThenPathAndLimited() throws Exception {
        file("Dockerfile", 1);
        file("b", 50);
        file("a", 50);
        file("c/d", 70);
        file("e", 49);
        assertEquals(List.of(new FileSize("c/d", 70), new FileSize("a", 50), new FileSize("b", 50)),
                scan(Builder.BUILDKIT).largest());
        assertEquals(List.of(),
                BuildContext.analyse(dir.resolve("Dockerfile"), dir, new ScanOptions(Builder.BUILDKIT, 0)).largest());
        assertEquals(5, BuildContext.analyse(dir.resolve("Dockerfile"), dir, ScanOptions.DEFAULTS).largest().size());
    }

    @Test
    void symlinksAreReportedAndNeverFollowed(@TempDir Path outside) throws Exception {
        file("Dockerfile", 1);
        Files.write(outside.resolve("huge.bin"), new byte[5000]);
        Files.createSymbolicLink(dir.resolve("out"), outside);
        Files.createSymbolicLink(dir.resolve("abs"), outside.resolve("huge.bin"));
        file("lib/real.txt", 3);
        Files.createSymbolicLink(dir.resolve("lib/up"), Path.of("../../escape"));
        Files.createSymbolicLink(dir.resolve("lib/same"), Path.of("real.txt"));
        Files.createSymbolicLink(dir.resolve("lib/loop"), Path.of("loop"));
        text(".dockerignore", "ignored-link\n");
        Files.createSymbolicLink(dir.resolve("ignored-link"), outside);

        ContextScan scan = scan(Builder.BUILDKIT);

        assertEquals(List.of(".dockerignore", "Dockerfile", "lib/real.txt"), scan.sentFiles());
        assertEquals(1 + 13 + 3, scan.bytes());
        assertEquals(List.of(
                new ContextLink("abs", outside.resolve("huge.bin").toString(), true),
                new ContextLink("lib/loop", "loop", false),
                new ContextLink("lib/same", "real.txt", false),
                new ContextLink("lib/up", "../../escape", true),
                new ContextLink("out", outside.toString(), true)), scan.symlinks());
        assertEquals(List.of("ignored-link"), scan.excludedPaths());
        assertEquals(0, scan.excludedFiles());
        assertEquals(List.of(), scan.warnings());
    }

    @Test
    void aSymlinkedContextDirectoryIsResolved(@TempDir Path links) throws Exception {
        file("Dockerfile", 2);
        file("a/b", 3);
        Path link = Files.createSymbolicLink(links.resolve("ctx"), dir);
        ContextScan scan = BuildContext.analyse(link.resolve("Dockerfile"), link, ScanOptions.DEFAULTS);
        assertEquals(List.of("Dockerfile", "a/b"), scan.sentFiles());
        assertEquals(link, scan.directory());
    }

    @Test
    void theClassicBuilderDropsADockerfileInASubdirectoryThatParentMatchingExcludes() throws Exception {
        Path dockerfile = text("sub/Dockerfile", "FROM scratch\n");
        text(".dockerignore", "sub\n!sub/Dockerfile\nsub\n");
        file("sub/other", 1);
        assertEquals(List.of(".dockerignore", "sub/Dockerfile"),
                BuildContext.analyse(dockerfile, dir, ScanOptions.DEFAULTS).sentFiles());
        assertEquals(List.of(".dockerignore"),
                BuildContext.analyse(dockerfile, dir, new ScanOptions(Builder.CLASSIC, 10)).sentFiles());
    }

    @Test
    void anInvalidPatternFailsTheAnalysisNamingFileAndLine() throws Exception {
        file("Dockerfile", 1);
        Path ignore = text(".dockerignore", "# ok\n[\n");
        IgnoreFileException error = assertThrows(IgnoreFileException.class, () -> scan(Builder.BUILDKIT));
        assertEquals(ignore.toString(), error.file());
        assertEquals(2, error.line());
    }

    @Test
    void aMissingContextIsAnIoError() throws Exception {
        assertThrows(NoSuchFileException.class,
                () -> BuildContext.analyse(dir.resolve("Dockerfile"), dir.resolve("nope"), ScanOptions.DEFAULTS));
        Path notADirectory = file("plain", 1);
        assertThrows(NotDirectoryException.class,
                () -> BuildContext.analyse(dir.resolve("Dockerfile"), notADirectory, ScanOptions.DEFAULTS));
    }

    @Test
    void aDescendedExcludedDirectoryIsOneExcludedPathAndItsReIncludedFilesAreSent() throws Exception {
        file("Dockerfile", 1);
        text(".dockerignore", "docs\n!docs/api/**\n");
        file("docs/api/v1/spec.yaml", 11);
        file("docs/guide/a.html", 22);
        file("docs/guide/b.html", 33);
        ContextScan scan = scan(Builder.BUILDKIT);
        assertEquals(List.of(".dockerignore", "Dockerfile", "docs/api/v1/spec.yaml"), scan.sentFiles());
        assertEquals(List.of("docs"), scan.excludedPaths());
        assertEquals(2, scan.excludedFiles());
        assertEquals(55, scan.excludedBytes());
        assertTrue(scan.isExcluded("docs"));
        assertTrue(scan.isExcluded("docs/guide/a.html"));
        assertFalse(scan.isExcluded("docs/api/v1/spec.yaml"));
    }

    @Test
    void scanOptionsRejectANegativeLimit() {
        assertThrows(IllegalArgumentException.class, () -> new ScanOptions(Builder.BUILDKIT, -1));
        assertEquals(new ScanOptions(Builder.BUILDKIT, 10), ScanOptions.DEFAULTS);
    }
}
