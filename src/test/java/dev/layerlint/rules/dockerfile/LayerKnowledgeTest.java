package dev.layerlint.rules.dockerfile;

import dev.layerlint.report.Finding;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.layerlint.rules.LintAssertions.hits;
import static dev.layerlint.rules.LintAssertions.lint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What one RUN leaves in its layer: triggers, rpm tools, mounts, order, exported switches. */
class LayerKnowledgeTest {

    @Test
    void onbuildTriggersAreLintedAtTheOnbuildLine() {
        String df = "FROM debian:12.5\nWORKDIR /app\nONBUILD RUN apt-get update && apt-get install -y --no-install-recommends git\n"
                + "ONBUILD RUN pip install -r requirements.txt\nONBUILD RUN apk add curl\nONBUILD RUN dnf install -y git\n"
                + "ONBUILD RUN yarn install\nONBUILD ADD app.jar /app/\n";
        assertEquals(List.of("AptListsNotRemoved@3"), hits("AptListsNotRemoved", df));
        assertEquals(List.of("PipCacheKept@4"), hits("PipCacheKept", df));
        assertEquals(List.of("PackageCacheKept@5", "PackageCacheKept@6", "PackageCacheKept@7"), hits("PackageCacheKept", df));
        assertEquals(List.of("AddForLocalFile@8"), hits("AddForLocalFile", df));
        Finding apt = lint(df).stream().filter(f -> f.ruleId().equals("AptListsNotRemoved")).findFirst().orElseThrow();
        assertTrue(apt.message().startsWith("ONBUILD trigger, run in every image built FROM this one: apt package lists"), apt.message());
        Finding add = lint(df).stream().filter(f -> f.ruleId().equals("AddForLocalFile")).findFirst().orElseThrow();
        assertTrue(add.message().startsWith("ONBUILD trigger, run in every image built FROM this one: ADD app.jar copies plain local files"),
                add.message());
    }

    @Test
    void onbuildTriggersThatCleanUpOrSitInABuilderStageStayQuiet() {
        String clean = "FROM debian:12.5\nONBUILD RUN apt-get update && apt-get install -y --no-install-recommends git "
                + "&& rm -rf /var/lib/apt/lists/*\nONBUILD RUN pip install --no-cache-dir flask\nONBUILD RUN apk add --no-cache curl\n"
                + "ONBUILD RUN dnf install -y git && dnf clean all\n";
        assertEquals(List.of(), hits("AptListsNotRemoved", clean));
        assertEquals(List.of(), hits("PipCacheKept", clean));
        assertEquals(List.of(), hits("PackageCacheKept", clean));
        String builder = "FROM debian:12.5 AS build\nONBUILD RUN apt-get update && apt-get install -y git\nFROM debian:12.5\n";
        assertEquals(List.of(), hits("AptListsNotRemoved", builder), "the final image does not carry a builder stage's triggers");
        assertEquals(List.of(), hits("ConsecutiveRuns", "FROM debian:12.5\nONBUILD RUN a\nONBUILD RUN b\n"),
                "triggers are not RUNs of this image");
    }

    @Test
    void onbuildTriggersSeeTheEnvOfTheWholeImage() {
        assertEquals(List.of(), hits("PipCacheKept", "FROM python:3.12.1\nONBUILD RUN pip install flask\nENV PIP_NO_CACHE_DIR=1\n"),
                "a child image inherits every ENV of its parent, also those after the ONBUILD");
    }

    @Test
    void everyDnfVerbThatFillsTheCache() {
        for (String verb : List.of("in", "install", "up", "upgrade", "update", "upgrade-minimal", "up-min", "reinstall", "rei",
                "groupinstall", "distro-sync", "downgrade", "makecache")) {
            assertEquals(List.of("PackageCacheKept@2"), hits("PackageCacheKept", "FROM fedora:40\nRUN dnf " + verb + " -y x\n"), verb);
            assertEquals(List.of(), hits("PackageCacheKept", "FROM fedora:40\nRUN dnf " + verb + " -y x && dnf clean all\n"), verb);
        }
        assertEquals(List.of("PackageCacheKept@2"), hits("PackageCacheKept", "FROM fedora:40\nRUN dnf group install -y 'Development Tools'\n"));
        assertEquals(List.of("PackageCacheKept@2"), hits("PackageCacheKept", "FROM ubi:9.3\nRUN microdnf upgrade -y\n"));
        assertEquals(List.of("PackageCacheKept@2"), hits("PackageCacheKept", "FROM centos:7.9.2009\nRUN yum update -y\n"));
        assertEquals(List.of(), hits("PackageCacheKept", "FROM fedora:40\nRUN dnf list installed && dnf repolist\n"));
        assertEquals(List.of(), hits("PackageCacheKept", "FROM fedora:40\nRUN dnf clean all\n"));
    }

