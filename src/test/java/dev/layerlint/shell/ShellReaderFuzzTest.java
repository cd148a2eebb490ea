package dev.layerlint.shell;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Coverage-guided fuzzing of the RUN script reader: any text gives a {@link ShellScript} (a problem at
 * worst, never an exception), and the views the rules ask of it answer. Without {@code JAZZER_FUZZ}
 * the seed scripts in {@code ShellReaderFuzzTestInputs/read} run as regression tests.
 */
class ShellReaderFuzzTest {

    private static final List<String> BASH = List.of("/bin/bash", "-o", "pipefail", "-c");

    @FuzzTest(maxDuration = "1m")
    void read(byte[] input) {
        String script = new String(input, StandardCharsets.UTF_8);
        askEverything(ShellReader.read(script));
        askEverything(ShellReader.read(script, BASH));
        askEverything(ShellReader.read(List.of("sh", "-c", script)));
    }

    private static void askEverything(ShellScript read) {
        read.packageManagerCalls();
        read.removedPaths();
        read.removes("/var/lib/apt/lists");
        read.pipefail();
        read.commandsRunning("apt-get", "pip");
        for (SimpleCommand command : read.commands()) {
            command.program();
            command.args();
        }
    }
}
