package dev.layerlint.dockerfile;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static dev.layerlint.dockerfile.DockerfileParserTest.error;
import static dev.layerlint.dockerfile.DockerfileParserTest.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The parser against the behaviours of BuildKit's Dockerfile parser, directive parser, heredoc
 * reader and instruction parser (see docs/conformance.md), with our own inputs.
 */
class DockerfileConformanceTest {

    // --- line continuation ---

    @Test
    void anEscapedEscapeEndsTheLine() {
        Dockerfile df = parse("FROM a\nENV DIR=C:\\\\\nRUN apt-get update\n");
        assertEquals(3, df.instructions().size());
        assertEquals("C:\\", df.finalStage().instructions().get(0).pairs().get(0).value().orElseThrow());
        assertEquals(List.of("apt-get update"), df.finalStage().instructions().get(1).args());
        assertEquals(3, df.finalStage().instructions().get(1).line());
    }

    @Test
    void runEndingInAnEscapedEscapeKeepsTheNextInstructionApart() {
        Dockerfile df = parse("FROM a\nRUN echo C:\\\\\nRUN echo next\n");
        assertEquals(List.of("echo C:\\\\"), df.finalStage().instructions().get(0).args());
        assertEquals(3, df.finalStage().instructions().get(1).line());
    }

    @Test
    void threeEscapesEndTheLineToo() {
        Dockerfile df = parse("FROM a\nRUN foo \\\\\\\nRUN bar\n");
        assertEquals(2, df.finalStage().instructions().size());
        assertEquals(List.of("foo \\\\\\"), df.finalStage().instructions().get(0).args());
    }

    @Test
    void aLoneEscapeAndBlanksAfterTheEscapeStillContinue() {
        Dockerfile df = parse("FROM a\nRUN one \\ \t\n  two \\\n\\\n three\n");
        Instruction run = df.finalStage().instructions().get(0);
        assertEquals(List.of("one   two  three"), run.args());
        assertEquals(5, run.endLine());
    }

    @Test
    void aFileWithOnlyCommentsHasNoInstructions() {
        assertEquals(new ParseError(2, 2, "file with no instructions"), error("# one\n# two\n"));
        assertEquals("file with no instructions", error("").message());
    }

    @Test
    void aContinuationAtTheEndOfTheFileEndsTheInstruction() {
        Dockerfile df = parse("FROM a\n\nRUN make \\");
        assertEquals(List.of("make"), df.finalStage().instructions().get(0).args());
        assertEquals(3, df.finalStage().instructions().get(0).endLine());
    }

    @Test
    void linesOfAContinuedInstructionSpanItsCommentsAndBlankLines() {
        Dockerfile df = parse("# head\nFROM a\n\nRUN one \\\n# inside \\\n\n  two \\\n    # indented\n  three\nUSER me\n");
        Instruction run = df.finalStage().instructions().get(0);
        assertEquals(4, run.line());
        assertEquals(9, run.endLine());
        assertEquals(List.of("one   two   three"), run.args());
        assertEquals(10, df.finalStage().instructions().get(1).line());
    }

    @Test
    void wordsOfEnvAndLabelKeepTheirQuotesAndEscapesUntilExpansion() {
        assertEquals(List.of("key", "value"), Words.split("key value", '\\'));
        assertEquals(List.of("key\\ value"), Words.split("key\\ value", '\\'));
        assertEquals(List.of("a", "'b c'", "\"d e\""), Words.split("a 'b c' \"d e\"", '\\'));
        assertEquals(List.of("ünï", "\"cödé x\""), Words.split("ünï \"cödé x\"", '\\'));
        assertEquals(List.of("end"), Words.split("end\\", '\\'));
        Dockerfile df = parse("FROM a\nENV NAME first second  third\nENV QUOTED \"one two\"\nLABEL who Jane \\\\Doe \"<j@example.org>\"\n");
        List<Instruction> ins = df.finalStage().instructions();
        assertEquals(new KeyValue("NAME", Optional.of("first second  third")), ins.get(0).pairs().get(0));
        assertEquals(new KeyValue("QUOTED", Optional.of("one two")), ins.get(1).pairs().get(0));
        assertEquals(new KeyValue("who", Optional.of("Jane \\Doe <j@example.org>")), ins.get(2).pairs().get(0));
    }