    @Test
    void eachRpmToolHasItsOwnCacheDirectory() {
        assertEquals(List.of(), hits("PackageCacheKept", "FROM fedora:41\nRUN dnf5 install -y git && rm -rf /var/cache/libdnf5\n"));
        assertEquals(List.of("PackageCacheKept@2"), hits("PackageCacheKept", "FROM fedora:41\nRUN dnf5 install -y git && rm -rf /var/cache/dnf\n"),
                "dnf5 does not write /var/cache/dnf");
        assertEquals(List.of(), hits("PackageCacheKept", "FROM fedora:41\nRUN dnf install -y git && rm -rf /var/cache/libdnf5/*\n"),
                "dnf is dnf5 on Fedora 41 and later");
        assertEquals(List.of(), hits("PackageCacheKept", "FROM fedora:40\nRUN dnf install -y git && rm -rf /var/cache/dnf\n"));
        assertEquals(List.of("PackageCacheKept@2"), hits("PackageCacheKept", "FROM fedora:40\nRUN dnf install -y git && rm -rf /var/cache/yum\n"),
                "yum's directory is not dnf's");
        assertEquals(List.of(), hits("PackageCacheKept", "FROM ubi-minimal:9.3\nRUN microdnf install -y git && rm -rf /var/cache/yum\n"));
        assertEquals(List.of("PackageCacheKept@2"), hits("PackageCacheKept", "FROM ubi-minimal:9.3\nRUN microdnf install -y git && rm -rf /var/cache/libdnf5\n"));
        assertEquals(List.of(), hits("PackageCacheKept", "FROM centos:7.9.2009\nRUN yum install -y git && rm -rf /var/cache/yum\n"));
        assertEquals(List.of("PackageCacheKept@2"), hits("PackageCacheKept", "FROM fedora:40\nRUN dnf install -y git && microdnf clean all\n"),
                "another tool's clean");
        assertEquals(List.of(), hits("PackageCacheKept", "FROM fedora:41\nRUN --mount=type=cache,target=/var/cache/libdnf5 dnf5 install -y git\n"));
        assertEquals(List.of(), hits("PackageCacheKept", "FROM fedora:41\nRUN --mount=type=cache,target=/var/cache dnf install -y git\n"));
    }

    @Test
    void aptitudeIsApt() {
        assertEquals(List.of("AptListsNotRemoved@2"), hits("AptListsNotRemoved", "FROM debian:12.5\nRUN aptitude update && aptitude install -y git\n"));
        assertEquals(List.of(), hits("AptListsNotRemoved", "FROM debian:12.5\nRUN aptitude update && aptitude install -y git && rm -rf /var/lib/apt/lists/*\n"));
        assertEquals(List.of("AptUpdateAlone@2"), hits("AptUpdateAlone", "FROM debian:12.5\nRUN aptitude update\nRUN aptitude install -y git\n"));
    }

    @Test
    void tmpfsMountsKeepFilesOutOfTheLayer() {
        assertEquals(List.of(), hits("AptListsNotRemoved", "FROM debian:12.5\nRUN --mount=type=tmpfs,target=/var/lib/apt/lists apt-get update && apt-get install -y --no-install-recommends git\n"));
        assertEquals(List.of(), hits("PipCacheKept", "FROM python:3.12.1\nRUN --mount=type=tmpfs,target=/root/.cache/pip pip install flask\n"));
        assertEquals(List.of(), hits("PackageCacheKept", "FROM alpine:3.19.1\nRUN --mount=type=tmpfs,target=/var/cache/apk apk add curl\n"));
        assertEquals(List.of(), hits("PackageCacheKept", "FROM opensuse/leap:15.5\nRUN --mount=type=tmpfs,target=/var/cache/zypp zypper install -y git\n"));
        assertEquals(List.of(), hits("TempFilesKept", "FROM debian:12.5\nRUN --mount=type=tmpfs,target=/tmp curl -o /tmp/x.tgz https://e.com/x.tgz && tar -xzf /tmp/x.tgz -C /opt\n"));
        assertEquals(List.of("PackageCacheKept@2"), hits("PackageCacheKept", "FROM alpine:3.19.1\nRUN --mount=type=tmpfs,target=/tmp apk add curl\n"),
                "a tmpfs elsewhere does not cover the cache");
        assertEquals(List.of("PackageCacheKept@2"), hits("PackageCacheKept", "FROM alpine:3.19.1\nRUN --mount=type=bind,target=/var/cache/apk apk add curl\n"),
                "a bind mount is not discarded");
    }

