package dev.layerlint.shell;

import dev.layerlint.testing.SharedFiles;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static dev.layerlint.shell.Views.programs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reads every RUN of the real-world corpus Dockerfiles ({@code layerlint.corpus}). */
class CorpusTest {

    /** Package-manager calls recognised in the corpus when this test was written. */
    private static final int MEASURED_CALLS = 1399;

    private static Path corpus() {
        return SharedFiles.corpus();
    }

    private static List<DockerfileRuns.Run> runsOf(String fileName) throws IOException {
        return DockerfileRuns.runs(Files.readString(corpus().resolve(fileName), StandardCharsets.UTF_8));
    }

    @Test
    void readsEveryRunOfTheCorpus() throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(corpus())) {
            files = listing.filter(p -> !p.getFileName().toString().equals("SOURCES.md")).sorted().toList();
        }
        int runs = 0;
        int commands = 0;
        Map<PackageManager, Integer> callsPerManager = new EnumMap<>(PackageManager.class);
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            for (DockerfileRuns.Run run : DockerfileRuns.runs(Files.readString(file, StandardCharsets.UTF_8))) {
                ShellScript script = run.read();
                runs++;
                commands += script.commands().size();
                script.packageManagerCalls().forEach(call -> callsPerManager.merge(call.manager(), 1, Integer::sum));
                script.problem().ifPresent(p -> problems.add(file.getFileName() + ":" + run.line() + ": " + p));
            }
        }
        int calls = callsPerManager.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("corpus: %d Dockerfiles, %d RUNs, %d commands, %d package-manager calls %s%n",
                files.size(), runs, commands, calls, callsPerManager);

        assertEquals(536, files.size());
        assertEquals(946, runs);
        assertTrue(calls >= MEASURED_CALLS, () -> "package-manager calls: " + calls + " " + callsPerManager);
        String windows = "docker-library_python_%s_windows_windowsservercore-ltsc%s_Dockerfile:17: "
                + "not a POSIX shell: powershell";
        assertEquals(List.of(
                        windows.formatted("3.13", "2022"), windows.formatted("3.13", "2025"),
                        windows.formatted("3.14", "2022"), windows.formatted("3.14", "2025"),
                        windows.formatted("3.15-rc", "2022"), windows.formatted("3.15-rc", "2025"),
                        // a jq template, not a Dockerfile: its {{ ... }} markers leave a parenthesis open
                        "docker-library_python_Dockerfile-linux.template:44: "
                                + "expected ')' but found end of script (script line 1)",
                        "docker-library_python_Dockerfile-windows.template:13: not a POSIX shell: powershell",
                        "vimagick_dockerfiles_dbatools_Dockerfile:9: not a POSIX shell: pwsh",
                        "vimagick_dockerfiles_dbatools_Dockerfile:11: not a POSIX shell: pwsh"),
                problems);
    }

    @Test
    void debianRuntimeDependencies() throws IOException {
        ShellScript script = runsOf("docker-library_python_3.11_slim-bookworm_Dockerfile").get(0).read();
        assertEquals(List.of("set", "apt-get", "apt-get", "rm"), programs(script));
        PackageManagerCall install = script.packageManagerCalls().get(1);
        assertEquals("install", install.subcommand());
        assertTrue(install.hasOption("-y") && install.hasOption("--no-install-recommends"));
        assertEquals(List.of("ca-certificates", "netbase", "tzdata"), install.operands());
        assertTrue(script.removes("/var/lib/apt/lists"));
        assertEquals(Optional.empty(), script.problem());
    }

    @Test
    void alpineBuildFindsRuntimeDependenciesThroughXargs() throws IOException {
        ShellScript script = runsOf("docker-library_python_3.12_alpine3.23_Dockerfile").get(1).read();
        assertEquals(Optional.empty(), script.problem());
        List<String> apk = script.packageManagerCalls().stream()
                .filter(call -> call.manager() == PackageManager.APK)
                .map(call -> call.subcommand() + " " + call.optionValue("--virtual").orElse("-")
                        + " " + call.command().origin())
                .toList();
        // "apk --print-arch" inside $( ) is a call without subcommand
        assertEquals(List.of("add .build-deps SCRIPT", " - SUBSTITUTION", "add .python-rundeps XARGS", "del - SCRIPT"),
                apk);
        SimpleCommand xargs = script.commandsRunning("xargs").get(0);
        assertEquals(Connector.PIPE, xargs.connector());
        assertEquals(List.of("$GNUPGHOME", "python.tar.xz.asc", "python.tar.xz", "python", "/usr/src/python",
                "/usr/local/**/test", "/usr/local/**/tests", "/usr/local/**/idle_test", "/usr/local/**/*.pyc",
                "/usr/local/**/*.pyo", "/usr/local/**/libpython*.a"), script.removedPaths());
    }

    @Test
    void continuedLinesWithTrailingBlanksAndEscapedBlank() throws IOException {
        ShellScript script = runsOf("vimagick_dockerfiles_ansible_Dockerfile").get(0).read();
        assertEquals(Optional.empty(), script.problem());
        // "&& \ useradd" escapes the blank: sh runs a program named " useradd"
        assertEquals(List.of(" useradd"), script.commands().stream().map(SimpleCommand::program)
                .filter(p -> p.contains("useradd")).toList());
    }
}
