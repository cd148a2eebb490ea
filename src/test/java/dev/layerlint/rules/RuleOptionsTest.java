package dev.layerlint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.layerlint.dockerfile.ImageRef;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleOptionsTest {

    @Test
    void toolchainPackagesMatchWholeNamesWithoutVersions() {
        RuleOptions options = new RuleOptions(List.of(), List.of(), List.of("gcc", "clang-[0-9.]+"));
        assertTrue(options.isToolchainPackage("gcc"));
        assertTrue(options.isToolchainPackage("gcc=4:12.2.0-3"));
        assertTrue(options.isToolchainPackage("clang-15"));
        assertTrue(options.isToolchainPackage("clang-15:amd64"));
        assertFalse(options.isToolchainPackage("gcc-doc"));
        assertFalse(options.isToolchainPackage("libgcc"));
        assertFalse(options.isToolchainPackage("clang-"));
        assertFalse(new RuleOptions(List.of(), List.of(), List.of()).isToolchainPackage("gcc"));
    }

    @Test
    void anInvalidToolchainPatternIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RuleOptions(List.of(), List.of(), List.of("gcc", "g++(")));
        assertEquals("toolchainPackages: 'g++(' is not a regular expression: Unclosed group at index 4", e.getMessage());
    }

    @Test
    void allowedBaseImagesAreGlobsOverTheWholeReference() {
        RuleOptions options = new RuleOptions(List.of(), List.of("eclipse-temurin:*-jre*", "gcr.io/distroless/*"));
        assertTrue(options.allowsBaseImage(ImageRef.parse("eclipse-temurin:21-jre-alpine")));
        assertTrue(options.allowsBaseImage(ImageRef.parse("gcr.io/distroless/java21")));
        assertFalse(options.allowsBaseImage(ImageRef.parse("eclipse-temurin:21-jdk")));
        assertFalse(options.allowsBaseImage(ImageRef.parse("docker.io/eclipse-temurin:21-jre")));
    }

    @Test
    void fatJarThresholdIsTenMegabytesUnlessConfiguredAndNeverNegative() {
        assertEquals(10_000_000L, RuleOptions.DEFAULTS.fatJarThreshold());
        assertEquals(10_000_000L, new RuleOptions(List.of(), List.of()).fatJarThreshold());
        assertEquals(25L << 20, new RuleOptions(List.of(), List.of(), List.of(), 25L << 20).fatJarThreshold());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RuleOptions(List.of(), List.of(), List.of(), -1));
        assertEquals("fatJarThreshold: a size cannot be negative: -1", e.getMessage());
    }
}
