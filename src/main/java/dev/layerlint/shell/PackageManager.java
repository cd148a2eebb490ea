package dev.layerlint.shell;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The package managers and build tools whose invocations are recognised in a script. */
public enum PackageManager {
    APT_GET(true, Set.of("install", "reinstall", "build-dep"), "apt-get"),
    APT(true, Set.of("install", "reinstall", "build-dep"), "apt"),
    APTITUDE(true, Set.of("install", "reinstall", "build-dep"), "aptitude"),
    APK(true, Set.of("add"), "apk"),
    /** dnf 4 and dnf 5 ({@code dnf5}; the {@code dnf} of Fedora 41 and later). */
    DNF(true, Set.of("install", "in", "reinstall", "rei", "groupinstall", "group install", "module install",
            "localinstall"), "dnf", "dnf5"),
    YUM(true, Set.of("install", "reinstall", "groupinstall", "group install", "localinstall"), "yum"),
    MICRODNF(true, Set.of("install", "reinstall", "module install"), "microdnf"),
    ZYPPER(true, Set.of("install", "in"), "zypper"),
    /** Also {@code pip3}, {@code pip3.11} and {@code python -m pip}. */
    PIP(false, Set.of("install", "download", "wheel"), "pip"),
    UV(false, Set.of("pip install", "pip sync", "sync", "add", "tool install"), "uv"),
    POETRY(false, Set.of("install", "add"), "poetry"),
    PIPENV(false, Set.of("install", "sync"), "pipenv"),
    CONDA(false, Set.of("install", "create", "env create", "env update", "update"), "conda"),
    MAMBA(false, Set.of("install", "create", "env create", "env update", "update"),
            "mamba", "micromamba"),
    NPM(false, Set.of("install", "i", "in", "ins", "inst", "insta", "instal", "add", "ci", "clean-install",
            "install-clean", "ic"), "npm"),
    /** Also {@code corepack yarn}. */
    YARN(false, Set.of("install", "add", "global add"), "yarn", "yarnpkg"),
    PNPM(false, Set.of("install", "i", "add", "install-test", "it"), "pnpm"),
    GEM(false, Set.of("install", "i"), "gem"),
    BUNDLE(false, Set.of("install"), "bundle", "bundler"),
    GO(false, Set.of("get", "install", "mod download"), "go"),
    /** Also the wrapper, {@code ./mvnw}. */
    MVN(false, Set.of(), "mvn", "mvnw"),
    /** Also the wrapper, {@code ./gradlew}. */
    GRADLE(false, Set.of(), "gradle", "gradlew"),
    CARGO(false, Set.of("install", "fetch"), "cargo"),
    /** Also {@code composer.phar} and {@code php composer.phar}. */
    COMPOSER(false, Set.of("install", "require", "update", "global require"),
            "composer", "composer.phar");

    private final boolean system;
    private final Set<String> installSubcommands;
    private final List<String> programs;

    private static final Map<String, PackageManager> BY_PROGRAM = Arrays.stream(values())
            .flatMap(manager -> manager.programs.stream().map(program -> Map.entry(program, manager)))
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));

    PackageManager(boolean system, Set<String> installSubcommands, String... programs) {
        this.system = system;
        this.installSubcommands = installSubcommands;
        this.programs = List.of(programs);
    }

    /** True for the managers of operating-system packages (apt, aptitude, apk, dnf, yum, microdnf, zypper). */
    public boolean system() {
        return system;
    }

    /**
     * The subcommands that download or install packages ({@code apk add}, {@code npm ci}, {@code go mod download}),
     * as {@link PackageManagerCall#subcommand()} reads them; none for the build tools Maven and Gradle.
     */
    public Set<String> installSubcommands() {
        return installSubcommands;
    }

    /** The manager whose executable has this base name ({@code pip3.11} gives {@link #PIP}). */
    public static Optional<PackageManager> ofProgram(String program) {
        PackageManager manager = BY_PROGRAM.get(program);
        if (manager == null && program.startsWith("pip") && isVersion(program, "pip".length())) {
            manager = PIP;
        }
        return Optional.ofNullable(manager);
    }

    /** True for {@code 3} or {@code 3.11} from {@code start} on: digits, in groups separated by single dots. */
    private static boolean isVersion(String text, int start) {
        boolean digitBefore = false;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digitBefore = true;
            } else if (c == '.' && digitBefore) {
                digitBefore = false;
            } else {
                return false;
            }
        }
        return digitBefore;
    }
}
