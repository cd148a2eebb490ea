package dev.layerlint.rules;

import dev.layerlint.context.ContextScan;
import dev.layerlint.dockerfile.Dockerfile;
import dev.layerlint.dockerfile.Instruction;
import dev.layerlint.report.Finding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What a context rule sees: the context, the Dockerfile when it parses, the options, and where to report. */
public final class ContextRuleContext {

    private final ContextSubject subject;
    private final Rule rule;
    private final ContextOptions options;
    private final List<Finding> findings = new ArrayList<>();

    ContextRuleContext(ContextSubject subject, Rule rule, ContextOptions options) {
        this.subject = subject;
        this.rule = rule;
        this.options = options;
    }

    public ContextScan scan() {
        return subject.scan();
    }

    public Optional<Dockerfile> dockerfile() {
        return subject.dockerfile();
    }

    public ContextOptions options() {
        return options;
    }

    /** How the ignore file is named in messages: its path, or {@code .dockerignore} when there is none. */
    public String ignoreFileName() {
        return subject.ignoreFilePath().orElse(".dockerignore");
    }

    /** Reports a finding at a Dockerfile instruction, e.g. the COPY that copies what the finding is about. */
    public void report(Instruction at, String message) {
        add(subject.dockerfilePath(), at.line(), at.column(), at.endLine(), message);
    }

    /** Reports a finding about the context as a whole: on the ignore file, or on the Dockerfile when there is none; no line. */
    public void reportOnContext(String message) {
        add(subject.ignoreFilePath().orElse(subject.dockerfilePath()), 0, 0, 0, message);
    }

    private void add(String file, int line, int column, int endLine, String message) {
        RuleInfo info = rule.info();
        findings.add(new Finding(info.id(), info.severity(), file, line, column, endLine, message,
                Arrays.stream(info.checklist()).findFirst()));
    }

    List<Finding> findings() {
        return findings;
    }
}
