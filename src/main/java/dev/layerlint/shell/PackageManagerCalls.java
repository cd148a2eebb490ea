package dev.layerlint.shell;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognises package-manager invocations among simple commands and splits their arguments into options
 * and operands. Each manager's table names only what is needed to tell options from operands: the options
 * that take their value from the next word, and the command groups whose subcommand is two words long.
 */
final class PackageManagerCalls {

    /**
     * How a manager reads its arguments.
     *
     * @param shortClusters    {@code -yq} means {@code -y -q}
     * @param optionsWithValue options whose value may be the next word
     * @param attachedValues   short options whose value is glued to them ({@code -DskipTests}, {@code -Pprod})
     * @param commandGroups    subcommands followed by a second subcommand word ({@code go mod download})
     * @param bareSubcommand   the subcommand when none is given
     * @param goals            every non-option word is a goal or task (Maven, Gradle)
     * @param flagsBySubcommand options of {@code optionsWithValue} that take no value after some subcommand
     *                         ({@code conda clean -f} forces, {@code conda env create -f} names a file)
     */
    private record Syntax(boolean shortClusters, Set<String> optionsWithValue, Set<String> attachedValues,
                          Set<String> commandGroups, String bareSubcommand, boolean goals,
                          Map<String, Set<String>> flagsBySubcommand) {

        static Syntax of(boolean shortClusters, Set<String> optionsWithValue, Set<String> commandGroups) {
            return new Syntax(shortClusters, optionsWithValue, Set.of(), commandGroups, "", false, Map.of());
        }

        static Syntax goals(Set<String> optionsWithValue, Set<String> attachedValues) {
            return new Syntax(false, optionsWithValue, attachedValues, Set.of(), "", true, Map.of());
        }

        Syntax withBareSubcommand(String subcommand) {
            return new Syntax(shortClusters, optionsWithValue, attachedValues, commandGroups, subcommand, goals,
                    flagsBySubcommand);
        }

        Syntax withFlags(String subcommand, Set<String> flags) {
            return new Syntax(shortClusters, optionsWithValue, attachedValues, commandGroups, bareSubcommand, goals,
                    Map.of(subcommand, flags));
        }

        /** True when option {@code name}, met after {@code subcommand} (empty before it), takes a value. */
        boolean takesValue(String name, String subcommand) {
            return optionsWithValue.contains(name)
                    && !flagsBySubcommand.getOrDefault(subcommand, Set.of()).contains(name);
        }
    }

    private static final Pattern PYTHON = Pattern.compile("python([0-9]+(\\.[0-9]+)*)?");
    private static final Pattern COMPOSER_SCRIPT = Pattern.compile("composer(\\.phar)?");
    private static final Map<String, PackageManager> PYTHON_MODULES = Map.of(
            "pip", PackageManager.PIP, "pipenv", PackageManager.PIPENV,
            "poetry", PackageManager.POETRY, "uv", PackageManager.UV);
    private static final Set<String> COREPACK_MANAGERS = Set.of("yarn", "pnpm", "npm");
    /** Options with which a bare {@code yarn} or {@code bundle} prints something instead of installing. */
    private static final Set<String> INFORMATION_OPTIONS = Set.of("--version", "-v", "-V", "--help", "-h");

    private static final Map<PackageManager, Syntax> SYNTAX = syntaxTable();

    private PackageManagerCalls() {
    }

