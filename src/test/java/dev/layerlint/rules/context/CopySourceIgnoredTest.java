package dev.layerlint.rules.context;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CopySourceIgnoredTest {

    @TempDir
    Path root;

    @Test
    void plainSourceInAnExcludedDirectoryFailsTheBuild() throws Exception {
        ContextFixture context = new ContextFixture(root)
                .dockerfile("FROM eclipse-temurin:21-jre", "COPY pom.xml /app/", "COPY target/app.jar /app/app.jar")
                .dockerignore(".git", "target")
                .file("pom.xml", "<project/>");
        assertEquals(List.of("error Dockerfile:3:1: [CopySourceIgnored] COPY target/app.jar: `target/app.jar` is excluded by "
                        + ".dockerignore line 2 (`target`), so the builder does not receive it and the build fails; "
                        + "re-include it with an exception such as `!target/app.jar`"),
                ContextFixture.of("CopySourceIgnored", context.lint()));
    }

    @Test
    void wildcardSourceIsCheckedBeforeTheFilesExist() throws Exception {
        ContextFixture context = new ContextFixture(root)
                .dockerfile("FROM eclipse-temurin:21-jre", "COPY ./target/*.jar /app/")
                .dockerignore("target");
        assertEquals(List.of("error Dockerfile:2:1: [CopySourceIgnored] COPY ./target/*.jar: `./target/*.jar` is excluded by "
                        + ".dockerignore line 1 (`target`), so it matches no file the builder receives and the build fails; "
                        + "re-include it with an exception such as `!target/*.jar`"),
                ContextFixture.of("CopySourceIgnored", context.lint()));
    }

    @Test
    void buildKitCopiesNothingWhenOnlyTheFilesAreExcluded() throws Exception {
        ContextFixture context = new ContextFixture(root)
                .dockerfile("FROM eclipse-temurin:21-jre", "COPY target/*.jar /app/")
                .dockerignore("target/*", "!target/classes")
                .file("target/app.jar", "jar")
                .file("target/classes/App.class", "class");
        assertEquals(List.of("error Dockerfile:2:1: [CopySourceIgnored] COPY target/*.jar: `target/*.jar` is excluded by "
                        + ".dockerignore line 1 (`target/*`), so it matches no file the builder receives and BuildKit copies "
                        + "nothing; re-include it with an exception such as `!target/*.jar`"),
                ContextFixture.of("CopySourceIgnored", context.lint()));
    }

    @Test
    void quietWhenAnExceptionKeepsTheSourceOrOtherFilesMatch() throws Exception {
        ContextFixture context = new ContextFixture(root)
                .dockerfile("FROM eclipse-temurin:21-jre",
                        "COPY target/*.jar /app/",
                        "COPY target/app.jar /app/app.jar",
                        "COPY --from=build /out/app.jar /app/",
                        "ADD https://example.com/tool.tar.gz /opt/",
                        "COPY . /src/",
                        "COPY lib/*.so /usr/lib/")
                .dockerignore("target/*", "!target/*.jar", "lib/*.so", "!lib/libkeep.so")
                .file("target/app.jar", "jar")
                .file("lib/libkeep.so", "so")
                .file("lib/libdrop.so", "so");
        assertEquals(List.of(), ContextFixture.of("CopySourceIgnored", context.lint()));
    }
}
