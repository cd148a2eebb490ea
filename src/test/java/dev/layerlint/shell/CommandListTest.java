package dev.layerlint.shell;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class CommandListTest {

    private static CommandList plain(String script) {
        return assertInstanceOf(CommandList.Plain.class, CommandList.read(script)).list();
    }

    @Test
    void wordsKeepWhereTheyAreWritten() {
        CommandList list = plain("apt-get update &&  pip install 'a b' > log | tee x; echo");
        assertEquals(List.of(Connector.NONE, Connector.AND, Connector.PIPE, Connector.SEMICOLON),
                list.commands().stream().map(CommandList.Command::connector).toList());
        CommandList.Command pip = list.commands().get(1);
        assertEquals(List.of("pip", "install", "a b", ">", "log"), pip.words().stream().map(CommandList.Word::text).toList());
        assertEquals("'a b'", pip.words().get(2).raw());
        assertEquals(31, pip.words().get(2).start());
        assertEquals(36, pip.words().get(2).end());
        assertEquals(19, pip.start());
        assertEquals(42, pip.end());
        assertEquals("install", pip.firstWord("install", 1).orElseThrow().text());
        assertEquals(false, list.andChain());
        assertEquals(true, plain("a && b&&c").andChain());
    }

    @Test
    void compoundCommandsBackgroundJobsAndHereDocumentsAreNotPlain() {
        assertEquals("it uses `if`", ((CommandList.NotPlain) CommandList.read("if a; then b; fi")).reason());
        assertEquals("it uses `(`", ((CommandList.NotPlain) CommandList.read("(cd x && make)")).reason());
        assertEquals("it uses `&`", ((CommandList.NotPlain) CommandList.read("a & b")).reason());
        assertEquals("it uses `<<`", ((CommandList.NotPlain) CommandList.read("cat <<EOF\nx\nEOF")).reason());
        assertEquals("it uses `{`", ((CommandList.NotPlain) CommandList.read("{ a; }")).reason());
        assertEquals("its shell cannot be read: unterminated single quote (script line 1)",
                ((CommandList.NotPlain) CommandList.read("echo 'x")).reason());
    }
}