    private static Map<PackageManager, Syntax> syntaxTable() {
        Map<PackageManager, Syntax> table = new EnumMap<>(PackageManager.class);
        Syntax apt = Syntax.of(true, Set.of("-o", "--option", "-c", "--config-file", "-t", "--target-release",
                "--default-release", "-a", "--host-architecture"), Set.of());
        table.put(PackageManager.APT_GET, apt);
        table.put(PackageManager.APT, apt);
        table.put(PackageManager.APTITUDE, apt);
        table.put(PackageManager.APK, Syntax.of(true, Set.of("-t", "--virtual", "-X", "--repository", "-p", "--root",
                "--repositories-file", "--cache-dir", "--arch", "--keys-dir", "--cache-max-age"), Set.of()));
        Syntax dnf = Syntax.of(true, Set.of("-c", "--config", "-x", "--exclude", "--setopt", "--installroot",
                "--releasever", "--enablerepo", "--disablerepo", "--repo", "--repoid", "--downloaddir", "--destdir",
                "--forcearch", "-d", "--debuglevel", "-e", "--errorlevel", "--enableplugin", "--disableplugin"),
                Set.of("module", "group", "groups"));
        table.put(PackageManager.DNF, dnf);
        table.put(PackageManager.YUM, dnf);
        table.put(PackageManager.MICRODNF, dnf);
        table.put(PackageManager.ZYPPER, Syntax.of(true, Set.of("-R", "--root", "-c", "--config", "-t", "--type",
                "-r", "--repo", "--from"), Set.of()));
        table.put(PackageManager.PIP, Syntax.of(true, Set.of("-r", "--requirement", "-c", "--constraint",
                "-e", "--editable", "-i", "--index-url", "--extra-index-url", "-f", "--find-links", "-t", "--target",
                "--prefix", "--root", "--cache-dir", "--src", "--platform", "--python-version", "--implementation",
                "--abi", "--upgrade-strategy", "--only-binary", "--no-binary", "--progress-bar", "--log", "--timeout",
                "--retries", "--trusted-host", "--proxy", "--cert", "--client-cert", "-C", "--config-settings",
                "--global-option", "--report", "--python", "--exists-action", "--root-user-action"),
                Set.of("cache", "config")));
        table.put(PackageManager.UV, Syntax.of(true, Set.of("-r", "--requirement", "--requirements", "-c",
                "--constraint", "--constraints", "--override", "-p", "--python", "-i", "--index-url",
                "--extra-index-url", "--index", "--default-index", "-f", "--find-links", "-t", "--target", "--prefix",
                "--cache-dir", "--group", "--only-group", "--no-group", "--extra", "--package", "-e", "--editable",
                "--project", "--directory", "--no-install-package", "--python-platform", "-P", "--upgrade-package"),
                Set.of("pip", "tool", "python", "cache")));
        table.put(PackageManager.POETRY, Syntax.of(true, Set.of("--only", "--with", "--without", "-E", "--extras",
                "-C", "--directory", "-P", "--project", "-G", "--group", "--source"),
                Set.of("self", "env", "cache", "source", "debug")));
        table.put(PackageManager.PIPENV, Syntax.of(true, Set.of("--python", "--pypi-mirror", "--categories",
                "-r", "--requirements", "--extra-pip-args"), Set.of()));
        Syntax conda = Syntax.of(true, Set.of("-n", "--name", "-p", "--prefix", "-c", "--channel", "-f", "--file",
                "--repodata-fn", "--subdir", "--platform"), Set.of("env")).withFlags("clean", Set.of("-f"));
        table.put(PackageManager.CONDA, conda);
        table.put(PackageManager.MAMBA, conda);
        table.put(PackageManager.NPM, Syntax.of(false, Set.of("--prefix", "--omit", "--include", "--registry",
                "--cache", "-w", "--workspace", "--loglevel", "--tag", "--userconfig", "--only", "--location",
                "--install-strategy", "--before", "-C"), Set.of("cache")));
        table.put(PackageManager.YARN, Syntax.of(false, Set.of("--cwd", "--modules-folder", "--cache-folder",
                "--network-timeout", "--mutex", "--registry", "--network-concurrency"),
                Set.of("cache", "global", "workspaces")).withBareSubcommand("install"));
        table.put(PackageManager.PNPM, Syntax.of(false, Set.of("-F", "--filter", "-C", "--dir", "--store-dir",
                "--reporter", "--loglevel", "--registry"), Set.of("store")));
        table.put(PackageManager.GEM, Syntax.of(true, Set.of("-v", "--version", "-i", "--install-dir", "-n",
                "--bindir", "-s", "--source", "--platform", "-p", "--http-proxy", "--build-root"), Set.of()));
        table.put(PackageManager.BUNDLE, Syntax.of(true, Set.of("--without", "--with", "--path", "-j", "--jobs",
                "--retry", "--gemfile"), Set.of()).withBareSubcommand("install"));
        table.put(PackageManager.GO, Syntax.of(false, Set.of("-o", "-ldflags", "-gcflags", "-asmflags", "-tags",
                "-mod", "-modfile", "-p", "-buildmode", "-C", "-installsuffix", "-pkgdir", "-toolexec", "-overlay",
                "-pgo", "-run", "-exec", "-covermode", "-coverprofile", "-coverpkg", "-timeout", "-count", "-bench",
                "-cpu", "-compiler", "-gccgoflags"), Set.of("mod", "work")));
        table.put(PackageManager.MVN, Syntax.goals(Set.of("-f", "--file", "-s", "--settings", "-gs",
                "--global-settings", "-P", "--activate-profiles", "-pl", "--projects", "-rf", "--resume-from", "-T",
                "--threads", "-t", "--toolchains", "-gt", "--global-toolchains", "-l", "--log-file", "-D", "--define",
                "-b", "--builder", "-emp", "--encrypt-master-password", "-ep", "--encrypt-password"),
                Set.of("-D", "-P")));
        table.put(PackageManager.GRADLE, Syntax.goals(Set.of("-x", "--exclude-task", "-p", "--project-dir",
                "-b", "--build-file", "-c", "--settings-file", "-g", "--gradle-user-home", "-I", "--init-script",
                "-D", "--system-prop", "-P", "--project-prop", "--console", "--warning-mode", "--priority",
                "--include-build", "-M", "--write-verification-metadata", "-F", "--dependency-verification"),
                Set.of("-D", "-P")));
        table.put(PackageManager.CARGO, Syntax.of(true, Set.of("--root", "--target", "-p", "--package", "-F",
                "--features", "--manifest-path", "--target-dir", "-j", "--jobs", "--bin", "--example", "--profile",
                "--version", "--vers", "--git", "--branch", "--tag", "--rev", "--registry", "--index", "-Z",
                "--config", "--color", "--message-format", "--path", "--lockfile-path"), Set.of()));
        table.put(PackageManager.COMPOSER, Syntax.of(true, Set.of("-d", "--working-dir"), Set.of("global")));
        return table;
    }

