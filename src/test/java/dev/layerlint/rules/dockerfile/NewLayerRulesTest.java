package dev.layerlint.rules.dockerfile;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.layerlint.rules.LintAssertions.hits;
import static dev.layerlint.rules.LintAssertions.lint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fat jars, moving tags, archives copied or downloaded and kept, lastlog, whole filesystems. */
class NewLayerRulesTest {

    private static final String RUN_JAR = "ENTRYPOINT [\"java\", \"-jar\", \"/app/app.jar\"]\n";

    @Test
    void fatJarCopiedAsOneLayer() {
        String gradle = "FROM gradle:8.7.0-jdk21 AS build\nCOPY . .\nRUN gradle --no-daemon bootJar\n"
                + "FROM eclipse-temurin:21.0.5_11-jre\nCOPY --from=build /home/gradle/build/libs/*.jar /app/app.jar\n" + RUN_JAR;
        assertEquals(List.of("FatJarLayer@5"), hits("FatJarLayer", gradle));
        assertTrue(lint(gradle).stream().filter(f -> f.ruleId().equals("FatJarLayer")).findFirst().orElseThrow().message()
                .startsWith("COPY --from=build /home/gradle/build/libs/*.jar puts the application and every dependency in one layer"));
        assertEquals(List.of("FatJarLayer@3"), hits("FatJarLayer", "FROM maven:3.9.6-eclipse-temurin-21\nRUN mvn -B package spring-boot:repackage\n"
                + "COPY target/app.jar /app/app.jar\n" + RUN_JAR), "the uber jar is built in the image's own stage");
        assertEquals(List.of("FatJarLayer@2"), hits("FatJarLayer", "FROM eclipse-temurin:21.0.5_11-jre\nCOPY target/orders-1.0-runner.jar /app/app.jar\n"
                + RUN_JAR), "Quarkus' uber jar by its name");
        assertEquals(List.of("FatJarLayer@3"), hits("FatJarLayer", "FROM eclipse-temurin:21.0.5_11-jre\nENV SPRING_PROFILES_ACTIVE=prod\n"
                + "COPY target/app.jar /app/app.jar\n" + RUN_JAR), "a Spring Boot application");
        assertEquals(List.of("FatJarLayer@2"), hits("FatJarLayer", "FROM eclipse-temurin:21.0.5_11-jre\nADD build/libs/app-all.jar /app/app.jar\n"
                + "CMD java -Dspring.profiles.active=prod -jar /app/app.jar\n"));
        assertTrue(lint(gradle).stream().filter(f -> f.ruleId().equals("FatJarLayer")).findFirst().orElseThrow().message().contains("-Djarmode=tools"));
    }

    @Test
    void fatJarRuleStaysQuietWhenLayersAreSplitOrItCannotTell() {
        String spring = "FROM eclipse-temurin:21.0.5_11-jre\nENV SPRING_PROFILES_ACTIVE=prod\n";
        assertEquals(List.of(), hits("FatJarLayer", spring + "COPY target/quarkus-app/lib/ /app/lib/\n"
                + "COPY target/quarkus-app/*.jar /app/\nCOPY target/quarkus-app/app/ /app/app/\nCOPY target/quarkus-app/quarkus/ /app/quarkus/\n"
                + "ENTRYPOINT [\"java\", \"-jar\", \"/app/quarkus-run.jar\"]\n"), "Quarkus fast-jar");
        assertEquals(List.of(), hits("FatJarLayer", spring + "COPY target/dependency/ /app/lib/\nCOPY target/app.jar /app/app.jar\n" + RUN_JAR),
                "dependencies in a COPY of their own");
        assertEquals(List.of(), hits("FatJarLayer", spring + "WORKDIR /app\nCOPY target/app.jar app.jar\n"
                + "RUN java -Djarmode=layertools -jar app.jar extract && rm app.jar\n" + RUN_JAR), "extracted into layers");
        assertEquals(List.of(), hits("FatJarLayer", "FROM eclipse-temurin:21.0.5_11-jre\nCOPY target/app.jar /app/app.jar\n" + RUN_JAR),
                "nothing shows an uber jar: it may be a small plain jar");
        assertEquals(List.of(), hits("FatJarLayer", "FROM maven:3.9.6-eclipse-temurin-21 AS build\nRUN mvn -B package\n"
                + "FROM eclipse-temurin:21.0.5_11-jre\nCOPY --from=build /target/app.jar /app/app.jar\n" + RUN_JAR), "mvn package alone");
        assertEquals(List.of(), hits("FatJarLayer", spring + "COPY target/app.jar /app/app.jar\nENTRYPOINT [\"/entrypoint.sh\"]\n"),
                "not run with java -jar");
        assertEquals(List.of(), hits("FatJarLayer", "FROM maven:3.9.6-eclipse-temurin-21 AS build\nCOPY app-all.jar /app.jar\n"
                + RUN_JAR + "FROM eclipse-temurin:21.0.5_11-jre\nCOPY --from=build /etc/hostname /x\n"), "a builder stage's copy");
    }

