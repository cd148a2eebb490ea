package dev.layerlint.rules;

import dev.layerlint.dockerfile.Dockerfile;
import dev.layerlint.dockerfile.Instruction;
import dev.layerlint.report.Finding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** What a Dockerfile rule sees: the file, the lists rules use, and where to report. */
public final class DockerfileRuleContext {

    private final Dockerfile dockerfile;
    private final Rule rule;
    private final RuleOptions options;
    private final List<Finding> findings = new ArrayList<>();

    private final Map<Object, Object> shared;

    DockerfileRuleContext(Dockerfile dockerfile, Rule rule, RuleOptions options, Map<Object, Object> shared) {
        this.dockerfile = dockerfile;
        this.rule = rule;
        this.options = options;
        this.shared = shared;
    }

    /**
     * A value computed once per Dockerfile and shared by all rules of the run (e.g. the reading of every
     * RUN), keyed by {@code key}.
     */
    @SuppressWarnings("unchecked")
    public <T> T shared(Object key, Supplier<T> compute) {
        return (T) shared.computeIfAbsent(key, k -> compute.get());
    }

    public Dockerfile dockerfile() {
        return dockerfile;
    }

    public RuleOptions options() {
        return options;
    }

    /** Reports a finding at the lines of {@code at}. */
    public void report(Instruction at, String message) {
        report(at.line(), at.endLine(), at.column(), message);
    }

    /** Reports a finding spanning from {@code from} to {@code to} (e.g. a run of consecutive instructions). */
    public void report(Instruction from, Instruction to, String message) {
        report(from.line(), to.endLine(), from.column(), message);
    }

    public void report(int line, int endLine, int column, String message) {
        RuleInfo info = rule.info();
        findings.add(new Finding(info.id(), info.severity(), dockerfile.path(), line, column, endLine, message,
                Arrays.stream(info.checklist()).findFirst()));
    }

    List<Finding> findings() {
        return findings;
    }
}
