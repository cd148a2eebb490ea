package dev.layerlint.shell;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.layerlint.shell.Views.words;
import static dev.layerlint.shell.Views.programs;
import static dev.layerlint.shell.Views.lines;
import static dev.layerlint.shell.Views.connectors;
import static dev.layerlint.shell.Views.origins;
import static dev.layerlint.shell.Views.conditionals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Wrappers, nested shells, xargs, exec form and the SHELL instruction. */
class NestedCommandsTest {


    @Test
    void sudoIsUnwrappedWithItsOptions() {
        SimpleCommand command = ShellReader.read("sudo -E -u root apt-get install -y git").commands().get(0);
        assertEquals(List.of("apt-get", "install", "-y", "git"), command.words());
        assertEquals(List.of("sudo"), command.wrappers());
    }

    @Test
    void envAssignmentsJoinTheCommandsAssignments() {
        SimpleCommand command = ShellReader.read("A=1 env -u X B=2 C=\"3 4\" pip install x").commands().get(0);
        assertEquals(List.of("pip", "install", "x"), command.words());
        assertEquals(Map.of("A", "1", "B", "2", "C", "3 4"), command.assignments());
        assertEquals(List.of("env"), command.wrappers());
    }

    @Test
    void wrappersNest() {
        SimpleCommand command = ShellReader.read("exec nohup time -p command -p sudo -- /usr/bin/npm ci")
                .commands().get(0);
        assertEquals(List.of("/usr/bin/npm", "ci"), command.words());
        assertEquals("npm", command.program());
        assertEquals(List.of("exec", "nohup", "time", "command", "sudo"), command.wrappers());
    }

    @Test
    void wrappersWithOperandsBeforeTheCommand() {
        SimpleCommand command = ShellReader
                .read("timeout -s KILL 600 gosu app nice -n 5 eatmydata apt-get install -y x")
                .commands().get(0);
        assertEquals(List.of("apt-get", "install", "-y", "x"), command.words());
        assertEquals(List.of("timeout", "gosu", "nice", "eatmydata"), command.wrappers());
    }

    @Test
    void wrapperWithoutCommandStaysItself() {
        assertEquals(List.of(List.of("env"), List.of("sudo", "-l"), List.of("gosu", "app"), List.of("env", "A=1")),
                words(ShellReader.read("env; sudo -l; gosu app; env A=1")));
    }

    @Test
    void commandDashVOnlyLooksUpItsOperand() {
        SimpleCommand command = ShellReader.read("command -v apt-get").commands().get(0);
        assertEquals(List.of("command", "-v", "apt-get"), command.words());
        assertEquals(List.of(), command.wrappers());
    }

    @Test
    void shDashCBodyIsReadAfterTheShellCommand() {
        ShellScript script = ShellReader.read("x && sh -c 'apt-get update && apt-get install -y \"a b\"' || true");
        assertEquals(List.of(
                        List.of("x"),
                        List.of("sh", "-c", "apt-get update && apt-get install -y \"a b\""),
                        List.of("apt-get", "update"),
                        List.of("apt-get", "install", "-y", "a b"),
                        List.of("true")),
                words(script));
        assertEquals(List.of(Connector.NONE, Connector.AND, Connector.AND, Connector.AND, Connector.OR),
                connectors(script));
        assertTrue(script.commands().stream().allMatch(c -> c.origin() == Origin.SCRIPT));
    }

    @Test
    void bashOptionsBeforeDashC() {
        ShellScript script = ShellReader.read("bash -euxo pipefail -c \"curl -s $URL | tar -xz\" ignored-name arg");
        assertEquals(List.of(List.of("curl", "-s", "$URL"), List.of("tar", "-xz")), words(script).subList(1, 3));
        assertEquals(3, script.commands().size());
    }

    @Test
    void shellClusterWithC() {
        ShellScript script = ShellReader.read("/bin/sh -ec 'cd /src; make'");
        assertEquals(List.of("sh", "cd", "make"), programs(script));
    }

    @Test
    void shellRunningAFileIsNotNested() {
        assertEquals(1, ShellReader.read("sh ./install.sh -c x").commands().size());
    }

    @Test
    void nestedShellKeepsLinesAndBranches() {
        ShellScript script = ShellReader.read("if a; then\n  sh -c 'one\ntwo'\nfi");
        assertEquals(List.of(0, 1, 1, 2), lines(script));
        assertEquals(List.of(false, true, true, true), conditionals(script));
    }

    @Test
    void shellFedByAHereDocumentReadsIt() {
        ShellScript script = ShellReader.read("bash -s <<'EOF'\napk add curl\nrm -rf /var/cache/apk/*\nEOF");
        assertEquals(List.of(List.of("bash", "-s"), List.of("apk", "add", "curl"),
                        List.of("rm", "-rf", "/var/cache/apk/*")),
                words(script));
        assertEquals(List.of(0, 1, 2), lines(script));
    }

    @Test
    void xargsRunsItsCommand() {
        ShellScript script = ShellReader.read("find / -name '*.so' | xargs -rt -n1 -I{} apk add --virtual .deps {}");
        assertEquals(List.of(
                        List.of("find", "/", "-name", "*.so"),
                        List.of("xargs", "-rt", "-n1", "-I{}", "apk", "add", "--virtual", ".deps", "{}"),
                        List.of("apk", "add", "--virtual", ".deps", "{}")),
                words(script));
        assertEquals(List.of(Origin.SCRIPT, Origin.SCRIPT, Origin.XARGS),
                origins(script));
        assertEquals(Connector.PIPE, script.commands().get(2).connector());
    }

