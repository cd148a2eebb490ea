package dev.layerlint.rules;

import dev.layerlint.dockerfile.Dockerfile;
import dev.layerlint.dockerfile.Instruction;
import dev.layerlint.dockerfile.Keyword;
import dev.layerlint.dockerfile.Stage;
import dev.layerlint.image.LayerMap;
import dev.layerlint.report.Finding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What an image rule sees, and where it reports. Findings point at the Dockerfile line that made
 * the layer concerned, or for the image's configuration at the instruction that set it; without a
 * Dockerfile they name the image, line 0.
 */
public final class ImageRuleContext {

    private final ImageInspection inspection;
    private final Rule rule;
    private final RuleOptions options;
    private final List<Finding> findings = new ArrayList<>();

    ImageRuleContext(ImageInspection inspection, Rule rule, RuleOptions options) {
        this.inspection = inspection;
        this.rule = rule;
        this.options = options;
    }

    public ImageInspection inspection() {
        return inspection;
    }

    public RuleOptions options() {
        return options;
    }

    /** How a layer is named in messages: {@code layer 3 (Dockerfile:12)}, {@code layer 0 (base image)}. */
    public String describeLayer(int layerIndex) {
        LayerMap.LayerOrigin origin = inspection.layerMap().origin(layerIndex);
        String where = switch (origin.kind()) {
            case BASE -> " (base image)";
            case JIB -> " (Jib)";
            case UNKNOWN -> "";
            case DOCKERFILE -> origin.instruction().map(line -> " (" + line.file() + ":" + line.line() + ")").orElse("");
        };
        return "layer " + layerIndex + where;
    }

    /** Reports a finding at the Dockerfile line that made layer {@code layerIndex}, or at the image when it is not known. */
    public void reportLayer(int layerIndex, String message) {
        Optional<LayerMap.SourceLine> line = inspection.layerMap().origin(layerIndex).instruction();
        if (line.isPresent()) {
            add(line.get().file(), line.get().line(), line.get().line(), message);
        } else {
            report(message);
        }
    }

    /**
     * Reports a finding about the image's configuration at the last {@code keyword} instruction of
     * the final stage's lineage (the one that set it), else at the final stage's FROM.
     */
    public void reportConfig(Keyword keyword, String message) {
        Optional<Dockerfile> dockerfile = inspection.dockerfile();
        if (dockerfile.isEmpty()) {
            report(message);
            return;
        }
        Stage finalStage = dockerfile.get().finalStage();
        Instruction at = LayerMap.lineage(dockerfile.get()).stream()
                .filter(instruction -> instruction.is(keyword))
                .reduce((first, last) -> last)
                .orElse(finalStage.from());
        add(dockerfile.get().path(), at.line(), at.endLine(), message);
    }

    /** Reports a finding about the image as a whole: the Dockerfile without a line, or the image reference. */
    public void report(String message) {
        add(inspection.dockerfile().map(Dockerfile::path).orElse(inspection.image().reference()), 0, 0, message);
    }

    private void add(String file, int line, int endLine, String message) {
        RuleInfo info = rule.info();
        findings.add(new Finding(info.id(), info.severity(), file, line, line == 0 ? 0 : 1, endLine, message,
                Arrays.stream(info.checklist()).findFirst()));
    }

    List<Finding> findings() {
        return findings;
    }
}