    /** The package-manager call {@code command} makes, if it makes one. */
    static Optional<PackageManagerCall> recognise(SimpleCommand command) {
        String program = command.program();
        List<String> args = command.args();
        Optional<PackageManager> direct = PackageManager.ofProgram(program);
        if (direct.isPresent()) {
            return Optional.of(read(direct.get(), args, command));
        }
        if (PYTHON.matcher(program).matches()) {
            return pythonModule(args).map(start -> read(PYTHON_MODULES.get(args.get(start - 1)),
                    args.subList(start, args.size()), command));
        }
        if (program.equals("corepack") && !args.isEmpty() && COREPACK_MANAGERS.contains(args.get(0))) {
            return PackageManager.ofProgram(args.get(0))
                    .map(manager -> read(manager, args.subList(1, args.size()), command));
        }
        if (program.equals("php") && !args.isEmpty()
                && COMPOSER_SCRIPT.matcher(SimpleCommand.baseName(args.get(0))).matches()) {
            return Optional.of(read(PackageManager.COMPOSER, args.subList(1, args.size()), command));
        }
        return Optional.empty();
    }

    /**
     * For {@code python [options] -m MODULE args}, with MODULE a package manager, the index in {@code args}
     * of the first argument after MODULE.
     */
    private static Optional<Integer> pythonModule(List<String> args) {
        int i = 0;
        while (i < args.size() && args.get(i).startsWith("-")) {
            String arg = args.get(i);
            if (arg.equals("-m")) {
                boolean known = i + 1 < args.size() && PYTHON_MODULES.containsKey(args.get(i + 1));
                return known ? Optional.of(i + 2) : Optional.empty();
            }
            if (arg.equals("-c")) {
                return Optional.empty();
            }
            i += arg.equals("-W") || arg.equals("-X") ? 2 : 1;
        }
        return Optional.empty();
    }

