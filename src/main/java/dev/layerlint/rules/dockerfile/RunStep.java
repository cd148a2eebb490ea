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
 * ENV in effect, its cache mounts, and whether its stage ends up in the image.
 *
 * @param stage      the stage the RUN is in
 * @param run        the RUN instruction
 * @param scripts    what the shell reads, under the SHELL in effect
 * @param env        ENV variables in effect before the RUN
 * @param inImage    the stage is the final stage or one it builds on (its layers are in the image)
 * @param cacheMounts targets of {@code --mount=type=cache}
 * @param commands   every simple command of the scripts, in order
 * @param calls      every package-manager call of the scripts, in order
 */
record RunStep(Stage stage, Instruction run, List<ShellScript> scripts, StageState.Env env, boolean inImage,
        Set<String> cacheMounts, List<SimpleCommand> commands, List<PackageManagerCall> calls) {

    /**
     * Every RUN of the Dockerfile in order (ONBUILD triggers excluded: they run in another build), read once
     * per lint run and shared by all rules.
     */
    static List<RunStep> all(DockerfileRuleContext context) {
        StageState state = StageState.of(context);
        return context.shared(RunStep.class, () -> read(context.dockerfile(), state));
    }

    private static List<RunStep> read(Dockerfile dockerfile, StageState state) {
        Set<Integer> imageStages = new HashSet<>();
        Stages.lineage(dockerfile, dockerfile.finalStage()).forEach(s -> imageStages.add(s.index()));
        List<RunStep> steps = new ArrayList<>();
        for (Stage stage : dockerfile.stages()) {
            for (Instruction ins : stage.instructions()) {
                if (ins.is(Keyword.RUN)) {
                    steps.add(of(state, stage, ins, imageStages.contains(stage.index())));
                }
            }
        }
        return steps;
    }

    private static RunStep of(StageState state, Stage stage, Instruction run, boolean inImage) {
        List<String> shell = state.shell(run);
        List<ShellScript> scripts = new ArrayList<>();
        for (Instruction.Script script : run.scripts()) {
            scripts.add(script.execArgv().map(ShellReader::read).orElseGet(() -> ShellReader.read(script.text(), shell)));
        }
        Set<String> cacheMounts = new HashSet<>();
        for (Flag mount : run.flags("mount")) {
            Map<String, String> options = mountOptions(mount.valueOrEmpty());
            if ("cache".equals(options.get("type"))) {
                Optional.ofNullable(options.getOrDefault("target", options.getOrDefault("dst", options.get("destination"))))
                        .ifPresent(t -> cacheMounts.add(t.endsWith("/") && t.length() > 1 ? t.substring(0, t.length() - 1) : t));
            }
        }
        return new RunStep(stage, run, List.copyOf(scripts), state.env(run), inImage,
                Set.copyOf(cacheMounts), scripts.stream().flatMap(s -> s.commands().stream()).toList(),
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

    boolean removes(String path) {
        return scripts.stream().anyMatch(s -> s.removes(path));
    }

    /** A cache mount covers the path (the mount target is the path or one of its parents). */
    boolean cacheMounted(String path) {
        return cacheMounts.stream().anyMatch(t -> path.equals(t) || path.startsWith(t + "/"));
    }

    /** The variable is set to a value other than empty, 0, false, no or off — in ENV or as a command prefix. */
    boolean flagSet(String variable, SimpleCommand command) {
        Optional<String> value = Optional.ofNullable(command.assignments().get(variable)).or(() -> env.get(variable));
        return value.isPresent() && !Set.of("", "0", "false", "no", "off").contains(value.get().strip().toLowerCase(java.util.Locale.ROOT));
    }

    /** True when nothing in the RUN could be read as a POSIX shell script (rules then stay quiet). */
    boolean unreadable() {
        return scripts.stream().allMatch(s -> s.problem().isPresent() && s.commands().isEmpty());
    }
}
