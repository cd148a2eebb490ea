package dev.layerlint.dockerfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerfileFinderTest {

    @TempDir
    Path dir;

    @Test
    void aMissingDockerfileStandsForTheContainerfileBesideIt() throws Exception {
        Path containerfile = Files.writeString(dir.resolve("Containerfile"), "FROM scratch\n");
        assertEquals(List.of(containerfile), DockerfileFinder.find(dir, "Dockerfile"));
        Path nested = Files.writeString(Files.createDirectories(dir.resolve("svc")).resolve("Containerfile"), "FROM scratch\n");
        assertEquals(List.of(nested), DockerfileFinder.find(dir, "svc/Dockerfile"));
    }

    @Test
    void aDockerfileWinsOverAContainerfile() throws Exception {
        Files.writeString(dir.resolve("Containerfile"), "FROM scratch\n");
        Path dockerfile = Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\n");
        assertEquals(List.of(dockerfile), DockerfileFinder.find(dir, "Dockerfile"));
    }

    @Test
    void onlyTheNameDockerfileFallsBack() throws Exception {
        Files.writeString(dir.resolve("Containerfile"), "FROM scratch\n");
        Path missing = dir.resolve("app.Dockerfile");
        assertEquals("Dockerfile " + missing + " does not exist",
                assertThrows(DockerfileFinder.NoMatchException.class, () -> DockerfileFinder.find(dir, "app.Dockerfile")).getMessage());
        Files.createDirectories(dir.resolve("empty"));
        assertEquals("Dockerfile " + dir.resolve("empty/Dockerfile") + " does not exist",
                assertThrows(DockerfileFinder.NoMatchException.class, () -> DockerfileFinder.find(dir, "empty/Dockerfile")).getMessage());
    }
}
