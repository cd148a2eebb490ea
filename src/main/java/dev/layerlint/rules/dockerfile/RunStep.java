package dev.layerlint.rules.dockerfile;

import dev.layerlint.dockerfile.Dockerfile;
import dev.layerlint.dockerfile.Flag;
import dev.layerlint.dockerfile.Instruction;
import dev.layerlint.dockerfile.Keyword;
import dev.layerlint.dockerfile.Stage;
import dev.layerlint.rules.DockerfileRuleContext;
import dev.layerlint.shell.PackageManager;
import dev.layerlint.shell.PackageManagerCall;
import dev.layerlint.shell.ShellReader;
import dev.layerlint.shell.ShellScript;
import dev.layerlint.shell.SimpleCommand;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One RUN as rules see it: what its shell runs (command line, heredoc scripts, exec form), the
 * ENV in effect, its cache and tmpfs mounts, and whether its stage ends up in the image. An
 * {@code ONBUILD RUN} trigger is a step too: it runs in every image built FROM this one, with that
 * image's ENV and SHELL, so the step takes those at the end of its stage.
 *
 * @param stage      the stage the RUN is in
 * @param run        the RUN instruction (for a trigger, the RUN the ONBUILD wraps)
 * @param onbuild    the ONBUILD that wraps {@code run}, for a trigger
 * @param scripts    what the shell reads, under the SHELL in effect
 * @param env        ENV variables in effect before the RUN
 * @param inImage    the stage is the final stage or one it builds on (its layers are in the image, its
 *                   triggers in the image's config)
 * @param cacheMounts targets of {@code --mount=type=cache} and {@code --mount=type=tmpfs}: what the RUN
 *                   writes there stays out of the layer
 * @param commands   every simple command of the scripts, in order
 * @param calls      every package-manager call of the scripts, in order
 */
record RunStep(Stage stage, Instruction run, Optional<Instruction> onbuild, List<ShellScript> scripts,
        StageState.Env env, boolean inImage, Set<String> cacheMounts, List<SimpleCommand> commands,
        List<PackageManagerCall> calls) {

    /** The values pip reads as booleans (strtobool): any of them in PIP_NO_CACHE_DIR turns the cache off. */
    private static final Set<String> BOOLEANS = Set.of("y", "yes", "t", "true", "on", "1", "n", "no", "f", "false", "off", "0");
    private static final Set<String> FALSE_VALUES = Set.of("", "0", "false", "no", "off");

    /**
     * Every RUN of the Dockerfile in order (ONBUILD triggers excluded: they run in another build), read once
     * per lint run and shared by all rules.
     */
    static List<RunStep> all(DockerfileRuleContext context) {
        StageState state = StageState.of(context);
        return context.shared(RunStep.class, () -> read(context.dockerfile(), state));
    }

    /**
     * The RUNs of {@link #all} and the {@code ONBUILD RUN} triggers, in file order: for the rules that judge
     * what one RUN leaves in its own layer, which a trigger leaves in a layer of every child image.
     */
    static List<RunStep> withTriggers(DockerfileRuleContext context) {
        List<RunStep> runs = all(context);
        return context.shared(Trigger.class, () -> {
            List<RunStep> steps = new ArrayList<>(runs);
            steps.addAll(triggers(context.dockerfile(), StageState.of(context)));
            steps.sort(java.util.Comparator.comparingInt(RunStep::line));
            return List.copyOf(steps);
        });
    }

    /** The key of the shared list of steps with triggers. */
    private enum Trigger { KEY }

    private static List<RunStep> read(Dockerfile dockerfile, StageState state) {
        Set<Integer> imageStages = imageStages(dockerfile);
        List<RunStep> steps = new ArrayList<>();
        for (Stage stage : dockerfile.stages()) {
            for (Instruction ins : stage.instructions()) {
                if (ins.is(Keyword.RUN)) {
                    steps.add(of(stage, ins, Optional.empty(), state.shell(ins), state.env(ins), imageStages.contains(stage.index())));
                }
            }
        }
        return steps;
    }

    private static List<RunStep> triggers(Dockerfile dockerfile, StageState state) {
        Set<Integer> imageStages = imageStages(dockerfile);
        List<RunStep> steps = new ArrayList<>();
        for (Stage stage : dockerfile.stages()) {
            for (Instruction ins : stage.instructions()) {
                Optional<Instruction> trigger = ins.trigger().filter(t -> t.is(Keyword.RUN));
                if (ins.is(Keyword.ONBUILD) && trigger.isPresent()) {
                    List<String> shell = Stages.lastInLineage(dockerfile, stage, Keyword.SHELL).map(Instruction::args)
                            .orElse(ShellReader.DEFAULT_SHELL);
                    steps.add(of(stage, trigger.get(), Optional.of(ins), shell, state.envAtEnd(stage), imageStages.contains(stage.index())));
                }
            }
        }
        return steps;
    }

    private static Set<Integer> imageStages(Dockerfile dockerfile) {
        Set<Integer> imageStages = new HashSet<>();
        Stages.lineage(dockerfile, dockerfile.finalStage()).forEach(s -> imageStages.add(s.index()));
        return imageStages;
    }

    private static RunStep of(Stage stage, Instruction run, Optional<Instruction> onbuild, List<String> shell,
            StageState.Env env, boolean inImage) {
        List<ShellScript> scripts = new ArrayList<>();
        for (Instruction.Script script : run.scripts()) {
            scripts.add(script.execArgv().map(ShellReader::read).orElseGet(() -> ShellReader.read(script.text(), shell)));
        }
        Set<String> cacheMounts = new HashSet<>();
        for (Flag mount : run.flags("mount")) {
            Map<String, String> options = mountOptions(mount.valueOrEmpty());
            if ("cache".equals(options.get("type")) || "tmpfs".equals(options.get("type"))) {
                Optional.ofNullable(options.getOrDefault("target", options.getOrDefault("dst", options.get("destination"))))
                        .ifPresent(t -> cacheMounts.add(t.endsWith("/") && t.length() > 1 ? t.substring(0, t.length() - 1) : t));
            }
        }
        return new RunStep(stage, run, onbuild, List.copyOf(scripts), env, inImage, Set.copyOf(cacheMounts), scripts.stream().flatMap(s -> s.commands().stream()).toList(),
                scripts.stream().flatMap(s -> s.packageManagerCalls().stream()).toList());
    }

    private static Map<String, String> mountOptions(String value) {
        Map<String, String> options = new java.util.HashMap<>();
        for (String part : value.split(",")) {
            String[] kv = part.split("=", 2);
            options.put(kv[0].strip().toLowerCase(java.util.Locale.ROOT), kv.length > 1 ? kv[1].strip() : "");
        }
        return options;
    }

    List<PackageManagerCall> calls(PackageManager manager, String... subcommands) {
        List<String> wanted = Arrays.asList(subcommands);
        return calls().stream().filter(c -> c.manager() == manager && (wanted.isEmpty() || wanted.contains(c.subcommand()))).toList();
    }

    /** The line findings about this step point at: the RUN's, or the ONBUILD's for a trigger. */
    int line() {
        return onbuild.orElse(run).line();
    }

    /**
     * Reports a finding at the RUN, or at the ONBUILD for a trigger, whose message then says that the
     * layer is one of every image built FROM this one.
     */
    void report(DockerfileRuleContext context, String message) {
        Instruction at = onbuild.orElse(run);
        context.report(at, inTrigger(at, message));
    }

    /** The message as reported at {@code at}: for an ONBUILD, it says that the trigger runs in every child image. */
    static String inTrigger(Instruction at, String message) {
        return at.is(Keyword.ONBUILD) ? "ONBUILD trigger, run in every image built FROM this one: " + message : message;
    }

    boolean removes(String path) {
        return scripts.stream().anyMatch(s -> s.removes(path));
    }

    /**
     * True when a command that surely runs after {@code after} removes {@code path}: a removal before the
     * command that fills a directory, in an {@code if} branch, or after {@code ||} does not count.
     */
    boolean removesAfter(String path, SimpleCommand after) {
        return surelyAfter(after).stream().anyMatch(c -> ShellScript.removesPath(c, path));
    }

    /** The commands that come after {@code after} in the step and run whenever the RUN succeeds. */
    List<SimpleCommand> surelyAfter(SimpleCommand after) {
        int index = -1;
        for (int i = 0; i < commands.size(); i++) {
            if (commands.get(i) == after) {
                index = i;
            }
        }
        return commands.subList(index + 1, commands.size()).stream()
                .filter(c -> !c.conditional() && c.connector() != dev.layerlint.shell.Connector.OR).toList();
    }

    /** The package-manager calls of {@link #surelyAfter}. */
    List<PackageManagerCall> callsAfter(SimpleCommand after) {
        List<SimpleCommand> later = surelyAfter(after);
        return calls.stream().filter(c -> later.stream().anyMatch(l -> l == c.command())).toList();
    }

    /** A cache or tmpfs mount covers the path (the mount target is the path or one of its parents). */
    boolean cacheMounted(String path) {
        return cacheMounts.stream().anyMatch(t -> path.equals(t) || path.startsWith(t + "/"));
    }

    /**
     * The value {@code command} sees in {@code variable}: its own {@code NAME=value} prefix, else the last
     * {@code export NAME=value} before it in the RUN, else the ENV in effect.
     */
    Optional<String> variable(String variable, SimpleCommand command) {
        if (command.assignments().containsKey(variable)) {
            return Optional.of(command.assignments().get(variable));
        }
        Optional<String> exported = Optional.empty();
        for (SimpleCommand c : commands) {
            if (c == command) {
                break;
            }
            if (c.runs("export") && !c.conditional()) {
                for (String arg : c.args()) {
                    if (arg.startsWith(variable + "=")) {
                        exported = Optional.of(arg.substring(variable.length() + 1));
                    }
                }
            }
        }
        return exported.or(() -> env.get(variable));
    }

    /**
     * The variable is set to a value other than empty, 0, false, no or off — in ENV, exported earlier in the
     * RUN, or as a command prefix.
     */
    boolean flagSet(String variable, SimpleCommand command) {
        return variable(variable, command).map(v -> !FALSE_VALUES.contains(v.strip().toLowerCase(java.util.Locale.ROOT)))
                .orElse(false);
    }

    /**
     * pip's cache is off for {@code command}: {@code PIP_NO_CACHE_DIR} holds any value pip reads as a boolean,
     * {@code 0} and {@code false} included (pip turns the cache off whatever the boolean says).
     */
    boolean pipCacheOff(SimpleCommand command) {
        return variable("PIP_NO_CACHE_DIR", command).map(v -> BOOLEANS.contains(v.strip().toLowerCase(java.util.Locale.ROOT)))
                .orElse(false);
    }

    /** True when nothing in the RUN could be read as a POSIX shell script (rules then stay quiet). */
    boolean unreadable() {
        return scripts.stream().allMatch(s -> s.problem().isPresent() && s.commands().isEmpty());
    }
}
