package dev.layerlint.shell;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static dev.layerlint.shell.Views.words;
import static dev.layerlint.shell.Views.programs;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Bad input is read as far as possible and the first problem is reported, never thrown. */
class ProblemTest {


    @Test
    void unterminatedSingleQuote() {
        ShellScript script = ShellReader.read("apt-get update\necho 'oops && rm -rf /x");
        assertEquals(Optional.of("unterminated single quote (script line 2)"), script.problem());
        assertEquals(List.of(List.of("apt-get", "update"), List.of("echo", "oops && rm -rf /x")), words(script));
    }

    @Test
    void unterminatedDoubleQuote() {
        ShellScript script = ShellReader.read("echo \"abc");
        assertEquals(Optional.of("unterminated double quote (script line 1)"), script.problem());
        assertEquals(List.of(List.of("echo", "abc")), words(script));
    }

    @Test
    void unterminatedCommandSubstitution() {
        ShellScript script = ShellReader.read("X=$(apk info");
        assertEquals(Optional.of("unterminated $( (script line 1)"), script.problem());
        assertEquals(List.of("apk"), script.commands().stream().limit(1).map(SimpleCommand::program).toList());
    }

    @Test
    void missingFi() {
        ShellScript script = ShellReader.read("if true; then apt-get install x");
        assertEquals(Optional.of("expected 'fi' but found end of script (script line 1)"), script.problem());
        assertEquals(List.of(List.of("true"), List.of("apt-get", "install", "x")), words(script));
    }

    @Test
    void strayClosingWordsAreSkipped() {
        ShellScript script = ShellReader.read("a; fi; b ) c\ndone");
        assertEquals(Optional.of("unexpected 'fi' (script line 1)"), script.problem());
        assertEquals(List.of(List.of("a"), List.of("b"), List.of("c")), words(script));
    }

    @Test
    void unclosedGroup() {
        ShellScript script = ShellReader.read("{ a; b");
        assertEquals(Optional.of("expected '}' but found end of script (script line 1)"), script.problem());
        assertEquals(2, script.commands().size());
    }

    @Test
    void redirectionWithoutTarget() {
        ShellScript script = ShellReader.read("echo x >");
        assertEquals(Optional.of("redirection > has no target (script line 1)"), script.problem());
        assertEquals(List.of(List.of("echo", "x")), words(script));
    }

    @Test
    void hereDocumentWithoutEnd() {
        ShellScript script = ShellReader.read("cat <<EOF\nline");
        assertEquals(Optional.of("here-document delimited by 'EOF' is not terminated (script line 2)"),
                script.problem());
        assertEquals(Optional.of("line\n"), script.commands().get(0).redirections().get(0).hereDocument());
    }

    @Test
    void problemInANestedShellIsReported() {
        ShellScript script = ShellReader.read("ok\nsh -c 'echo \"x'");
        assertEquals(Optional.of("unterminated double quote (script line 2)"), script.problem());
        assertEquals(List.of("ok", "sh", "echo"), programs(script));
    }

    @Test
    void deepNestingIsCutOff() {
        String script = "( ".repeat(10_000) + "a" + ")".repeat(10_000);
        ShellScript read = ShellReader.read(script);
        assertEquals(Optional.of("commands nested more than 64 levels deep were not read"), read.problem());
        assertEquals(List.of(), read.commands());
    }

    @Test
    void deeplyNestedSubstitutionsAreCutOff() {
        String script = "echo " + "$(echo ".repeat(200) + "x" + ")".repeat(200);
        ShellScript read = ShellReader.read(script);
        assertEquals(Optional.of("commands nested more than 64 levels deep were not read"), read.problem());
        assertEquals(65, read.commands().size());
    }

    @Test
    void deeplyNestedQuotesAreCutOff() {
        ShellScript read = ShellReader.read("echo " + "\"$(".repeat(20_000));
        assertEquals(Optional.of("quotes and substitutions nested more than 256 levels deep (script line 1)"),
                read.problem());
    }

    @Test
    void longXargsChainsAreCutOff() {
        ShellScript read = ShellReader.read("ls | " + "xargs ".repeat(20_000) + "rm x");
        assertEquals(Optional.of("commands nested more than 64 levels deep were not read"), read.problem());
        assertEquals(66, read.commands().size());
    }

    @Test
    void longWrapperChainsAreUnwrapped() {
        SimpleCommand command = ShellReader.read("sudo ".repeat(20_000) + "apk add x").commands().get(0);
        assertEquals(List.of("apk", "add", "x"), command.words());
        assertEquals(20_000, command.wrappers().size());
    }

    @Test
    void emptyAndBlankScripts() {
        assertEquals(new ShellScript(List.of(), ShellReader.DEFAULT_SHELL, Optional.empty()), ShellReader.read(""));
        assertEquals(new ShellScript(List.of(), ShellReader.DEFAULT_SHELL, Optional.empty()),
                ShellReader.read(" \n# only\n\\\n"));
    }

    @Test
    void trailingBackslashIsLiteral() {
        ShellScript script = ShellReader.read("echo a \\");
        assertEquals(List.of(List.of("echo", "a", "\\")), words(script));
        assertEquals(Optional.empty(), script.problem());
    }
}
