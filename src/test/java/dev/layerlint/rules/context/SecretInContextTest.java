package dev.layerlint.rules.context;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SecretInContextTest {

    @TempDir
    Path root;

    @Test
    void namesEachSentSecretAtTheCopyThatPutsItInTheImage() throws Exception {
        ContextFixture context = new ContextFixture(root)
                .dockerfile("FROM python:3.12-slim", "COPY config/ /app/config/", "COPY . /app")
                .dockerignore(".git")
                .file(".env", "DB_PASSWORD=x\n")
                .file(".env.example", "DB_PASSWORD=\n")
                .file("config/tls.key", 1700)
                .file("deploy/id_ed25519", 400)
                .file(".aws/credentials", 116);
        assertEquals(List.of(
                        "error Dockerfile:2:1: [SecretInContext] `config/tls.key` (1.7kB) holds secrets and is sent with the build "
                                + "context, and COPY config/ puts it in the image; add it to .dockerignore and pass what the build "
                                + "needs with RUN --mount=type=secret",
                        "error Dockerfile:3:1: [SecretInContext] `.aws/credentials` (116B) holds secrets and is sent with the build "
                                + "context, and COPY . puts it in the image; add it to .dockerignore and pass what the build needs "
                                + "with RUN --mount=type=secret",
                        "error Dockerfile:3:1: [SecretInContext] `.env` (14B) holds secrets and is sent with the build context, "
                                + "and COPY . puts it in the image; add it to .dockerignore and pass what the build needs with "
                                + "RUN --mount=type=secret",
                        "error Dockerfile:3:1: [SecretInContext] `deploy/id_ed25519` (400B) holds secrets and is sent with the "
                                + "build context, and COPY . puts it in the image; add it to .dockerignore and pass what the build "
                                + "needs with RUN --mount=type=secret"),
                ContextFixture.of("SecretInContext", context.lint()));
    }

    @Test
    void secretSentButNotCopiedPointsAtTheIgnoreFile() throws Exception {
        ContextFixture context = new ContextFixture(root)
                .dockerfile("FROM python:3.12-slim", "COPY app.py /app/")
                .dockerignore("*.log")
                .file("app.py", "print()")
                .file("server.pem", 3);
        assertEquals(List.of("error .dockerignore: [SecretInContext] `server.pem` (3B) holds secrets and is sent with the build "
                        + "context; add it to .dockerignore and pass what the build needs with RUN --mount=type=secret"),
                ContextFixture.of("SecretInContext", context.lint()));
    }

    @Test
    void npmrcAndPypircCountOnlyWithCredentials() throws Exception {
        ContextFixture context = new ContextFixture(root)
                .dockerfile("FROM node:22-slim", "COPY app.js /app/")
                .dockerignore(".git")
                .file(".npmrc", "registry=https://registry.example.com/\n")
                .file("web/.npmrc", "//registry.npmjs.org/:_authToken=npm_abc\n")
                .file(".pypirc", "[pypi]\nusername = __token__\n")
                .file("py/.pypirc", "[pypi]\nusername = __token__\npassword = pypi-abc\n");
        assertEquals(List.of(
                        "error .dockerignore: [SecretInContext] `py/.pypirc` (48B) holds secrets and is sent with the build context; "
                                + "add it to .dockerignore and pass what the build needs with RUN --mount=type=secret",
                        "error .dockerignore: [SecretInContext] `web/.npmrc` (41B) holds secrets and is sent with the build context; "
                                + "add it to .dockerignore and pass what the build needs with RUN --mount=type=secret"),
                ContextFixture.of("SecretInContext", context.lint()));
    }

    @Test
    void excludedSecretsAreFine() throws Exception {
        ContextFixture context = new ContextFixture(root)
                .dockerfile("FROM python:3.12-slim", "COPY . /app")
                .dockerignore("**/.env", "secrets")
                .file(".env", "A=b")
                .file("sub/.env", "A=b")
                .file("secrets/id_rsa", 3);
        assertEquals(List.of(), ContextFixture.of("SecretInContext", context.lint()));
    }
}