    private static PackageManagerCall read(PackageManager manager, List<String> args, SimpleCommand command) {
        Syntax syntax = SYNTAX.get(manager);
        List<Option> options = new ArrayList<>();
        List<String> positional = new ArrayList<>();
        int i = 0;
        while (i < args.size()) {
            String arg = args.get(i);
            boolean hasNext = i + 1 < args.size();
            String subcommand = positional.isEmpty() ? "" : positional.get(0);
            if (arg.equals("--")) {
                positional.addAll(args.subList(i + 1, args.size()));
                break;
            }
            if (arg.startsWith("--")) {
                int equals = arg.indexOf('=');
                if (equals > 0) {
                    options.add(Option.withValue(arg.substring(0, equals), arg.substring(equals + 1)));
                } else if (syntax.takesValue(arg, subcommand) && hasNext) {
                    options.add(Option.withValue(arg, args.get(++i)));
                } else {
                    options.add(Option.flag(arg));
                }
            } else if (manager == PackageManager.CARGO && arg.startsWith("+") && positional.isEmpty()) {
                options.add(Option.flag(arg));
            } else if (arg.startsWith("-") && arg.length() > 1) {
                Optional<String> next = hasNext ? Optional.of(args.get(i + 1)) : Optional.empty();
                i += readShortOption(syntax, subcommand, arg, next, options);
            } else {
                positional.add(arg);
            }
            i++;
        }
        return callOf(manager, syntax, options, positional, command);
    }

    /** Reads a short option or a cluster of them; returns 1 when it consumed the next word as a value, else 0. */
    private static int readShortOption(Syntax syntax, String subcommand, String arg, Optional<String> next,
                                       List<Option> options) {
        for (String prefix : syntax.attachedValues()) {
            if (arg.startsWith(prefix) && arg.length() > prefix.length()) {
                options.add(Option.withValue(prefix, arg.substring(prefix.length())));
                return 0;
            }
        }
        if (!syntax.shortClusters()) {
            int equals = arg.indexOf('=');
            if (equals > 0) {
                options.add(Option.withValue(arg.substring(0, equals), arg.substring(equals + 1)));
                return 0;
            }
            return optionWithNextValue(syntax.takesValue(arg, subcommand), arg, next, options);
        }
        for (int j = 1; j < arg.length(); j++) {
            String name = "-" + arg.charAt(j);
            String rest = arg.substring(j + 1);
            if (rest.startsWith("=")) {
                options.add(Option.withValue(name, rest.substring(1)));
                return 0;
            }
            if (syntax.takesValue(name, subcommand)) {
                if (!rest.isEmpty()) {
                    options.add(Option.withValue(name, rest));
                    return 0;
                }
                return optionWithNextValue(true, name, next, options);
            }
            options.add(Option.flag(name));
        }
        return 0;
    }

    private static int optionWithNextValue(boolean takesValue, String name, Optional<String> next,
                                           List<Option> options) {
        if (takesValue && next.isPresent()) {
            options.add(Option.withValue(name, next.get()));
            return 1;
        }
        options.add(Option.flag(name));
        return 0;
    }

    private static PackageManagerCall callOf(PackageManager manager, Syntax syntax, List<Option> options,
                                             List<String> positional, SimpleCommand command) {
        if (syntax.goals()) {
            return new PackageManagerCall(manager, String.join(" ", positional), options, positional, command);
        }
        if (positional.isEmpty()) {
            boolean asksInformation = options.stream().anyMatch(option -> INFORMATION_OPTIONS.contains(option.name()));
            return new PackageManagerCall(manager, asksInformation ? "" : syntax.bareSubcommand(), options, List.of(),
                    command);
        }
        int subcommandWords = syntax.commandGroups().contains(positional.get(0)) && positional.size() > 1 ? 2 : 1;
        String subcommand = String.join(" ", positional.subList(0, subcommandWords));
        return new PackageManagerCall(manager, subcommand, options,
                positional.subList(subcommandWords, positional.size()), command);
    }
}
