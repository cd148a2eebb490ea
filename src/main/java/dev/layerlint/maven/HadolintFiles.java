package dev.layerlint.maven;

import dev.layerlint.rules.HadolintConfig;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The hadolint configuration a goal applies: the file, or {@code .hadolint.yml} beside the default, when it exists. */
final class HadolintFiles {

    private HadolintFiles() {
    }

    /** The configuration in {@code configured}; none when the file does not exist. */
    static HadolintConfig read(File configured, Function<Path, String> displayed, Log log) throws MojoExecutionException {
        Path file = configured.toPath();
        if (!Files.exists(file) && file.getFileName().toString().equals(".hadolint.yaml")) {
            file = file.resolveSibling(".hadolint.yml");
        }
        if (!Files.exists(file)) {
            return new HadolintConfig(Map.of(), List.of(), List.of());
        }
        try {
            HadolintConfig config = HadolintConfig.read(file);
            log.info("layerlint: applying " + displayed.apply(file) + " (" + config.rules().size()
                    + " rule settings" + (config.unmatched().isEmpty() ? "" : "; no layerlint rule for " + String.join(", ", config.unmatched()))
                    + ")");
            return config;
        } catch (HadolintConfig.InvalidException e) {
            throw new MojoExecutionException("layerlint: " + e.getMessage());
        }
    }
}