    @Test
    void aDoubleDashEndsTheFlags() {
        Dockerfile df = parse("FROM a\nCOPY --chmod=644 -- --weird /dst/\nCMD -- [\"a\", \"b\"]\n");
        Instruction copy = df.finalStage().instructions().get(0);
        assertEquals(List.of("--weird", "/dst/"), copy.args());
        assertEquals(1, copy.flags().size());
        Instruction cmd = df.finalStage().instructions().get(1);
        assertTrue(cmd.execForm());
        assertEquals(List.of("a", "b"), cmd.args());
    }

    @Test
    void jsonEscapesAndUnicodeAreDecoded() {
        Instruction cmd = parse("FROM a\nCMD\t[\t\"x y\",\t\"\u2603\", \"\\\" \\\\ \\/ \\t \\u0041\"\t]\t\n").finalStage().instructions().get(0);
        assertTrue(cmd.execForm());
        assertEquals(List.of("x y", "\u2603", "\" \\ / \t A"), cmd.args());
    }

    @Test
    void nestedJsonIsTheNegativeCase() {
        assertEquals("when using JSON array syntax, arrays must be comprised of strings only",
                error("FROM a\nENTRYPOINT [ \"run\", [ \"inner\" ] ]\n").message());
        assertEquals("ENV must have two arguments", error("FROM a\n\nENV HOME\n").message());
    }

    @Test
    void anUnclosedQuoteInACopySourceFailsWhenTheBuildExpandsIt() {
        // the parser keeps the word; BuildKit's lexer refuses it when the build reaches the ADD
        assertEquals(new ParseError(2, 2, "failed to process \"\\\\dir\\\\\\\\\\\"\": "
                + "unexpected end of statement while looking for matching double-quote"), error("FROM a\nADD \\dir\\\\\" /d\n"));
    }

    // --- directives ---

    @Test
    void directivesAfterAShebangLineAreReadForCheckAndSyntax() {
        Dockerfile df = parse("#!/usr/bin/env buildx\n# syntax=docker/dockerfile:1\n# check=skip=all\nFROM a\n");
        assertEquals(List.of(new Directive("syntax", "docker/dockerfile:1", 2), new Directive("check", "skip=all", 3)),
                df.directives());
    }

    @Test
    void escapeAfterAShebangIsAComment() {
        assertEquals('\\', parse("#!/bin/sh\n# escape=`\nFROM a\n").escape());
    }

    @Test
    void aBlankLineAfterTheShebangEndsDirectives() {
        assertTrue(parse("#!/bin/sh\n\n# check=skip=all\nFROM a\n").directives().isEmpty());
    }

    @Test
    void checkValueStopsAtItsFirstBlank() {
        Dockerfile df = parse("# check=skip=all // reviewed by the platform team\nFROM a\n");
        assertEquals(Optional.of("skip=all"), df.directive("check").map(Directive::value));
    }

    @Test
    void anUnknownDirectiveEndsTheScan() {
        Dockerfile df = parse("# foo=bar\n# escape=`\n# check=skip=all\nFROM a\n");
        assertEquals('\\', df.escape());
        assertTrue(df.directives().isEmpty());
    }

    @Test
    void directiveNamesIgnoreCaseAndBlanksAroundTheEquals() {
        Dockerfile df = parse("#  ESCAPE  =  `  \nFROM a\nRUN a `\n b\n");
        assertEquals('`', df.escape());
        assertEquals(List.of("a  b"), df.finalStage().instructions().get(0).args());
    }

    @Test
    void aRepeatedDirectiveIsAnError() {
        assertEquals(new ParseError(2, 2, "only one check parser directive can be used"),
                error("# check=skip=all\n# check=error=true\nFROM a\n"));
    }

    @Test
    void anEscapeDirectiveLineAfterTheFirstInstructionIsAComment() {
        Dockerfile df = parse("FROM a\n# escape=`\nRUN a \\\n b\n");
        assertEquals('\\', df.escape());
        assertEquals(List.of("a  b"), df.finalStage().instructions().get(0).args());
    }

