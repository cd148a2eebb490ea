package dev.layerlint.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon source against a stand-in {@code docker} script, so that failures can be staged. */
class DockerCliTest {

    private static final String FAKE_DOCKER = """
            #!/bin/sh
            case "$1 $2" in
              "image inspect") echo '[{"Id": "sha256:0123", "RepoTags": ["app:1.0", "app:latest"]}]' ;;
              "image save")
                if [ -n "$FAIL_AFTER" ]; then
                  head -c "$FAIL_AFTER" "$ARCHIVE"; echo "Error response from daemon: disk quota exceeded" >&2; exit 1
                fi
                cat "$ARCHIVE" ;;
              *) echo "unexpected: $*" >&2; exit 64 ;;
            esac
            """;

    @TempDir
    Path dir;
    private Path docker;
    private Path archive;

    @BeforeEach
    void writeStandIn() throws Exception {
        docker = dir.resolve("docker");
        Files.writeString(docker, FAKE_DOCKER);
        Files.setPosixFilePermissions(docker, PosixFilePermissions.fromString("rwxr-xr-x"));
        archive = dir.resolve("saved.tar");
        SampleImage.image().writeLegacyDockerSave(archive, true);
    }

    @Test
    void readsThroughTheCliWithTheGivenEnvironment() throws Exception {
        ImageReader reader = new ImageReader(new DockerCli(docker.toString(), Map.of("ARCHIVE", archive.toString())));
        Image image = reader.read(new ImageSource.Daemon("app:1.0"));

        assertEquals("sha256:0123", image.id());
        assertEquals(List.of("app:1.0", "app:latest"), image.repoTags());
        assertEquals(SampleImage.SIZE, image.size());
        assertEquals(SampleImage.WASTED, WasteAnalysis.of(image.layers()).wastedBytes());
    }

    @Test
    void dockerFailingMidStreamIsBlamedWithItsExitCodeAndMessage() {
        ImageReader reader = new ImageReader(new DockerCli(docker.toString(),
                Map.of("ARCHIVE", archive.toString(), "FAIL_AFTER", "700000")));
        ImageReadException error = assertThrows(ImageReadException.class, () -> reader.read(new ImageSource.Daemon("app:1.0")));
        assertEquals("'" + docker + " image save app:1.0' failed with exit code 1: Error response from daemon: disk quota exceeded",
                error.getMessage());
    }
}
