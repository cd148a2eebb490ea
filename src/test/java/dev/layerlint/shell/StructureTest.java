package dev.layerlint.shell;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static dev.layerlint.shell.Views.words;
import static dev.layerlint.shell.Views.programs;
import static dev.layerlint.shell.Views.lines;
import static dev.layerlint.shell.Views.connectors;
import static dev.layerlint.shell.Views.origins;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Lists, pipelines and compound commands flattened into commands, with connectors, lines and branches. */
class StructureTest {

    /** One line per command: {@code connector line conditional? words}. */
    private static List<String> outline(String script) {
        ShellScript read = ShellReader.read(script);
        assertEquals(Optional.empty(), read.problem());
        return read.commands().stream()
                .map(c -> c.connector() + " " + c.line() + (c.conditional() ? " if " : " ")
                        + String.join(" ", c.words()))
                .toList();
    }

    @Test
    void andOrSemicolonPipeAndBackground() {
        assertEquals(List.of(
                        "NONE 0 a 1",
                        "AND 0 b",
                        "OR 0 true",
                        "SEMICOLON 0 c",
                        "PIPE 0 d",
                        "BACKGROUND 0 e"),
                outline("a 1 && b || true; c | d & e"));
    }

    @Test
    void lineBreaksSeparateCommandsAndCountLines() {
        assertEquals(List.of("NONE 0 a", "NEWLINE 2 b", "NEWLINE 3 c"), outline("a\n\nb\nc\n"));
    }

    @Test
    void operatorAtLineEndContinuesOnTheNextLine() {
        assertEquals(List.of("NONE 0 a", "AND 1 b", "PIPE 3 c"), outline("a &&\n  b |\n\n c"));
    }

    @Test
    void separatorBeforeALineBreakIsKept() {
        assertEquals(List.of("NONE 0 set -eux", "SEMICOLON 1 apt-get update"), outline("set -eux;\n apt-get update"));
    }

    @Test
    void dockerLibraryStyleScriptIsOneLineOfSemicolons() {
        assertEquals(List.of(
                        "NONE 0 set -eux",
                        "SEMICOLON 0 apt-get update",
                        "SEMICOLON 0 apt-get install -y --no-install-recommends ca-certificates netbase",
                        "SEMICOLON 0 rm -rf /var/lib/apt/lists/*"),
                outline("set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates "
                        + "\t\tnetbase \t; \trm -rf /var/lib/apt/lists/*"));
    }

    @Test
    void subshellAndGroupCommandsTakeTheConnectorBeforeThem() {
        assertEquals(List.of("NONE 0 a", "AND 0 b", "SEMICOLON 0 c", "OR 0 d", "SEMICOLON 0 e", "SEMICOLON 0 f"),
                outline("a && (b; c) || { d; e; }; f"));
    }

    @Test
    void groupWithRedirectionAppliesToTheGroup() {
        assertEquals(List.of("NONE 0 echo a", "SEMICOLON 0 echo b", "SEMICOLON 0 cat x"),
                outline("{ echo a; echo b; } > out; cat x"));
    }

    @Test
    void ifBranchesAreConditionalButTheTestIsNot() {
        assertEquals(List.of(
                        "NONE 0 [ -f /x ]",
                        "SEMICOLON 0 if a",
                        "SEMICOLON 0 if b",
                        "SEMICOLON 0 if c",
                        "SEMICOLON 0 if d",
                        "SEMICOLON 0 after"),
                outline("if [ -f /x ]; then a; elif b; then c; else d; fi; after"));
    }

    @Test
    void multiLineIf() {
        assertEquals(List.of("NONE 0 [ $ARCH = amd64 ]", "NEWLINE 2 if apt-get install -y libx",
                        "NEWLINE 4 rm -rf /var/lib/apt/lists/*"),
                outline("if [ \"$ARCH\" = amd64 ]\nthen\n  apt-get install -y libx\nfi\nrm -rf /var/lib/apt/lists/*"));
    }

    @Test
    void forLoopBodyRunsUnconditionally() {
        assertEquals(List.of("NONE 0 echo $f", "SEMICOLON 0 rm $f", "SEMICOLON 0 echo done"),
                outline("for f in a b \"c d\"; do echo $f; rm $f; done; echo done"));
    }

