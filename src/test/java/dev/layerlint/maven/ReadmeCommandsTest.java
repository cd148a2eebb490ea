package dev.layerlint.maven;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * How {@code .ci/readme-commands.sh} reads a README: which lines are commands, and what each comment promises.
 * (CI runs the script on the real README after {@code mvn verify}.)
 */
class ReadmeCommandsTest {

    @TempDir
    Path dir;

    @Test
    void commandsAreTheLinesOfShBlocksWithTheOutcomeTheirCommentStates() throws Exception {
        Path readme = dir.resolve("README.md");
        Files.writeString(readme, """
                # tool

                ```xml
                <plugin/>
                ```

                Run `mvn inline` (inline code is not a command):

                ```sh
                # a comment line
                mvn -q install          # puts the plugin into your local repository

                mvn -f examples/a/pom.xml verify   # fails, listing each finding
                mvn verify -Dx=1 \\
                    -Dy=2
                ```

                ```bash
                mvn tool:lint   # in any directory with a Dockerfile, no pom needed
                echo failsafe   # failsafe reports are kept
                ```

                ```
                not a shell block
                ```
                """, StandardCharsets.UTF_8);
        assertEquals(List.of(
                        "succeeds repository\tmvn -q install          # puts the plugin into your local repository",
                        "fails repository\tmvn -f examples/a/pom.xml verify   # fails, listing each finding",
                        "succeeds repository\tmvn verify -Dx=1 -Dy=2",
                        "succeeds dockerfile-dir\tmvn tool:lint   # in any directory with a Dockerfile, no pom needed",
                        "succeeds repository\techo failsafe   # failsafe reports are kept"),
                list(readme));
    }

    private static List<String> list(Path readme) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", ".ci/readme-commands.sh", "--list", readme.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
        return output.lines().toList();
    }
}
