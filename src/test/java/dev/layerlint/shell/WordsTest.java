package dev.layerlint.shell;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.layerlint.shell.Views.words;
import static dev.layerlint.shell.Views.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** How a command is split into words: quotes, escapes, substitutions, assignments, redirections, comments. */
class WordsTest {

    private static List<String> onlyCommandWords(String script) {
        ShellScript read = ShellReader.read(script);
        assertEquals(Optional.empty(), read.problem());
        assertEquals(1, read.commands().size(), () -> "commands of " + script + ": " + read.commands());
        return read.commands().get(0).words();
    }

    @Test
    void splitsOnBlanksAndTabs() {
        assertEquals(List.of("apt-get", "install", "-y", "curl"), onlyCommandWords("  apt-get\tinstall  -y curl  "));
    }

    @Test
    void singleQuotesKeepEverythingLiteral() {
        assertEquals(List.of("echo", "a \"b\" $HOME \\n"), onlyCommandWords("echo 'a \"b\" $HOME \\n'"));
    }

    @Test
    void doubleQuotesProcessOnlyTheirEscapes() {
        assertEquals(List.of("echo", "a $x \" \\ \\n `"), onlyCommandWords("echo \"a \\$x \\\" \\\\ \\n \\`\""));
    }

    @Test
    void quotedPartsJoinTheirWord() {
        assertEquals(List.of("echo", "abc def", "x"), onlyCommandWords("echo a'bc'\" def\" x"));
    }

    @Test
    void backslashOutsideQuotesEscapesAnyCharacter() {
        assertEquals(List.of("echo", "a b", ";", "&&"), onlyCommandWords("echo a\\ b \\; \\&\\&"));
    }

    @Test
    void lineContinuationJoinsWords() {
        assertEquals(List.of("apt-get", "install", "curl"), onlyCommandWords("apt-get \\\n  install cu\\\nrl"));
    }

    @Test
    void variablesStayAsWritten() {
        assertEquals(List.of("echo", "$HOME", "${PYTHON_VERSION%%[a-z]*}", "$1", "x${Y:-a b}z"),
                onlyCommandWords("echo $HOME ${PYTHON_VERSION%%[a-z]*} $1 x${Y:-a b}z"));
    }

    @Test
    void commandSubstitutionStaysInItsWord() {
        ShellScript script = ShellReader.read("echo \"$(dpkg --print-architecture | awk -F- '{ print $NF }')\" done");
        SimpleCommand echo = script.commands().get(2);
        assertEquals(List.of("echo", "$(dpkg --print-architecture | awk -F- '{ print $NF }')", "done"), echo.words());
    }

    @Test
    void arithmeticExpansionIsOneWordWithoutCommands() {
        ShellScript script = ShellReader.read("make -j $(( $(nproc) + 1 )) all");
        assertEquals(List.of(List.of("make", "-j", "$(( $(nproc) + 1 ))", "all")),
                words(script));
    }

    @Test
    void ansiCQuotingProcessesEscapes() {
        assertEquals(List.of("printf", "a\tb\n'c'"), onlyCommandWords("printf $'a\\tb\\n\\'c\\''"));
    }

    @Test
    void hashStartsACommentOnlyAtTheStartOfAWord() {
        assertEquals(List.of("echo", "a#b", "c"), onlyCommandWords("echo a#b c # the rest ; rm -rf /"));
    }

    @Test
    void commentLinesAreSkipped() {
        ShellScript script = ShellReader.read("# install\napt-get update\n  # clean\nrm -rf /x");
        assertEquals(List.of(List.of("apt-get", "update"), List.of("rm", "-rf", "/x")),
                words(script));
        assertEquals(List.of(1, 3), lines(script));
    }

    @Test
    void leadingAssignmentsAreNotWords() {
        SimpleCommand command = ShellReader.read("DEBIAN_FRONTEND=noninteractive A+=1 B=\"x y\" apt-get install C=d")
                .commands().get(0);
        assertEquals(Map.of("DEBIAN_FRONTEND", "noninteractive", "A", "1", "B", "x y"), command.assignments());
        assertEquals(List.of("DEBIAN_FRONTEND", "A", "B"), List.copyOf(command.assignments().keySet()));
        assertEquals(List.of("apt-get", "install", "C=d"), command.words());
    }