    // --- heredocs ---

    @Test
    void blanksBetweenTheOperatorAndTheDelimiter() {
        Dockerfile df = parse("FROM a\nRUN << EOF\napt-get update\nEOF\nRUN <<  END > out\nx\nEND\n");
        Heredoc first = df.finalStage().instructions().get(0).heredocs().get(0);
        assertEquals(new Heredoc("EOF", false, true, "apt-get update\n", 3, 4), first);
        assertEquals("END", df.finalStage().instructions().get(1).heredocs().get(0).name());
        assertEquals(List.of(new Instruction.Script("apt-get update\n", 3, Optional.empty())),
                df.finalStage().instructions().get(0).scripts());
    }

    @Test
    void aDashAfterTheBlankIsPartOfTheName() {
        Dockerfile df = parse("FROM a\nRUN << -EOF\necho\n-EOF\n");
        Heredoc h = df.finalStage().instructions().get(0).heredocs().get(0);
        assertEquals("-EOF", h.name());
        assertFalse(h.chomp());
    }

    @Test
    void aDashThenABlankIsNoHeredocForBuildKit() {
        // the lexer keeps blanks only right after "<<": "<<-" and "EOF" are two words
        assertEquals("unknown instruction: echo", error("FROM a\nRUN <<- EOF\necho\nEOF\n").message());
    }

    @Test
    void chompStripsTabsFromBodyAndDelimiter() {
        Heredoc h = parse("FROM a\nRUN <<-EOF\n\techo\n\tEOF\n").finalStage().instructions().get(0).heredocs().get(0);
        assertTrue(h.chomp());
        assertEquals("echo\n", h.effectiveContent());
    }

    @Test
    void aDollarDelimiterIsAName() {
        Heredoc h = parse("FROM a\nRUN <<$EOF\necho\n$EOF\n").finalStage().instructions().get(0).heredocs().get(0);
        assertEquals(new Heredoc("$EOF", false, true, "echo\n", 3, 4), h);
    }

    @Test
    void quotingDecidesExpansion() {
        assertFalse(heredoc("<<'END'", "END").expand());
        assertFalse(heredoc("<<\"END\"", "END").expand());
        assertFalse(heredoc("<<E'N'D", "END").expand());
        assertTrue(heredoc("<<EN\\'D", "EN'D").expand());
        assertFalse(heredoc("<<'E'N\\'D", "EN'D").expand());
        assertFalse(heredoc("<<'a b'", "a b").expand());
        assertTrue(heredoc("3<<END", "END").expand());
    }

    @Test
    void heredocsInJsonOrQuotesAreNone() {
        assertTrue(parse("FROM a\nRUN [\"<<EOF\"]\n").finalStage().instructions().get(0).heredocs().isEmpty());
        assertTrue(parse("FROM a\nRUN '<<EOF'\n").finalStage().instructions().get(0).heredocs().isEmpty());
        assertTrue(parse("FROM a\nUSER <<EOF\n").finalStage().instructions().get(0).heredocs().isEmpty());
    }

    @Test
    void twoHeredocsInOneCopy() {
        Instruction copy = parse("FROM a\nCOPY <<ONE <<TWO /dst/\n1\nONE\n2\nTWO\n").finalStage().instructions().get(0);
        assertEquals(List.of("ONE", "TWO"), copy.heredocs().stream().map(Heredoc::name).toList());
        assertEquals(6, copy.endLine());
    }

    @Test
    void aLineThatDoesNotLexOpensNoHeredoc() {
        // BuildKit ignores the lexer's error on the whole line: no heredoc, the RUN is a plain command
        Instruction run = parse("FROM a\nRUN <<'EOF cat\n").finalStage().instructions().get(0);
        assertTrue(run.heredocs().isEmpty());
        assertEquals(List.of("<<'EOF cat"), run.args());
    }