    @Test
    void cleanupMustComeAfterTheLastCommandThatFillsTheCache() {
        assertEquals(List.of("PackageCacheKept@2"), hits("PackageCacheKept", "FROM centos:7.9.2009\nRUN yum clean all && yum install -y git\n"));
        assertEquals(List.of("PackageCacheKept@2"), hits("PackageCacheKept", "FROM opensuse/leap:15.5\nRUN zypper clean && zypper install -y git\n"));
        assertEquals(List.of("PackageCacheKept@2"), hits("PackageCacheKept", "FROM node:20.11.1\nRUN yarn cache clean && yarn install\n"));
        assertEquals(List.of("PackageCacheKept@2"), hits("PackageCacheKept", "FROM alpine:3.19.1\nRUN rm -rf /var/cache/apk/* && apk add curl\n"));
        assertEquals(List.of("AptListsNotRemoved@2"), hits("AptListsNotRemoved",
                "FROM debian:12.5\nRUN apt-get update && rm -rf /var/lib/apt/lists/* && apt-get update && apt-get install -y --no-install-recommends git\n"));
        assertEquals(List.of("PipCacheKept@2"), hits("PipCacheKept", "FROM python:3.12.1\nRUN pip cache purge && pip install flask\n"));
        assertEquals(List.of("PackageCacheKept@2"), hits("PackageCacheKept",
                "FROM fedora:40\nRUN dnf install -y git && if [ -n \"$CLEAN\" ]; then dnf clean all; fi\n"), "a branch that may not run");
        assertEquals(List.of("PackageCacheKept@2"), hits("PackageCacheKept", "FROM fedora:40\nRUN dnf install -y git || dnf clean all\n"),
                "runs only when the install failed");
        assertEquals(List.of("PackageCacheKept@2"), hits("PackageCacheKept", "FROM fedora:40\nRUN dnf install -y a && dnf clean all && dnf install -y b\n"),
                "the second install fills the cache again");
        assertEquals(List.of(), hits("PackageCacheKept", "FROM centos:7.9.2009\nRUN yum clean all && yum install -y git && yum clean all\n"));
        assertEquals(List.of(), hits("PackageCacheKept", "FROM opensuse/leap:15.5\nRUN zypper install -y git && zypper clean --all\n"));
        assertEquals(List.of(), hits("PackageCacheKept", "FROM node:20.11.1\nRUN yarn install && yarn cache clean\n"));
        assertEquals(List.of(), hits("PackageCacheKept", "FROM fedora:40\nRUN set -e; dnf install -y git; dnf clean all\n"));
        assertEquals(List.of(), hits("AptListsNotRemoved", "FROM debian:12.5\nRUN <<EOF\napt-get update\napt-get install -y --no-install-recommends git\n"
                + "rm -rf /var/lib/apt/lists/*\nEOF\n"));
    }

    @Test
    void exportedSwitchesCountLikeEnv() {
        assertEquals(List.of(), hits("PipCacheKept", "FROM python:3.12.1\nRUN export PIP_NO_CACHE_DIR=1 && pip install flask\n"));
        assertEquals(List.of(), hits("PipCacheKept", "FROM python:3.12.1\nRUN export PIP_NO_CACHE_DIR=off; pip install flask\n"),
                "pip turns its cache off for any boolean");
        assertEquals(List.of(), hits("PipCacheKept", "FROM python:3.12.1\nENV PIP_NO_CACHE_DIR=false\nRUN pip install flask\n"));
        assertEquals(List.of("PipCacheKept@2"), hits("PipCacheKept", "FROM python:3.12.1\nRUN pip install flask && export PIP_NO_CACHE_DIR=1\n"),
                "exported after the install");
        assertEquals(List.of("PipCacheKept@2"), hits("PipCacheKept", "FROM python:3.12.1\nRUN export PIP_NO_CACHE_DIR=please && pip install flask\n"),
                "not a boolean: pip stops with an error");
        assertEquals(List.of("PipCacheKept@2"), hits("PipCacheKept", "FROM python:3.12.1\nRUN export PIP_NO_CACHE=1 && pip install flask\n"));
        assertEquals(List.of(), hits("PackageCacheKept", "FROM python:3.12.1\nRUN export UV_NO_CACHE=1 && uv pip install flask\n"));
        assertEquals(List.of("PackageCacheKept@2"), hits("PackageCacheKept", "FROM python:3.12.1\nRUN export UV_NO_CACHE=0 && uv pip install flask\n"));
    }

    @Test
    void debsKeptOnceDockerCleanIsTurnedOff() {
        String df = "FROM debian:12.5\nRUN rm -f /etc/apt/apt.conf.d/docker-clean\n"
                + "RUN --mount=type=cache,target=/var/lib/apt apt-get update && apt-get install -y --no-install-recommends git\n"
                + "RUN --mount=type=cache,target=/var/cache/apt --mount=type=cache,target=/var/lib/apt apt-get update && apt-get install -y --no-install-recommends curl\n"
                + "RUN apt-get update && apt-get install -y --no-install-recommends jq && apt-get clean && rm -rf /var/lib/apt/lists/*\n";
        assertEquals(List.of("PackageCacheKept@3"), hits("PackageCacheKept", df));
        assertTrue(lint(df).stream().filter(f -> f.ruleId().equals("PackageCacheKept")).findFirst().orElseThrow().message()
                .contains("the RUN at line 2 turned off"));
        assertEquals(List.of("PackageCacheKept@2"), hits("PackageCacheKept", "FROM debian:12.5\nRUN echo 'Binary::apt::APT::Keep-Downloaded-Packages \"true\";' "
                + "> /etc/apt/apt.conf.d/keep-cache && apt-get update && apt-get install -y --no-install-recommends git && rm -rf /var/lib/apt/lists/*\n"));
        assertEquals(List.of(), hits("PackageCacheKept", "FROM debian:12.5\nRUN apt-get update && apt-get install -y --no-install-recommends git\n"),
                "the image's hook deletes the .deb files");
    }
}