    @Test
    void quotedNameIsNoAssignment() {
        SimpleCommand command = ShellReader.read("\"A\"=1 run").commands().get(0);
        assertEquals(Map.of(), command.assignments());
        assertEquals(List.of("A=1", "run"), command.words());
    }

    @Test
    void assignmentsAloneMakeACommandWithoutProgram() {
        SimpleCommand command = ShellReader.read("GNUPGHOME=\"$(mktemp -d)\"").commands().get(1);
        assertEquals(Map.of("GNUPGHOME", "$(mktemp -d)"), command.assignments());
        assertEquals(List.of(), command.words());
        assertEquals("", command.program());
        assertEquals(List.of(), command.args());
    }

    @Test
    void arrayAssignmentKeepsItsElements() {
        SimpleCommand command = ShellReader.read("PKGS=(curl \"git lfs\") ; echo").commands().get(0);
        assertEquals(Map.of("PKGS", "(curl \"git lfs\")"), command.assignments());
    }

    @Test
    void redirectionsAreNotWords() {
        SimpleCommand command = ShellReader
                .read("echo deb http://x main > /etc/apt/sources.list.d/x.list 2>&1 </dev/null")
                .commands().get(0);
        assertEquals(List.of("echo", "deb", "http://x", "main"), command.words());
        assertEquals(List.of(new Redirection(">", "/etc/apt/sources.list.d/x.list", Optional.empty()),
                        new Redirection("2>&", "1", Optional.empty()),
                        new Redirection("<", "/dev/null", Optional.empty())),
                command.redirections());
    }

    @Test
    void digitsApartFromTheOperatorAreAWord() {
        SimpleCommand command = ShellReader.read("echo 2 >out").commands().get(0);
        assertEquals(List.of("echo", "2"), command.words());
        assertEquals(List.of(new Redirection(">", "out", Optional.empty())), command.redirections());
    }

    @Test
    void hereDocumentBodyBelongsToItsRedirection() {
        ShellScript script = ShellReader.read("cat <<EOF > /etc/app.conf\nkey=$VALUE\nEOF\necho done");
        SimpleCommand cat = script.commands().get(0);
        assertEquals(List.of("cat"), cat.words());
        assertEquals(List.of(new Redirection("<<", "EOF", Optional.of("key=$VALUE\n")),
                new Redirection(">", "/etc/app.conf", Optional.empty())), cat.redirections());
        assertEquals(List.of("echo", "done"), script.commands().get(1).words());
        assertEquals(3, script.commands().get(1).line());
    }

    @Test
    void hereDocumentWithDashStripsLeadingTabs() {
        ShellScript script = ShellReader.read("cat <<-'END'\n\tone\n\t\ttwo\n\tEND\nls");
        assertEquals(Optional.of("one\ntwo\n"), script.commands().get(0).redirections().get(0).hereDocument());
        assertEquals(List.of("ls"), script.commands().get(1).words());
    }

    @Test
    void bashTestExpressionKeepsOperatorsAsWords() {
        ShellScript script = ShellReader.read("[[ -f a && $x < 3 ]] && echo yes");
        assertEquals(List.of(List.of("[[", "-f", "a", "&&", "$x", "<", "3", "]]"), List.of("echo", "yes")),
                words(script));
        assertEquals(Connector.AND, script.commands().get(1).connector());
    }

    @Test
    void programIsTheBaseNameOfTheFirstWord() {
        SimpleCommand command = ShellReader.read("/usr/bin/apt-get -q update").commands().get(0);
        assertEquals("apt-get", command.program());
        assertEquals(List.of("-q", "update"), command.args());
        assertEquals(true, command.runs("apt", "apt-get"));
        assertEquals(false, command.runs("apt"));
    }
}
