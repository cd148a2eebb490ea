package dev.layerlint.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /** Podman's wording: ids without the algorithm, "image not known", exit code 125. */
    private static final String FAKE_PODMAN = """
            #!/bin/sh
            case "$1 $2" in
              "image inspect")
                if [ "$4" = "absent:1" ]; then echo '[]'; echo "Error: inspecting object: absent:1: image not known" >&2; exit 125; fi
                echo '[{"Id": "0123", "RepoTags": ["localhost/app:1.0"]}]' ;;
              "image save") cat "$ARCHIVE" ;;
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

    @Test
    void podmansIdsGetTheirAlgorithmAndItsMissingImagesAreNamed() throws Exception {
        Path podman = Files.createDirectories(dir.resolve("podman-bin")).resolve("podman");
        Files.writeString(podman, FAKE_PODMAN);
        Files.setPosixFilePermissions(podman, PosixFilePermissions.fromString("rwxr-xr-x"));
        DockerCli cli = new DockerCli(podman.toString(), Map.of("ARCHIVE", archive.toString()));
        assertTrue(cli.isPodman());
        assertEquals("Podman's local storage", cli.store());
        ImageReader reader = new ImageReader(cli);

        Image image = reader.read(new ImageSource.Daemon("app:1.0"));
        assertEquals("sha256:0123", image.id());
        assertEquals(List.of("localhost/app:1.0"), image.repoTags());
        assertEquals(SampleImage.SIZE, image.size());
        Image stored = reader.read(new ImageSource.ContainersStorage("localhost/app:1.0"));
        assertEquals("containers-storage:localhost/app:1.0", stored.reference());
        assertEquals(SampleImage.SIZE, stored.size());

        assertEquals("image 'absent:1' not found in Podman's local storage ('" + podman + " image inspect absent:1': Error:"
                        + " inspecting object: absent:1: image not known); build it before layerlint:inspect runs, or name an archive",
                assertThrows(ImageReadException.class, () -> reader.read(new ImageSource.Daemon("absent:1"))).getMessage());
    }

    @Test
    void containersStorageIsReadWithPodmanWhateverTheEngine() {
        DockerCli docker = new DockerCli("/usr/local/bin/docker", Map.of("A", "1"));
        assertFalse(docker.isPodman());
        assertEquals("the Docker daemon", docker.store());
        assertEquals(new DockerCli("podman", Map.of("A", "1")), docker.podman());
        DockerCli podman = new DockerCli("/opt/podman/bin/podman", Map.of());
        assertEquals(podman, podman.podman());
        ImageReader reader = new ImageReader(docker);
        assertEquals(Optional.of(docker), reader.engineFor(new ImageSource.Daemon("app:1")));
        assertEquals(Optional.of(docker.podman()), reader.engineFor(new ImageSource.ContainersStorage("app:1")));
        assertEquals(Optional.empty(), reader.engineFor(new ImageSource.OciLayout(dir)));
    }

    @Test
    void theDefaultDockerBecomesPodmanOnlyWhenDockerIsMissingAndPodmanIsThere() throws Exception {
        Path withDocker = Files.createDirectories(dir.resolve("with-docker"));
        Path withPodman = Files.createDirectories(dir.resolve("with-podman"));
        Path empty = Files.createDirectories(dir.resolve("empty"));
        for (Path executable : List.of(withDocker.resolve("docker"), withPodman.resolve("podman"))) {
            Files.writeString(executable, "#!/bin/sh\n");
            Files.setPosixFilePermissions(executable, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.createDirectories(empty.resolve("docker")); // a directory is no executable
        String both = withDocker + File.pathSeparator + withPodman;
        String podmanOnly = empty + File.pathSeparator + File.pathSeparator + withPodman;

        assertEquals(DockerCli.onPath(), DockerCli.select("docker", both));
        assertEquals(DockerCli.podmanOnPath(), DockerCli.select("docker", podmanOnly));
        assertEquals(DockerCli.onPath(), DockerCli.select("docker", empty.toString()));
        assertEquals(new DockerCli("/opt/docker", Map.of()), DockerCli.select("/opt/docker", podmanOnly));
        assertEquals(DockerCli.podmanOnPath(), DockerCli.select("podman", both));
        assertTrue(DockerCli.select("podman", both).isPodman());
    }
}
