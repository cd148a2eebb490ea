package dev.layerlint.shell;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An invocation of a package manager: {@code apt-get install -y --no-install-recommends curl} is
 * {@link PackageManager#APT_GET}, subcommand {@code install}, options {@code -y} and
 * {@code --no-install-recommends}, operands {@code [curl]}.
 *
 * @param manager    the package manager
 * @param subcommand the subcommand as written ({@code install}, {@code add}, {@code ci}); two words for
 *                   command groups ({@code go mod download} gives {@code mod download}, {@code uv pip install}
 *                   gives {@code pip install}); for Maven and Gradle, the goals or tasks joined by a space;
 *                   {@code install} for a bare {@code yarn} or {@code bundle}; empty when none is given
 * @param options    the options, global ones included, in order
 * @param operands   the words after the subcommand that are not options (packages, files); for Maven and
 *                   Gradle, the goals or tasks
 * @param command    the command this call was read from
 */
public record PackageManagerCall(PackageManager manager, String subcommand, List<Option> options,
                                 List<String> operands, SimpleCommand command) {

    public PackageManagerCall {
        Objects.requireNonNull(manager, "manager");
        Objects.requireNonNull(subcommand, "subcommand");
        options = List.copyOf(options);
        operands = List.copyOf(operands);
        Objects.requireNonNull(command, "command");
    }

    /**
     * True when the call downloads or installs packages: its subcommand is one of the manager's
     * {@link PackageManager#installSubcommands()}.
     */
    public boolean installs() {
        return manager.installSubcommands().contains(subcommand);
    }

    /** True when the call is made with any of {@code names} ({@code --no-cache}, {@code -y}). */
    public boolean hasOption(String... names) {
        for (String name : names) {
            if (options.stream().anyMatch(option -> option.name().equals(name))) {
                return true;
            }
        }
        return false;
    }

    /** The value of the last {@code name} option that has one. */
    public Optional<String> optionValue(String name) {
        List<String> values = optionValues(name);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(values.size() - 1));
    }

    /** The values of every {@code name} option, in order ({@code -r a.txt -r b.txt}). */
    public List<String> optionValues(String name) {
        return options.stream()
                .filter(option -> option.name().equals(name))
                .flatMap(option -> option.value().stream())
                .toList();
    }

    /** The option names, in order of first appearance. */
    public Set<String> optionNames() {
        Set<String> names = new LinkedHashSet<>();
        options.forEach(option -> names.add(option.name()));
        return names;
    }
}
