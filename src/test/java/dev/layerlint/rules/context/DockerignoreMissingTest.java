package dev.layerlint.rules.context;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DockerignoreMissingTest {

    @TempDir
    Path root;

    @Test
    void wholesaleCopyWithoutIgnoreFileNamesTheCopyAndWhatItSends() throws Exception {
        ContextFixture context = new ContextFixture(root)
                .dockerfile("FROM node:22-slim", "WORKDIR /app", "COPY package.json ./", "COPY ./ .")
                .file("package.json", "{}")
                .file("server.js", "x".repeat(1500));
        // Dockerfile (61 bytes) + package.json (2) + server.js (1500)
        assertEquals(List.of("warning Dockerfile:4:1: [DockerignoreMissing] there is no .dockerignore, so COPY ./ copies the "
                        + "whole build context, 3 files (1.56kB): add a .dockerignore that leaves out what the image does not need"),
                ContextFixture.of("DockerignoreMissing", context.lint()));
    }

    @Test
    void aContextOfOneFileIsCountedInTheSingular() throws Exception {
        ContextFixture context = new ContextFixture(root).dockerfile("FROM node:22-slim", "COPY . /app");
        // the Dockerfile alone: 18 + 12 bytes
        assertEquals(List.of("warning Dockerfile:2:1: [DockerignoreMissing] there is no .dockerignore, so COPY . copies the "
                        + "whole build context, 1 file (30B): add a .dockerignore that leaves out what the image does not need"),
                ContextFixture.of("DockerignoreMissing", context.lint()));
    }

    @Test
    void quietWithAnIgnoreFileEvenAnEmptyOne() throws Exception {
        ContextFixture context = new ContextFixture(root).dockerfile("FROM node:22-slim", "COPY . /app").file(".dockerignore", "");
        assertEquals(List.of(), ContextFixture.of("DockerignoreMissing", context.lint()));
    }

    @Test
    void quietWhenOnlyNamedFilesAreCopied() throws Exception {
        ContextFixture context = new ContextFixture(root).dockerfile("FROM node:22-slim", "COPY server.js /app/",
                "COPY --from=build . /app");
        assertEquals(List.of(), ContextFixture.of("DockerignoreMissing", context.lint()));
    }

    @Test
    void quietWhenTheDockerfileDoesNotParse() throws Exception {
        ContextFixture context = new ContextFixture(root).dockerfile("COPY . /app");
        assertEquals(List.of(), ContextFixture.of("DockerignoreMissing", context.lint()));
    }
}