    @Test
    void movingTagsThatAreNotLatest() {
        String df = "FROM msd-java:jre-latest\nFROM openjdk:21-jdk-nightly\nFROM nginx:stable-alpine\nFROM alpine:edge\n"
                + "FROM node:current-alpine3.19\nFROM registry.example.com/base/jre:17-rolling\n";
        assertEquals(List.of("BaseImageUnpinned@1", "BaseImageUnpinned@2", "BaseImageUnpinned@3", "BaseImageUnpinned@4",
                "BaseImageUnpinned@5", "BaseImageUnpinned@6"), hits("BaseImageUnpinned", df));
        assertTrue(lint("FROM msd-java:jre-latest\n").get(0).message().contains("such as msd-java:<version>-jre "),
                lint("FROM msd-java:jre-latest\n").get(0).message());
        assertTrue(lint("FROM registry.example.com/base/jre:17-rolling\n").get(0).message()
                .contains("such as registry.example.com/base/jre:<version>-17 "));
        String ubi = lint("FROM registry.access.redhat.com/ubi9/openjdk-21-runtime:latest\n").get(0).message();
        assertTrue(ubi.contains("such as registry.access.redhat.com/ubi9/openjdk-21-runtime:<version>-<build> (Red Hat tags add a build number, e.g. 1.24-2)"), ubi);
        assertEquals(List.of(), hits("BaseImageUnpinned", "FROM eclipse-temurin:21.0.5_11-jre\nFROM registry.access.redhat.com/ubi9/openjdk-21-runtime:1.21-1.1737580423\n"
                + "FROM debian:bookworm-20240311-slim\nFROM alpine:3.19.1\n"));
    }

    @Test
    void archiveCopiedThenExtracted() {
        String df = "FROM debian:12.5\nCOPY dist/app.tar.gz /tmp/\nWORKDIR /opt\nRUN tar -xzf /tmp/app.tar.gz && rm /tmp/app.tar.gz\n"
                + "COPY site.zip /srv/\nRUN cd /srv && unzip site.zip\nCOPY bundle.tgz /tmp/release.tar.gz\nRUN tar xzf /tmp/release.tar.gz\n";
        assertEquals(List.of("ArchiveCopiedThenExtracted@2", "ArchiveCopiedThenExtracted@5", "ArchiveCopiedThenExtracted@7"),
                hits("ArchiveCopiedThenExtracted", df));
        assertTrue(lint(df).stream().filter(f -> f.ruleId().equals("ArchiveCopiedThenExtracted")).findFirst().orElseThrow().message()
                .contains("the RUN at line 4"));
        assertEquals(List.of(), hits("ArchiveCopiedThenExtracted", "FROM debian:12.5\nCOPY dist/app.tar.gz /srv/downloads/\n"),
                "an archive served as a file");
        assertEquals(List.of(), hits("ArchiveCopiedThenExtracted", "FROM debian:12.5\nCOPY package.json /app/\nRUN tar -xf other.tar\n"));
        assertEquals(List.of(), hits("ArchiveCopiedThenExtracted", "FROM debian:12.5 AS build\nCOPY app.tar.gz /tmp/\n"
                + "RUN tar -xzf /tmp/app.tar.gz -C /opt\nFROM debian:12.5\nCOPY --from=build /opt /opt\n"), "a builder stage");
        assertEquals(List.of(), hits("ArchiveCopiedThenExtracted", "FROM debian:12.5 AS build\nRUN echo\nFROM debian:12.5\n"
                + "COPY --from=build /x/app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz\n"), "COPY --from is not judged");
        assertEquals(List.of(), hits("ArchiveCopiedThenExtracted", "FROM debian:12.5\n"
                + "RUN --mount=type=bind,source=app.tar.gz,target=/tmp/app.tar.gz tar -xzf /tmp/app.tar.gz -C /opt\n"));
    }

