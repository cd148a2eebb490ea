package dev.layerlint.context;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IgnoreFileLocatorTest {

    @TempDir
    Path dir;

    @Test
    void noIgnoreFile() throws IOException {
        Path dockerfile = Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\n");
        for (Builder builder : Builder.values()) {
            assertEquals(Optional.empty(), IgnoreFileLocator.locate(dockerfile, dir, builder));
        }
    }

    @Test
    void contextRootIgnoreFile() throws IOException {
        Path dockerfile = Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\n");
        Path ignore = Files.writeString(dir.resolve(".dockerignore"), "x\n");
        for (Builder builder : Builder.values()) {
            assertEquals(Optional.of(ignore), IgnoreFileLocator.locate(dockerfile, dir, builder));
        }
    }

    @Test
    void buildkitPrefersTheFileNamedAfterTheDockerfile() throws IOException {
        Path dockerfile = Files.writeString(dir.resolve("app.Dockerfile"), "FROM scratch\n");
        Path specific = Files.writeString(dir.resolve("app.Dockerfile.dockerignore"), "");
        Path root = Files.writeString(dir.resolve(".dockerignore"), "x\n");
        Files.writeString(dir.resolve("Dockerfile.dockerignore"), "y\n");
        assertEquals(Optional.of(specific), IgnoreFileLocator.locate(dockerfile, dir, Builder.BUILDKIT));
        assertEquals(Optional.of(root), IgnoreFileLocator.locate(dockerfile, dir, Builder.CLASSIC));
    }

    @Test
    void theDockerfileSpecificFileLivesBesideTheDockerfileNotAtTheContextRoot() throws IOException {
        Path docker = Files.createDirectories(dir.resolve("docker"));
        Path dockerfile = Files.writeString(docker.resolve("Dockerfile"), "FROM scratch\n");
        Files.writeString(dir.resolve("Dockerfile.dockerignore"), "wrong place\n");
        Path root = Files.writeString(dir.resolve(".dockerignore"), "x\n");
        assertEquals(Optional.of(root), IgnoreFileLocator.locate(dockerfile, dir, Builder.BUILDKIT));

        Path besideDockerfile = Files.writeString(docker.resolve("Dockerfile.dockerignore"), "y\n");
        assertEquals(Optional.of(besideDockerfile), IgnoreFileLocator.locate(dockerfile, dir, Builder.BUILDKIT));
    }

    @Test
    void aDirectoryIsNotAnIgnoreFile() throws IOException {
        Path dockerfile = Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\n");
        Files.createDirectories(dir.resolve("Dockerfile.dockerignore"));
        Files.createDirectories(dir.resolve(".dockerignore"));
        assertEquals(Optional.empty(), IgnoreFileLocator.locate(dockerfile, dir, Builder.BUILDKIT));
    }

    @Test
    void theContextMayLieElsewhere() throws IOException {
        Path context = Files.createDirectories(dir.resolve("ctx"));
        Path dockerfile = Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\n");
        Path ignore = Files.writeString(context.resolve(".dockerignore"), "x\n");
        assertEquals(Optional.of(ignore), IgnoreFileLocator.locate(dockerfile, context, Builder.BUILDKIT));
    }

    @Test
    void aContainerfileGetsPodmansOrder() throws IOException {
        Path containerfile = Files.writeString(dir.resolve("Containerfile"), "FROM scratch\n");
        for (Builder builder : Builder.values()) {
            assertEquals(Optional.empty(), IgnoreFileLocator.locate(containerfile, dir, builder));
        }
        Path dockerignore = Files.writeString(dir.resolve(".dockerignore"), "a\n");
        assertEquals(Optional.of(dockerignore), IgnoreFileLocator.locate(containerfile, dir, Builder.BUILDKIT));
        Path containerignore = Files.writeString(dir.resolve(".containerignore"), "b\n");
        Path ownContainerignore = dir.resolve("Containerfile.containerignore");
        Path ownDockerignore = dir.resolve("Containerfile.dockerignore");
        for (Builder builder : Builder.values()) {
            assertEquals(Optional.of(containerignore), IgnoreFileLocator.locate(containerfile, dir, builder));
        }
        Files.writeString(ownContainerignore, "c\n");
        assertEquals(Optional.of(ownContainerignore), IgnoreFileLocator.locate(containerfile, dir, Builder.BUILDKIT));
        Files.writeString(ownDockerignore, "d\n");
        assertEquals(Optional.of(ownDockerignore), IgnoreFileLocator.locate(containerfile, dir, Builder.CLASSIC));

        Path named = Files.writeString(dir.resolve("app.Containerfile"), "FROM scratch\n");
        assertEquals(Optional.of(containerignore), IgnoreFileLocator.locate(named, dir, Builder.BUILDKIT));
    }

    @Test
    void aDockerfileIgnoresContainerignore() throws IOException {
        Path dockerfile = Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\n");
        Files.writeString(dir.resolve(".containerignore"), "b\n");
        Files.writeString(dir.resolve("Dockerfile.containerignore"), "c\n");
        assertEquals(Optional.empty(), IgnoreFileLocator.locate(dockerfile, dir, Builder.BUILDKIT));
        Path dockerignore = Files.writeString(dir.resolve(".dockerignore"), "a\n");
        assertEquals(Optional.of(dockerignore), IgnoreFileLocator.locate(dockerfile, dir, Builder.BUILDKIT));
    }
}
