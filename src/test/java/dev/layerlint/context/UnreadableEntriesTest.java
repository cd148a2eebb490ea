package dev.layerlint.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unreadable files and directories become warnings. Permissions do not stop root, so when the tests
 * run as root the scan runs in a child JVM as user {@code nobody} (through {@code setpriv}); as any
 * other user it runs in this JVM.
 */
class UnreadableEntriesTest {

    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");
    private static final String NOBODY = "65534";

    @TempDir
    Path dir;

    @Test
    void unreadableEntriesAreWarningsNamingThem() throws Exception {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path context = Files.createDirectory(dir.resolve("ctx"));
        Files.writeString(context.resolve("Dockerfile"), "FROM scratch\n");
        Files.writeString(context.resolve(".dockerignore"), "private\n");
        write(context.resolve("open/readme"), "r");
        write(context.resolve("secret/key"), "k");
        write(context.resolve("private/key"), "p");
        Files.writeString(context.resolve("locked.txt"), "l");
        Files.setPosixFilePermissions(context.resolve("secret"), PosixFilePermissions.fromString("---------"));
        Files.setPosixFilePermissions(context.resolve("private"), PosixFilePermissions.fromString("---------"));
        Files.setPosixFilePermissions(context.resolve("locked.txt"), PosixFilePermissions.fromString("---------"));
        try {
            boolean permissionsIgnored = Files.isReadable(context.resolve("secret"));
            List<String> lines = permissionsIgnored ? scanAsNobody(context) : scanHere(context);
            assertEquals(List.of(
                    "sent .dockerignore",
                    "sent Dockerfile",
                    "sent locked.txt",
                    "sent open/readme",
                    "warning locked.txt: cannot read the file; docker build fails sending it",
                    "warning private: cannot read: permission denied; it is excluded, so the build is not affected,"
                            + " but its files are not counted",
                    "warning secret: cannot read: permission denied; docker build fails sending it"), lines);
        } finally {
            for (String path : List.of("secret", "private", "locked.txt")) {
                Files.setPosixFilePermissions(context.resolve(path), PosixFilePermissions.fromString("rwx------"));
            }
        }
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private static List<String> scanHere(Path context) throws Exception {
        ContextScan scan = BuildContext.analyse(context.resolve("Dockerfile"), context, ScanOptions.DEFAULTS);
        List<String> lines = new ArrayList<>();
        scan.sentFiles().forEach(path -> lines.add("sent " + path));
        scan.warnings().forEach(warning -> lines.add("warning " + warning.path() + ": " + warning.message()));
        return lines;
    }

    private List<String> scanAsNobody(Path context) throws Exception {
        assumeTrue(Files.isExecutable(SETPRIV), "running as root without " + SETPRIV + " to drop privileges");
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Process process = new ProcessBuilder(SETPRIV.toString(), "--reuid=" + NOBODY, "--regid=" + NOBODY,
                "--clear-groups", java, "-cp", classpathReadableByAll(), ScanMain.class.getName(), context.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(true, process.waitFor(2, TimeUnit.MINUTES), output);
        assertEquals(0, process.exitValue(), output);
        return output.lines().toList();
    }

    /** Copies the main classes, this class's classes and RE2/J where user nobody can read them. */
    private String classpathReadableByAll() throws IOException, URISyntaxException {
        Path copy = Files.createDirectory(dir.resolve("classpath"));
        List<String> entries = new ArrayList<>();
        for (Class<?> type : List.of(BuildContext.class, ScanMain.class, com.google.re2j.Pattern.class)) {
            Path source = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path target = copy.resolve(entries.size() + "-" + source.getFileName());
            copyTree(source, target);
            entries.add(target.toString());
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    private static void copyTree(Path source, Path target) throws IOException {
        try (var paths = Files.walk(source)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path destination = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(destination);
                    Files.setPosixFilePermissions(destination, PosixFilePermissions.fromString("rwxr-xr-x"));
                } else {
                    Files.copy(path, destination);
                    Files.setPosixFilePermissions(destination, PosixFilePermissions.fromString("rw-r--r--"));
                }
            }
        }
    }
}