    @Test
    void aHeredocCannotBeTheDestination() {
        assertEquals(new ParseError(2, 4, "COPY cannot accept a heredoc as a destination"), error("FROM a\nCOPY /src <<EOF\nx\nEOF\n"));
    }

    private static Heredoc heredoc(String operator, String name) {
        return parse("FROM a\nRUN " + operator + "\nbody\n" + name + "\n").finalStage().instructions().get(0).heredocs().get(0);
    }

    // --- JSON arrays ---

    @Test
    void jsonArraysOfNonStringsAreRejected() {
        String reason = "when using JSON array syntax, arrays must be comprised of strings only";
        assertEquals(new ParseError(2, 2, reason), error("FROM a\nCMD [\"sleep\", 5]\n"));
        assertEquals(reason, error("FROM a\nENTRYPOINT [\"a\", true]\n").message());
        assertEquals(reason, error("FROM a\nRUN [[\"a\"]]\n").message());
        assertEquals(reason, error("FROM a\nCOPY [\"a\", {\"b\": 1}]\n").message());
        assertEquals(reason, error("FROM a\nVOLUME [null]\n").message());
        assertEquals(reason, error("FROM a\nHEALTHCHECK CMD [\"a\", 1]\n").message());
        assertEquals(reason, error("FROM a\nONBUILD CMD [1]\n").message());
    }

    @Test
    void invalidJsonIsShellForm() {
        for (String args : List.of("[\"a\", 'b']", "[\"a\"", "[\"a\"] tail", "[\"a\",]")) {
            Instruction cmd = parse("FROM a\nCMD " + args + "\n").finalStage().instructions().get(0);
            assertFalse(cmd.execForm(), args);
            assertEquals(List.of(args), cmd.args());
        }
        Instruction empty = parse("FROM a\nCMD []\n").finalStage().instructions().get(0);
        assertTrue(empty.execForm());
        assertEquals(List.of(), empty.args());
    }

    // --- instruction errors ---

    @Test
    void messagesAsBuildKitWordsThem() {
        assertEquals(new ParseError(2, 2, "unknown instruction: foo"), error("FROM a\nfoo bar\n"));
        assertEquals("unknown instruction: Runn", error("FROM a\nRunn x\n").message());
        assertEquals("unknown flag: --boo", error("FROM a\nMAINTAINER --boo me\n").message());
        assertEquals("missing a value on flag: --link", error("FROM a\nCOPY --link= a b\n").message());
        assertEquals("unknown flag: --x", error("FROM a\nONBUILD --x RUN true\n").message());
    }

    @Test
    void parserErrorsWinOverEarlierInstructionErrors() {
        // BuildKit parses the whole file before it interprets instructions
        assertEquals(new ParseError(3, 3, "when using JSON array syntax, arrays must be comprised of strings only"),
                error("FROM a\nfoo\nCMD [1]\n"));
        assertEquals(new ParseError(2, 2, "unknown instruction: foo"), error("FROM a\nfoo\nbar\n"));
    }

    @Test
    void anInstructionBeforeTheFirstFromIsAnInstructionError() {
        assertEquals(new ParseError(2, 2, "no build stage in current context"), error("ARG A=1\nRUN true\nfoo\nFROM a\n"));
        assertEquals(new ParseError(2, 2, "unknown instruction: foo"), error("ARG A=1\nfoo\nRUN true\nFROM a\n"));
        assertEquals(new ParseError(2, 2, "dockerfile contains no stages to build"), error("ARG A=1\nARG B\n"));
    }