    @Test
    void xargsOptionValuesInTheNextWord() {
        ShellScript script = ShellReader.read("ls | xargs -0 -d '\\n' -P 4 --max-args 2 -rI % sudo rm -f %");
        SimpleCommand run = script.commands().get(2);
        assertEquals(List.of("rm", "-f", "%"), run.words());
        assertEquals(List.of("sudo"), run.wrappers());
        assertEquals(Origin.XARGS, run.origin());
    }

    @Test
    void xargsWithoutCommandRunsNothingWeRead() {
        assertEquals(2, ShellReader.read("ls | xargs -r").commands().size());
    }

    @Test
    void xargsRunningAShellReadsItsScript() {
        ShellScript script = ShellReader.read("ls | xargs sh -c 'rm -rf \"$1\"' _");
        assertEquals(List.of("ls", "xargs", "sh", "rm"), programs(script));
        assertEquals(Origin.XARGS, script.commands().get(3).origin());
    }

    @Test
    void commandsInsideSubstitutionStayFlaggedThroughNestedShells() {
        ShellScript script = ShellReader.read("X=$(sh -c 'apk info')");
        assertEquals(List.of(Origin.SUBSTITUTION, Origin.SUBSTITUTION, Origin.SCRIPT),
                origins(script));
    }

    @Test
    void execFormRunsItsProgram() {
        ShellScript script = ShellReader.read(List.of("apt-get", "install", "-y", "$NOT_EXPANDED"));
        assertEquals(List.of(List.of("apt-get", "install", "-y", "$NOT_EXPANDED")), words(script));
        assertEquals(List.of(), script.shell());
        assertEquals(Optional.empty(), script.problem());
    }

    @Test
    void execFormShellReadsItsScript() {
        ShellScript script = ShellReader.read(
                List.of("/bin/bash", "-o", "pipefail", "-c", "wget -O- $U | tar x; rm -f a"));
        assertEquals(List.of("bash", "wget", "tar", "rm"), programs(script));
        assertTrue(script.pipefail());
    }

    @Test
    void execFormAssignmentIsAProgram() {
        SimpleCommand command = ShellReader.read(List.of("A=1", "run")).commands().get(0);
        assertEquals(List.of("A=1", "run"), command.words());
        assertEquals(Map.of(), command.assignments());
    }

    @Test
    void emptyExecForm() {
        assertEquals(new ShellScript(List.of(), List.of(), Optional.of("empty exec-form command")),
                ShellReader.read(List.of()));
    }

    @Test
    void powershellIsNotRead() {
        List<String> shell = List.of("powershell", "-Command", "$ErrorActionPreference = 'Stop';");
        ShellScript script = ShellReader.read("Invoke-WebRequest -Uri $url; rm -r C:\\x", shell);
        assertEquals(List.of(), script.commands());
        assertEquals(Optional.of("not a POSIX shell: powershell"), script.problem());
        assertEquals(shell, script.shell());
    }

    @Test
    void windowsCmdIsNotRead() {
        ShellScript script = ShellReader.read("dir", List.of("C:\\Windows\\System32\\cmd.exe", "/S", "/C"));
        assertEquals(Optional.of("not a POSIX shell: cmd.exe"), script.problem());
    }

    @Test
    void bashShellIsRead() {
        ShellScript script = ShellReader.read("a | b", List.of("/bin/bash", "-c"));
        assertEquals(2, script.commands().size());
        assertFalse(script.pipefail());
    }

    @Test
    void shellThroughEnvOrBusyboxIsRead() {
        assertEquals(1, ShellReader.read("apk add x", List.of("/usr/bin/env", "bash", "-c")).commands().size());
        assertEquals(1, ShellReader.read("apk add x", List.of("/bin/busybox", "ash", "-c")).commands().size());
        assertEquals(Optional.of("not a POSIX shell: pwsh"),
                ShellReader.read("x", List.of("/usr/bin/env", "pwsh", "-c")).problem());
        assertEquals(Optional.of("not a POSIX shell: (none)"), ShellReader.read("x", List.of()).problem());
    }

    @Test
    void pipefailFromTheShellInstruction() {
        assertTrue(ShellReader.read("a | b", List.of("/bin/bash", "-o", "pipefail", "-c")).pipefail());
        assertTrue(ShellReader.read("a | b", List.of("/bin/bash", "-eo", "pipefail", "-c")).pipefail());
        assertFalse(ShellReader.read("a | b", List.of("/bin/bash", "-o", "pipefail", "+o", "pipefail", "-c"))
                .pipefail());
    }

    @Test
    void pipefailFromSetMustComeBeforeThePipe() {
        assertTrue(ShellReader.read("set -euxo pipefail; a | b").pipefail());
        assertTrue(ShellReader.read("set -o pipefail\na | b").pipefail());
        assertFalse(ShellReader.read("a | b; set -o pipefail; c | d").pipefail());
        assertFalse(ShellReader.read("set -eux; a | b").pipefail());
        assertFalse(ShellReader.read("x=$(set -o pipefail); a | b").pipefail());
    }

    @Test
    void setIsRecordedAsACommand() {
        SimpleCommand set = ShellReader.read("set -eux; true").commands().get(0);
        assertEquals(List.of("set", "-eux"), set.words());
        assertEquals("set", set.program());
    }
}