    @Test
    void forLoopOverACommandSubstitutionReadsIt() {
        ShellScript script = ShellReader.read("for pkg in $(cat /pkgs); do apk add $pkg; done");
        assertEquals(List.of(List.of("cat", "/pkgs"), List.of("apk", "add", "$pkg")),
                words(script));
        assertEquals(List.of(Origin.SUBSTITUTION, Origin.SCRIPT), origins(script));
    }

    @Test
    void whileAndUntilLoops() {
        assertEquals(List.of("NONE 0 read line", "SEMICOLON 0 echo $line", "NEWLINE 1 false", "SEMICOLON 1 b"),
                outline("while read line; do echo $line; done < /list\nuntil false; do b; done"));
    }

    @Test
    void processSubstitutionFeedingALoopIsRead() {
        ShellScript script = ShellReader.read("while read f; do rm \"$f\"; done < <(find /tmp -name '*.log')");
        assertEquals(List.of(List.of("read", "f"), List.of("rm", "$f"), List.of("find", "/tmp", "-name", "*.log")),
                words(script));
        assertEquals(Origin.SUBSTITUTION, script.commands().get(2).origin());
    }

    @Test
    void caseArmsAreConditional() {
        assertEquals(List.of(
                        "NONE 0 if apk add a",
                        "SEMICOLON 1 if apt-get install a",
                        "SEMICOLON 1 if echo other",
                        "SEMICOLON 1 after"),
                outline("case \"$ID\" in alpine) apk add a;;\n"
                        + " debian|ubuntu) apt-get install a ;; *) echo other;; esac; after"));
    }

    @Test
    void caseWithParenthesisedPatternsAndSubstitutionInTheWord() {
        ShellScript script = ShellReader.read("case \"$(uname -m)\" in (x86_64) A=amd64 ;; (aarch64) A=arm64 ;; esac");
        assertEquals(List.of("uname", ""), script.commands().stream().limit(2).map(SimpleCommand::program).toList());
        assertEquals(3, script.commands().size());
        assertEquals(Optional.empty(), script.problem());
    }

    @Test
    void functionBodyIsConditional() {
        assertEquals(List.of("NONE 0 if echo $1", "SEMICOLON 0 log hi", "NEWLINE 1 if b"),
                outline("log() { echo $1; }; log hi\nfunction other { b; }"));
    }

    @Test
    void negationIsDropped() {
        assertEquals(List.of("NONE 0 grep -q x f", "OR 0 echo missing"), outline("! grep -q x f || echo missing"));
    }

    @Test
    void arithmeticCommandIsSkipped() {
        assertEquals(List.of("NONE 0 a", "SEMICOLON 0 b"), outline("a; (( i++ )); b"));
    }

    @Test
    void backquotesAreCommandSubstitutions() {
        ShellScript script = ShellReader.read("echo `uname -r` x");
        assertEquals(List.of(List.of("uname", "-r"), List.of("echo", "`uname -r`", "x")),
                words(script));
        assertEquals(Origin.SUBSTITUTION, script.commands().get(0).origin());
    }

    @Test
    void innermostSubstitutionsRunFirst() {
        ShellScript script = ShellReader.read("a && X=\"$(b \"$(c)\")\" d");
        assertEquals(List.of("a", "c", "b", "d"), programs(script));
        assertEquals(List.of(Connector.NONE, Connector.AND, Connector.AND, Connector.AND),
                connectors(script));
        assertEquals(List.of(Origin.SCRIPT, Origin.SUBSTITUTION, Origin.SUBSTITUTION, Origin.SCRIPT),
                origins(script));
    }

    @Test
    void substitutionLinesCountFromTheScript() {
        ShellScript script = ShellReader.read("echo start\nV=$(\n  uname\n)");
        assertEquals(List.of(0, 2, 1), lines(script));
    }

    @Test
    void processSubstitutionIsReadAsCommands() {
        ShellScript script = ShellReader.read("diff <(sort a) b");
        assertEquals(List.of(List.of("sort", "a"), List.of("diff", "<(sort a)", "b")),
                words(script));
    }

    @Test
    void hereDocumentsInAScriptBodyLeaveLaterLinesRight() {
        String heredocRun = String.join("\n",
                "set -e",
                "cat > /etc/x <<EOF",
                "a && b",
                "EOF",
                "apt-get update",
                "");
        assertEquals(List.of("NONE 0 set -e", "NEWLINE 1 cat", "NEWLINE 4 apt-get update"), outline(heredocRun));
    }
}