    @Test
    void healthcheckDurations() {
        assertEquals(new ParseError(2, 2, "Interval \"interval\" cannot be less than 1ms"),
                error("FROM a\nHEALTHCHECK --interval=50ns CMD true\n"));
        assertEquals("Interval \"start-period\" cannot be less than 1ms", error("FROM a\nHEALTHCHECK --start-period=999us CMD true\n").message());
        assertEquals("time: invalid duration \"soon\"", error("FROM a\nHEALTHCHECK --timeout=soon CMD true\n").message());
        assertEquals("time: missing unit in duration \"30\"", error("FROM a\nHEALTHCHECK --timeout=30 CMD true\n").message());
        assertEquals("time: unknown unit \"d\" in duration \"1d\"", error("FROM a\nHEALTHCHECK --timeout=1d CMD true\n").message());
        assertEquals("--retries cannot be negative (-1)", error("FROM a\nHEALTHCHECK --retries=-1 CMD true\n").message());
        assertEquals("strconv.ParseInt: parsing \"x\": invalid syntax", error("FROM a\nHEALTHCHECK --retries=x CMD true\n").message());
        parse("FROM a\nHEALTHCHECK --interval=0s --timeout=1ms --start-period=1.5m --start-interval=1h2m3s CMD true\n");
        parse("FROM a\nHEALTHCHECK --whatever NONE\n");
    }

    @Test
    void aLineLongerThan64KiBIsRefused() {
        String ok = "FROM a\nRUN " + "x".repeat(DockerfileParser.MAX_LINE_BYTES - 4) + "\n";
        parse(ok);
        assertEquals(new ParseError(2, 2, "dockerfile line greater than max allowed size of 65535"),
                error("FROM a\nRUN " + "x".repeat(DockerfileParser.MAX_LINE_BYTES - 3) + "\n"));
        // the limit counts UTF-8 bytes
        assertEquals(new ParseError(2, 2, "dockerfile line greater than max allowed size of 65535"),
                error("FROM a\nRUN " + "é".repeat(DockerfileParser.MAX_LINE_BYTES / 2) + "\n"));
    }

    // --- ONBUILD ---

    @Test
    void onbuildTriggerProblemsAreLaterErrorsNotFailures() {
        Dockerfile df = parse("FROM a\nONBUILD COPY onlyone\nONBUILD FOO bar\nONBUILD RUN --bogus true\nRUN true\n");
        assertEquals(List.of(
                new ParseError(2, 2, "the ONBUILD trigger fails every build that starts FROM this image: "
                        + "COPY requires at least two arguments, but only one was provided. Destination could not be determined"),
                new ParseError(3, 3, "the ONBUILD trigger fails every build that starts FROM this image: unknown instruction: FOO"),
                new ParseError(4, 4, "the ONBUILD trigger fails every build that starts FROM this image: unknown flag: --bogus")),
                df.laterErrors());
        assertEquals(4, df.finalStage().instructions().size());
        assertEquals(Optional.empty(), df.finalStage().instructions().get(0).trigger());
    }

    @Test
    void onbuildErrorsOfTheOnbuildItselfStillFail() {
        assertEquals("Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed", error("FROM a\nONBUILD ONBUILD RUN x\n").message());
        assertEquals("FROM isn't allowed as an ONBUILD trigger", error("FROM a\nONBUILD from b\n").message());
        assertEquals("MAINTAINER isn't allowed as an ONBUILD trigger", error("FROM a\nONBUILD MAINTAINER me\n").message());
        assertEquals("ONBUILD requires at least one argument", error("FROM a\nONBUILD\n").message());
        assertEquals("ENV must have two arguments", error("FROM a\nONBUILD ENV lonely\n").message());
    }

    @Test
    void onbuildHeredocsBelongToTheTrigger() {
        Instruction onbuild = parse("FROM a\nONBUILD RUN <<EOF\necho\nEOF\n").finalStage().instructions().get(0);
        assertEquals(4, onbuild.endLine());
        assertEquals("echo\n", onbuild.trigger().orElseThrow().heredocs().get(0).content());
    }

    // --- expansion where BuildKit expands ---

    @Test
    void patternOperatorsInFrom() {
        Dockerfile df = parse("ARG V=v3.19.1\nFROM alpine:${V#v}\n");
        assertEquals("alpine", df.finalStage().base().repository());
        assertEquals(Optional.of("3.19.1"), df.finalStage().base().tag());
    }

