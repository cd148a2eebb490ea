package dev.layerlint.shell;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The package managers and build tools whose invocations are recognised in a script. */
public enum PackageManager {
    APT_GET(true, "apt-get"),
    APT(true, "apt"),
    APK(true, "apk"),
    DNF(true, "dnf", "dnf5"),
    YUM(true, "yum"),
    MICRODNF(true, "microdnf"),
    ZYPPER(true, "zypper"),
    /** Also {@code pip3}, {@code pip3.11} and {@code python -m pip}. */
    PIP(false, "pip", "pip[0-9]+(\\.[0-9]+)*"),
    UV(false, "uv"),
    POETRY(false, "poetry"),
    PIPENV(false, "pipenv"),
    CONDA(false, "conda"),
    MAMBA(false, "mamba", "micromamba"),
    NPM(false, "npm"),
    /** Also {@code corepack yarn}. */
    YARN(false, "yarn", "yarnpkg"),
    PNPM(false, "pnpm"),
    GEM(false, "gem"),
    BUNDLE(false, "bundle", "bundler"),
    GO(false, "go"),
    /** Also the wrapper, {@code ./mvnw}. */
    MVN(false, "mvn", "mvnw"),
    /** Also the wrapper, {@code ./gradlew}. */
    GRADLE(false, "gradle", "gradlew"),
    CARGO(false, "cargo"),
    /** Also {@code composer.phar} and {@code php composer.phar}. */
    COMPOSER(false, "composer", "composer\\.phar");

    private final boolean system;
    private final List<Pattern> programs;

    PackageManager(boolean system, String... programs) {
        this.system = system;
        this.programs = Arrays.stream(programs).map(Pattern::compile).toList();
    }

    /** True for the managers of operating-system packages (apt, apk, dnf, yum, microdnf, zypper). */
    public boolean system() {
        return system;
    }

    /** The manager whose executable has this base name ({@code pip3.11} gives {@link #PIP}). */
    public static Optional<PackageManager> ofProgram(String program) {
        return Arrays.stream(values())
                .filter(manager -> manager.programs.stream().anyMatch(p -> p.matcher(program).matches()))
                .findFirst();
    }
}
