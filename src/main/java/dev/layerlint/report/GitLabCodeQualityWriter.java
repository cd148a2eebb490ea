package dev.layerlint.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * {@code <goal>-codequality.json}: GitLab's Code Quality report (a subset of Code Climate's issue format).
 * <p>
 * GitLab compares fingerprints between the merge request and its target branch to tell new issues from
 * fixed ones, so a fingerprint must not change when unrelated edits move a finding to another line: it
 * hashes goal, rule, file and message, plus the finding's rank among identical ones.
 */
final class GitLabCodeQualityWriter implements FormatWriter {

    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Override
    public String fileName(String goal) {
        return goal + "-codequality.json";
    }

    @Override
    public List<Path> write(ReportModel model, ReportTarget target) throws IOException {
        ArrayNode issues = render(model);
        return List.of(AtomicFiles.write(target.outputDirectory(), fileName(model.name()), out -> MAPPER.writeValue(out, issues)));
    }

    ArrayNode render(ReportModel model) {
        ArrayNode issues = MAPPER.createArrayNode();
        Map<String, Integer> seen = new HashMap<>();
        for (Finding f : model.findings()) {
            String identity = String.join("\u0000", model.name(), f.ruleId(), f.file(), f.message());
            int rank = seen.merge(identity, 1, Integer::sum);
            ObjectNode issue = issues.addObject();
            issue.put("type", "issue");
            issue.put("check_name", f.ruleId());
            issue.put("description", f.message());
            issue.put("severity", severity(f.severity()));
            issue.put("fingerprint", sha256(identity + "\u0000" + rank));
            ObjectNode location = issue.putObject("location");
            location.put("path", f.file());
            ObjectNode lines = location.putObject("lines");
            lines.put("begin", Math.max(f.line(), 1));
            lines.put("end", Math.max(f.endLine(), 1));
        }
        return issues;
    }

    /** GitLab's scale is info, minor, major, critical, blocker; a build-failing error is critical. */
    static String severity(Severity severity) {
        return switch (severity) {
            case ERROR -> "critical";
            case WARNING -> "major";
            case INFO -> "info";
        };
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
