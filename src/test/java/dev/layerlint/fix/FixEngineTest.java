package dev.layerlint.fix;

import dev.layerlint.image.Engine;
import dev.layerlint.rules.Linter;
import dev.layerlint.rules.RuleSettings;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fixes that busybox can run, proven on a real engine: the Dockerfile is built before and after the fix, and the two
 * images hold the same files (path, type, mode, owner, size, link and content), the after image has the layers the
 * merge removes fewer and is not larger, and its container prints the same.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class FixEngineTest {

    @TempDir
    Path context;

    private final String tag = "layerlint-fix-test-" + UUID.randomUUID();
    private final List<String> images = new ArrayList<>();

    @AfterEach
    void removeImages() throws IOException {
        for (String image : images) {
            Engine.check(null, "docker", "image", "rm", "-f", image);
        }
    }

    @Test
    void addToCopyMergedRunsAndJsonCmdBuildTheSameFileSystem() throws Exception {
        Engine.require();
        Files.writeString(context.resolve("app.txt"), "hello from the app\n");
        Files.createDirectories(context.resolve("conf"));
        Files.writeString(context.resolve("conf/app.properties"), "port=8080\n");
        String before = "FROM " + Engine.BASE_IMAGE + "\n"
                + "# the application\n"
                + "ADD app.txt /app/\n"
                + "ADD conf /app/conf\n"
                + "RUN mkdir -p /data\n"
                + "RUN echo ready > /data/state\n"
                + "RUN chmod 640 /data/state\n"
                + "CMD cat /app/app.txt /data/state\n";
        FixOutcome.Fixed fixed = (FixOutcome.Fixed) new Fixer(new Linter(RuleSettings.DEFAULTS), Fixer.defaultRules())
                .fix("Dockerfile", before, Optional.of(context));
        assertEquals("FROM " + Engine.BASE_IMAGE + "\n"
                + "# the application\n"
                + "COPY app.txt /app/\n"
                + "COPY conf /app/conf\n"
                + "RUN mkdir -p /data \\\n"
                + "    && echo ready > /data/state \\\n"
                + "    && chmod 640 /data/state\n"
                + "CMD [\"cat\", \"/app/app.txt\", \"/data/state\"]\n", fixed.after());

        String beforeImage = build("before", before);
        String afterImage = build("after", fixed.after());
        assertEquals(fileSystem(beforeImage), fileSystem(afterImage));
        assertEquals(layers(beforeImage) - 2, layers(afterImage));
        assertTrue(size(afterImage) <= size(beforeImage), "the fixed image is larger");
        String output = "hello from the app\nready\n";
        assertEquals(output, Engine.check(null, "docker", "run", "--rm", beforeImage));
        assertEquals(output, Engine.check(null, "docker", "run", "--rm", afterImage));
    }

    private String build(String name, String dockerfile) throws IOException {
        Path file = context.resolve(name + ".Dockerfile");
        Files.writeString(file, dockerfile);
        String image = tag + "-" + name;
        images.add(image);
        Engine.check(context, "docker", "build", "-q", "-t", image, "-f", file.toString(), context.toString());
        return image;
    }

    private static int layers(String image) throws IOException {
        return Integer.parseInt(Engine.check(null, "docker", "image", "inspect", "--format", "{{len .RootFS.Layers}}", image).strip());
    }

    private static long size(String image) throws IOException {
        return Long.parseLong(Engine.check(null, "docker", "image", "inspect", "--format", "{{.Size}}", image).strip());
    }

    /** Every entry of the image's file system: path to type, mode, owner, size, link target and content digest. */
    private Map<String, String> fileSystem(String image) throws Exception {
        String container = Engine.check(null, "docker", "create", image).strip();
        Path tar = context.resolve(image + ".tar");
        try {
            Engine.check(null, "docker", "export", "-o", tar.toString(), container);
        } finally {
            Engine.check(null, "docker", "rm", "-f", container);
        }
        Map<String, String> entries = new TreeMap<>();
        try (InputStream in = Files.newInputStream(tar); TarArchiveInputStream archive = new TarArchiveInputStream(in)) {
            TarArchiveEntry entry;
            while ((entry = archive.getNextEntry()) != null) {
                String digest = entry.isFile() ? sha256(archive) : "";
                entries.put(entry.getName(), (entry.isDirectory() ? "d" : entry.isSymbolicLink() ? "l" : entry.isFile() ? "f" : "o")
                        + " " + Integer.toOctalString(entry.getMode()) + " " + entry.getLongUserId() + ":" + entry.getLongGroupId()
                        + " " + entry.getSize() + " " + entry.getLinkName() + " " + digest);
            }
        }
        assertTrue(entries.containsKey("app/conf/app.properties"), "the export holds the copied files");
        return entries;
    }

    private static String sha256(InputStream in) throws IOException, NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[8192];
        for (int n; (n = in.read(buffer)) > 0; ) {
            digest.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