    @Test
    void useraddWithALargeUid() {
        String df = "FROM debian:12.5\nRUN useradd -u 1000000 app\nRUN useradd --uid=65532 -m svc\nRUN useradd -mu 200000 x\n"
                + "ONBUILD RUN useradd -u 123456 child\n";
        assertEquals(List.of("UseraddLargeUid@2", "UseraddLargeUid@3", "UseraddLargeUid@4", "UseraddLargeUid@5"), hits("UseraddLargeUid", df));
        assertTrue(lint("FROM debian:12.5\nRUN useradd -u 1000000 app\n").stream().filter(f -> f.ruleId().equals("UseraddLargeUid"))
                .findFirst().orElseThrow().message().contains("about 292 MB"));
        assertEquals(List.of(), hits("UseraddLargeUid", "FROM debian:12.5\nRUN useradd -l -u 1000000 app\nRUN useradd --no-log-init --uid 65532 b\n"
                + "RUN useradd -lu 200000 c\nRUN useradd -u 10001 d\nRUN useradd -u $UID e\nRUN useradd app\nRUN adduser -u 1000000 -D f\n"));
        assertEquals(List.of(), hits("UseraddLargeUid", "FROM debian:12.5 AS build\nRUN useradd -u 1000000 app\nFROM debian:12.5\n"));
    }

    @Test
    void downloadedArchiveKept() {
        String df = "FROM debian:12.5\nRUN curl -fsSLo node.tar.xz https://nodejs.org/dist/v20.11.1/node-v20.11.1-linux-x64.tar.xz "
                + "&& tar -xJf node.tar.xz -C /usr/local\nRUN wget https://e.com/dl/tool-1.2.3.zip && unzip tool-1.2.3.zip -d /opt\n"
                + "RUN curl -fsSLO https://e.com/x/agent.tgz && tar xzf agent.tgz\n";
        assertEquals(List.of("TempFilesKept@2", "TempFilesKept@3", "TempFilesKept@4"), hits("TempFilesKept", df));
        assertTrue(lint(df).stream().filter(f -> f.ruleId().equals("TempFilesKept")).findFirst().orElseThrow().message()
                .startsWith("keeps the downloaded archive node.tar.xz in the layer"));
        String clean = "FROM debian:12.5\nRUN curl -fsSLo node.tar.xz https://e.com/node.tar.xz && tar -xJf node.tar.xz -C /usr/local && rm node.tar.xz\n"
                + "RUN curl -fsSL https://e.com/node.tar.xz | tar -xJ -C /usr/local\nRUN wget -qO- https://e.com/x.tgz | tar xz\n"
                + "RUN curl -fsSLo x.gz https://e.com/x.gz && gunzip x.gz\nRUN curl -fsSLo /srv/site.zip https://e.com/site.zip\n"
                + "RUN wget -O /opt/a.tgz https://e.com/a.tgz && tar -xzf /opt/a.tgz -C /opt && rm -f /opt/*.tgz\n";
        assertEquals(List.of(), hits("TempFilesKept", clean));
    }

    @Test
    void wholeFilesystemCopied() {
        String df = "FROM golang:1.22.1 AS build\nRUN go build -o /out/app .\nFROM scratch AS artifacts\nCOPY --from=build /out/app /app\n"
                + "FROM debian:12.5\nCOPY --from=build / /\nCOPY --from=build / /rootfs\nCOPY --from=busybox:1.36.1 / /\n"
                + "COPY --from=artifacts / /\nCOPY --from=build /out/ /usr/local/bin/\n";
        assertEquals(List.of("WholeFilesystemCopied@6", "WholeFilesystemCopied@7", "WholeFilesystemCopied@8"), hits("WholeFilesystemCopied", df));
        assertEquals(List.of(), hits("WholeFilesystemCopied", "FROM debian:12.5 AS a\nRUN echo\nFROM debian:12.5 AS b\nCOPY --from=a / /\n"
                + "FROM debian:12.5\nCOPY / /app\n"), "a builder stage, and COPY from the context");
    }
}
