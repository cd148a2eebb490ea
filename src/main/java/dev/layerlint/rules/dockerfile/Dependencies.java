package dev.layerlint.rules.dockerfile;

import dev.layerlint.shell.PackageManagerCall;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Which package-manager calls install a project's dependencies, and from which manifest files. */
final class Dependencies {

    /**
     * A dependency install.
     *
     * @param call        the package-manager call
     * @param description how to name it in a message, e.g. {@code pip install -r requirements.txt}
     * @param manifests   the files it reads, to copy first; empty for packages named on the command line
     */
    record Install(PackageManagerCall call, String description, List<String> manifests) {
    }

    private static final Set<String> MAVEN_RESOLVING = Set.of("package", "install", "verify", "compile", "test",
            "dependency:go-offline", "dependency:resolve", "dependency:resolve-plugins", "de.qaware.maven:go-offline-maven-plugin:resolve-dependencies");

    private Dependencies() {
    }

    static Optional<Install> install(PackageManagerCall call) {
        String sub = call.subcommand();
        return switch (call.manager()) {
            case PIP -> !sub.equals("install") ? Optional.empty()
                    : call.hasOption("-r", "--requirement")
                    ? found(call, "pip install -r " + String.join(" ", call.optionValues(call.hasOption("-r") ? "-r" : "--requirement")),
                    call.optionValues(call.hasOption("-r") ? "-r" : "--requirement"))
                    : namedPackages(call, "pip install");
            case APT_GET, APT, APTITUDE, DNF, YUM, MICRODNF, ZYPPER -> sub.equals("install") ? namedPackages(call,
                    call.manager().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + " install") : Optional.empty();
            case APK -> sub.equals("add") ? namedPackages(call, "apk add") : Optional.empty();
            case NPM -> (sub.equals("ci") || sub.equals("install") || sub.equals("i")) && call.operands().isEmpty()
                    ? found(call, "npm " + sub, List.of("package.json", "package-lock.json")) : Optional.empty();
            case YARN -> (sub.isEmpty() || sub.equals("install")) ? found(call, "yarn install", List.of("package.json", "yarn.lock"))
                    : Optional.empty();
            case PNPM -> sub.equals("install") || sub.equals("i")
                    ? found(call, "pnpm install", List.of("package.json", "pnpm-lock.yaml")) : Optional.empty();
            case POETRY -> sub.equals("install") ? found(call, "poetry install", List.of("pyproject.toml", "poetry.lock"))
                    : Optional.empty();
            case PIPENV -> sub.equals("install") && call.operands().isEmpty()
                    ? found(call, "pipenv install", List.of("Pipfile", "Pipfile.lock")) : Optional.empty();
            case BUNDLE -> sub.isEmpty() || sub.equals("install") ? found(call, "bundle install", List.of("Gemfile", "Gemfile.lock"))
                    : Optional.empty();
            case COMPOSER -> sub.equals("install") ? found(call, "composer install", List.of("composer.json", "composer.lock"))
                    : Optional.empty();
            case GO -> sub.equals("mod download") ? found(call, "go mod download", List.of("go.mod", "go.sum")) : Optional.empty();
            case MVN -> MAVEN_RESOLVING.contains(sub) || call.operands().stream().anyMatch(MAVEN_RESOLVING::contains)
                    ? found(call, "mvn " + (sub.isEmpty() ? String.join(" ", call.operands()) : sub), List.of("pom.xml"))
                    : Optional.empty();
            default -> Optional.empty();
        };
    }

    /** An install of packages named on the command line: it reads no project file, so it can simply move up. */
    private static Optional<Install> namedPackages(PackageManagerCall call, String command) {
        List<String> packages = call.operands().stream().filter(o -> !o.startsWith(".") && !o.startsWith("/") && !o.contains("$")).toList();
        if (packages.isEmpty() || packages.size() != call.operands().size()) {
            return Optional.empty();
        }
        return Optional.of(new Install(call, command + " " + String.join(" ", packages), List.of()));
    }

    private static Optional<Install> found(PackageManagerCall call, String description, List<String> manifests) {
        return Optional.of(new Install(call, description, manifests.stream().map(m -> m.replaceFirst("^\\./", "")).toList()));
    }
}
