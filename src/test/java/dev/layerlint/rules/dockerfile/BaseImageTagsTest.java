package dev.layerlint.rules.dockerfile;

import dev.layerlint.dockerfile.ImageRef;
import dev.layerlint.report.Finding;
import dev.layerlint.rules.dockerfile.BaseImages.Precision;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.layerlint.rules.LintAssertions.hits;
import static dev.layerlint.rules.LintAssertions.lint;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** How the base-image rules read distribution tags: point releases, codenames, suites and dated snapshots. */
class BaseImageTagsTest {

    @Test
    void precisionOfDistributionAndApplicationTags() {
        Map<String, Precision> expected = new LinkedHashMap<>();
        expected.put("debian:12.5-slim", Precision.FULL);
        expected.put("debian:12.5", Precision.FULL);
        expected.put("arm32v7/debian:11.9", Precision.FULL);
        expected.put("debian:12-slim", Precision.MAJOR);
        expected.put("debian:bookworm-slim", Precision.CODENAME);
        expected.put("debian:bookworm-backports", Precision.CODENAME);
        expected.put("arm32v7/debian:buster", Precision.CODENAME);
        expected.put("debian:bookworm-20240311-slim", Precision.FULL);
        expected.put("debian:bookworm-20240311", Precision.FULL);
        expected.put("debian:stable", Precision.FLOATING);
        expected.put("debian:stable-slim", Precision.FLOATING);
        expected.put("debian:stable-20240311", Precision.FULL);
        expected.put("debian:testing", Precision.FLOATING);
        expected.put("debian:sid-slim", Precision.FLOATING);
        expected.put("debian:sid-20240311-slim", Precision.FULL);
        expected.put("debian:oldstable", Precision.FLOATING);
        expected.put("debian:rc-buggy", Precision.FLOATING);
        expected.put("debian:rc-buggy-20240311", Precision.FULL);
        expected.put("ubuntu:22.04", Precision.FULL);
        expected.put("ubuntu:jammy", Precision.FULL);
        expected.put("ubuntu:jammy-20240227", Precision.FULL);
        expected.put("ubuntu:rolling", Precision.FLOATING);
        expected.put("ubuntu:devel", Precision.FLOATING);
        expected.put("ubuntu:latest", Precision.FLOATING);
        expected.put("fedora:40", Precision.FULL);
        expected.put("fedora:rawhide", Precision.FLOATING);
        expected.put("alpine:3.19", Precision.MINOR);
        expected.put("alpine:3.19.1", Precision.FULL);
        expected.put("alpine:3", Precision.MAJOR);
        expected.put("alpine:edge", Precision.FLOATING);
        expected.put("alpine:20240315", Precision.FULL);
        expected.put("python:3.11", Precision.MINOR);
        expected.put("python:3.11-bookworm", Precision.MINOR);
        expected.put("python:3.11.6-slim-bookworm", Precision.FULL);
        expected.put("python:bookworm", Precision.FLOATING);
        expected.put("buildpack-deps:jammy", Precision.FLOATING);
        expected.put("node:18", Precision.MAJOR);
        expected.put("node:lts-bookworm", Precision.FLOATING);
        expected.put("openjdk:17-bullseye", Precision.MAJOR);
        expected.put("gcr.io/distroless/java21-debian12", Precision.NONE);
        expected.put("python", Precision.NONE);
        Map<String, Precision> actual = new LinkedHashMap<>();
        expected.keySet().forEach(ref -> actual.put(ref, BaseImages.precision(ImageRef.parse(ref))));
        assertEquals(expected, actual);
    }

    @Test
    void pointReleasesAndDatedSnapshotsAreQuiet() {
        String df = "FROM debian:12.5-slim AS a\nFROM ubuntu:22.04 AS b\nFROM ubuntu:jammy AS c\nFROM debian:bookworm-20240311-slim AS d\n"
                + "FROM ubuntu:jammy-20240227 AS e\nFROM debian:stable-20240311 AS f\nFROM fedora:40 AS g\nFROM docker.io/library/debian:11.9\n";
        assertEquals(List.of(), lint(df).stream().filter(f -> f.ruleId().startsWith("BaseImage")).toList());
    }

    @Test
    void codenamesAndSuitesAreUnpinned() {
        String df = "FROM debian:bookworm-slim AS a\nFROM debian:stable AS b\nFROM debian:sid-slim AS c\nFROM ubuntu:rolling AS d\n"
                + "FROM python:bookworm AS e\nFROM debian:12-slim AS f\nFROM arm32v7/debian:buster\n";
        assertEquals(List.of("BaseImageUnpinned@1", "BaseImageUnpinned@2", "BaseImageUnpinned@3", "BaseImageUnpinned@4",
                "BaseImageUnpinned@5", "BaseImageUnpinned@6", "BaseImageUnpinned@7"), hits("BaseImageUnpinned", df));
        assertEquals(List.of(), hits("BaseImageFloatingTag", df));
        List<String> messages = lint(df).stream().filter(f -> f.ruleId().equals("BaseImageUnpinned")).map(Finding::message).toList();
        assertEquals("base image debian:bookworm-slim names only the release codename `bookworm`, so point releases change the build "
                + "under you: pin the point release or a dated snapshot such as bookworm-<yyyymmdd> (and ideally its digest)", messages.get(0));
        assertEquals("base image debian:sid-slim is on `sid-slim`, which moves with every release: pin a version tag such as debian:<version>-slim (and ideally its digest)",
                messages.get(2));
        assertEquals("base image python:bookworm is on `bookworm`, which moves with every release: pin a version tag such as python:<version>-bookworm (and ideally its digest)",
                messages.get(4));
        assertEquals("base image debian:12-slim names only a major version, so minor releases change the build under you: "
                + "pin the full version (and ideally its digest)", messages.get(5));
    }

    @Test
    void minorOnlyTagsStillFloatWhereTheImageHasPatchReleases() {
        String df = "FROM alpine:3.19 AS a\nFROM python:3.11-bookworm AS b\nFROM debian:12.5-slim\n";
        assertEquals(List.of("BaseImageFloatingTag@1", "BaseImageFloatingTag@2"), hits("BaseImageFloatingTag", df));
        assertEquals("base image python:3.11-bookworm floats with every patch release: pin the full version "
                + "(e.g. python:3.11.x-bookworm) or, best, its digest", lint(df).stream()
                .filter(f -> f.ruleId().equals("BaseImageFloatingTag") && f.line() == 2).findFirst().orElseThrow().message());
    }

    @Test
    void theFloatingTagExampleKeepsTheRegistryAndRedHatsBuildNumbers() {
        String df = "FROM registry.access.redhat.com/ubi9/openjdk-21-runtime:1.24 AS a\n"
                + "FROM registry.example.com:5000/base/python:3.12-slim\n";
        assertEquals(List.of(
                        "base image registry.access.redhat.com/ubi9/openjdk-21-runtime:1.24 floats with every patch release: pin the full "
                                + "version (e.g. registry.access.redhat.com/ubi9/openjdk-21-runtime:1.24-<build> (Red Hat tags add a build "
                                + "number, e.g. 1.24-2)) or, best, its digest",
                        "base image registry.example.com:5000/base/python:3.12-slim floats with every patch release: pin the full "
                                + "version (e.g. registry.example.com:5000/base/python:3.12.x-slim) or, best, its digest"),
                lint(df).stream().filter(f -> f.ruleId().equals("BaseImageFloatingTag")).map(f -> f.message()).toList());
    }
}
