package dev.layerlint.dockerfile;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Random words and Dockerfiles built from the lexer's and parser's special characters: every input
 * either lexes or is refused with BuildKit's kind of error, never with an exception of another kind.
 */
class RandomWordsTest {

    private static final String ALPHABET = "${}:-+?#%/\\'\"`*<[]a1_ \t.=@!";
    private static final ShellLexer.Env ENV = new ShellLexer.Env(Map.of("a", "x*y", "A", "", "_1", "\\"), Set.of("b"), false);

    private static String randomText(Random random, int max) {
        StringBuilder s = new StringBuilder();
        int length = random.nextInt(max);
        for (int i = 0; i < length; i++) {
            s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }

    @Test
    void randomWordsLexOrFailWithAWordError() {
        Random random = new Random(14);
        ShellLexer[] lexers = {ShellLexer.of('\\'), ShellLexer.of('`'), new ShellLexer('\\', true, true, true, true),
                new ShellLexer('\\', false, false, true, false)};
        for (int i = 0; i < 20_000; i++) {
            String word = randomText(random, 24);
            for (ShellLexer lexer : lexers) {
                try {
                    lexer.processWord(word, ENV);
                    // BuildKit's word list never holds an empty word
                    assertTrue(lexer.processWords(word, ShellLexer.Env.EMPTY).stream().noneMatch(String::isEmpty), word);
                } catch (ShellLexer.WordException expected) {
                    // BuildKit refuses this word too
                }
            }
        }
    }

    @Test
    void randomDockerfilesParseOrFailWithAParseError() {
        Random random = new Random(41);
        String[] keywords = {"FROM", "RUN", "COPY", "ADD", "ENV", "ARG", "LABEL", "WORKDIR", "ONBUILD", "HEALTHCHECK", "CMD",
                "VOLUME", "EXPOSE", "USER", "SHELL", "# escape=`", "# check=", "#!", "", "<<EOF", "EOF"};
        for (int i = 0; i < 5_000; i++) {
            StringBuilder df = new StringBuilder("FROM scratch\n");
            int lines = 1 + random.nextInt(6);
            for (int l = 0; l < lines; l++) {
                df.append(keywords[random.nextInt(keywords.length)]).append(' ').append(randomText(random, 20)).append('\n');
            }
            ParseResult result = DockerfileParser.parse("Dockerfile", df.toString());
            int total = df.toString().split("\n", -1).length - 1;
            if (result instanceof ParseResult.Failure f) {
                assertTrue(f.error().line() >= 1 && f.error().line() <= f.error().endLine() && f.error().endLine() <= total, f + "\n" + df);
            } else {
                int previous = 0;
                for (Instruction ins : ((ParseResult.Success) result).dockerfile().instructions()) {
                    assertTrue(ins.line() > previous && ins.endLine() >= ins.line() && ins.endLine() <= total, ins + "\n" + df);
                    previous = ins.endLine();
                }
            }
        }
    }
}