    @Test
    void expansionErrorsFailAtTheirInstruction() {
        assertEquals(new ParseError(2, 2, "failed to process \"${X:?set X}\": X: set X"), error("FROM scratch\nWORKDIR ${X:?set X}\n"));
        assertEquals(new ParseError(1, 1, "failed to process \"img:${}\": syntax error: bad substitution"), error("FROM img:${}\n"));
        assertEquals("failed to process \"${A:B}\": unsupported modifier (:B) in substitution", error("FROM a\nENV X=${A:B}\n").message());
        assertEquals("failed to process \"\\\"unclosed\": unexpected end of statement while looking for matching double-quote",
                error("FROM a\nCOPY \"unclosed /dst\n").message());
        assertEquals("failed to process \"${EMPTY:?}\": EMPTY: is not allowed to be empty",
                error("FROM a\nENV EMPTY=\"\"\nUSER ${EMPTY:?}\n").message());
    }

    @Test
    void buildArgumentsWithoutDefaultMayBeSetByTheBuild() {
        parse("ARG VERSION\nFROM a:${VERSION:?required} AS a\nFROM scratch\nARG VERSION\nLABEL v=${VERSION:?required}\n"
                + "ARG TOKEN\nWORKDIR /${TOKEN:?}\n");
        // a global ARG is not in a stage's scope until the stage declares it again
        assertEquals("failed to process \"${VERSION:?}\": VERSION: is not allowed to be unset",
                error("ARG VERSION=1\nFROM scratch\nLABEL v=${VERSION:?}\n").message());
        assertEquals("failed to process \"/${TOKEN:?}\": TOKEN: is not allowed to be unset",
                error("FROM scratch\nWORKDIR /${TOKEN:?}\n").message());
        assertEquals("failed to process \"a:${VERSION:?}\": VERSION: is not allowed to be unset", error("FROM a:${VERSION:?}\n").message());
    }

    @Test
    void aBaseImageMaySetAnyVariable() {
        Dockerfile df = parse("FROM eclipse-temurin:21\nWORKDIR ${JAVA_HOME:?}/lib\nCOPY $APP_JAR ${JAVA_HOME}/app.jar\n"
                + "FROM scratch AS empty\nFROM empty\nCOPY $APP_JAR /app.jar\n");
        assertEquals(List.of("$APP_JAR", "${JAVA_HOME}/app.jar"), df.stages().get(0).instructions().get(1).args());
        // nothing can set a variable in a stage built on scratch: it expands to nothing, as in BuildKit
        assertEquals(List.of("", "/app.jar"), df.stages().get(2).instructions().get(0).args());
    }

    @Test
    void copyFromCannotUseVariables() {
        assertEquals(new ParseError(3, 3, "variable expansion is not supported for --from, define a new stage with FROM "
                + "using ARG from global scope as a workaround"), error("FROM a AS b\nARG S=b\nCOPY --from=$S /x /y\n"));
    }

    @Test
    void copySourcesGoThroughTheLexer() {
        Dockerfile df = parse("FROM a\nARG URL=https://example.org/app.tgz\nADD \"file.tgz\" /dst/\nADD $URL '/opt/app'\n"
                + "COPY <<EOF ${URL#https://}\nx\nEOF\n");
        List<Instruction> ins = df.finalStage().instructions();
        assertEquals(List.of("file.tgz", "/dst/"), ins.get(1).args());
        assertEquals(List.of("https://example.org/app.tgz", "/opt/app"), ins.get(2).args());
        // BuildKit splits COPY/ADD at blanks before it lexes the words, so quotes cannot hold a blank
        assertEquals("failed to process \"'/opt/my\": unexpected end of statement while looking for matching single-quote",
                error("FROM a\nADD x '/opt/my app'\n").message());
        assertEquals(List.of("<<EOF", "example.org/app.tgz"), ins.get(3).args());
    }

    @Test
    void envValuesSeeOnlyTheEnvironmentBeforeTheInstruction() {
        assertEquals("failed to process \"${A:?}\": A: is not allowed to be unset", error("FROM scratch\nENV A=1 B=${A:?}\n").message());
        parse("FROM scratch\nENV A=1\nENV B=${A:?}\n");
    }

    @Test
    void triggersAreNotExpandedInThisBuild() {
        Dockerfile df = parse("FROM a\nONBUILD WORKDIR ${X:?}\n");
        assertTrue(df.laterErrors().isEmpty());
    }
}
