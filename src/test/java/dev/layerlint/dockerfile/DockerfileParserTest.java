package dev.layerlint.dockerfile;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DockerfileParserTest {

    static Dockerfile parse(String text) {
        ParseResult result = DockerfileParser.parse("Dockerfile", text);
        if (result instanceof ParseResult.Failure f) {
            throw new AssertionError("unexpected parse error: " + f.error());
        }
        return ((ParseResult.Success) result).dockerfile();
    }

    static ParseError error(String text) {
        return assertInstanceOf(ParseResult.Failure.class, DockerfileParser.parse("Dockerfile", text)).error();
    }

    @Test
    void directivesOnlyAtTheTop() {
        Dockerfile df = parse("# syntax=docker/dockerfile:1\n# check=skip=JSONArgsRecommended\n# escape=\\\nFROM alpine\n# escape=`\nRUN a \\\n b\n");
        assertEquals(List.of(new Directive("syntax", "docker/dockerfile:1", 1),
                new Directive("check", "skip=JSONArgsRecommended", 2),
                new Directive("escape", "\\", 3)), df.directives());
        assertEquals("a  b", df.finalStage().instructions().get(0).args().get(0));
    }

    @Test
    void directiveAfterCommentOrBlankLineIsAComment() {
        assertTrue(parse("# hello\n# escape=`\nFROM a\n").directives().isEmpty());
        assertTrue(parse("\n# escape=`\nFROM a\n").directives().isEmpty());
    }

    @Test
    void unknownDirectiveEndsDirectives() {
        Dockerfile df = parse("# foo=bar\n# escape=`\nFROM a\n");
        assertEquals('\\', df.escape());
    }

    @Test
    void backtickEscapeChangesLineContinuation() {
        Dockerfile df = parse("# escape=`\nFROM mcr.microsoft.com/windows\nRUN dir c:\\ `\n  && echo hi\n");
        Instruction run = df.finalStage().instructions().get(0);
        assertEquals("dir c:\\   && echo hi", run.args().get(0));
        assertEquals(3, run.line());
        assertEquals(4, run.endLine());
    }

    @Test
    void invalidEscapeIsAnError() {
        assertEquals(new ParseError(1, 1, "invalid escape token 'x' does not match ` or \\"), error("# escape=x\nFROM a\n"));
    }

    @Test
    void duplicateDirectiveIsAnError() {
        assertEquals("only one syntax parser directive can be used", error("# syntax=a\n# syntax=b\nFROM a\n").message());
    }

    @Test
    void continuationSkipsCommentAndBlankLinesAndKeepsLineRange() {
        Dockerfile df = parse("FROM a\nRUN apt-get update \\\n    # comment inside\n\n    && apt-get install -y curl\nCMD x\n");
        Instruction run = df.finalStage().instructions().get(0);
        assertEquals("apt-get update     && apt-get install -y curl", run.args().get(0));
        assertEquals(2, run.line());
        assertEquals(5, run.endLine());
        assertEquals(6, df.finalStage().instructions().get(1).line());
        assertEquals(List.of(new Comment(3, "comment inside")), df.comments());
    }

    @Test
    void continuationWithTrailingWhitespaceAfterBackslash() {
        Dockerfile df = parse("FROM a\nRUN a \\  \n b\n");
        assertEquals("a  b", df.finalStage().instructions().get(0).args().get(0));
    }

    @Test
    void crlfAndBom() {
        Dockerfile df = parse("\uFEFFFROM alpine:3.19\r\nRUN echo a \\\r\n && echo b\r\nUSER app\r\n");
        assertEquals("alpine", df.finalStage().base().repository());
        assertEquals("echo a  && echo b", df.finalStage().instructions().get(0).args().get(0));
        assertEquals("app", df.finalStage().instructions().get(1).args().get(0));
        assertEquals(4, df.finalStage().instructions().get(1).line());
    }

    @Test
    void keywordsAreCaseInsensitiveAndColumnsCountIndentation() {
        Dockerfile df = parse("from alpine AS Build\n  run echo hi\n");
        Instruction run = df.finalStage().instructions().get(0);
        assertEquals(Keyword.RUN, run.keyword());
        assertEquals(3, run.column());
        assertEquals(Optional.of("build"), df.finalStage().name());
    }

    @Test
    void execFormAndShellForm() {
        Dockerfile df = parse("FROM a\nCMD [\"python\", \"app.py\"]\nENTRYPOINT python app.py\nRUN [\"sh\", \"-c\", \"echo hi\"]\n");
        List<Instruction> ins = df.finalStage().instructions();
        assertTrue(ins.get(0).execForm());
        assertEquals(List.of("python", "app.py"), ins.get(0).args());
        assertFalse(ins.get(1).execForm());
        assertEquals(List.of("python app.py"), ins.get(1).args());
        assertEquals(List.of("sh", "-c", "echo hi"), ins.get(2).args());
    }

    @Test
    void invalidJsonFallsBackToShellForm() {
        Dockerfile df = parse("FROM a\nCMD [\"python\", 'app.py']\nCMD [1, 2\nCMD [\"a\"] extra\n");
        for (Instruction cmd : df.finalStage().instructions()) {
            assertFalse(cmd.execForm(), cmd.arguments());
            assertEquals(List.of(cmd.arguments()), cmd.args());
        }
    }

    @Test
    void flagsWithValuesAndMounts() {
        Dockerfile df = parse("FROM --platform=$BUILDPLATFORM golang:1.22 AS build\n"
                + "RUN --mount=type=cache,target=/root/.cache/go-build --mount=type=bind,source=go.sum,target=go.sum go build ./...\n"
                + "FROM scratch\n"
                + "COPY --from=build --chown=10001:10001 --chmod=0755 --link /out/app /app\n"
                + "ADD --checksum=sha256:abc --keep-git-dir=true https://example.org/x.git /src\n"
                + "HEALTHCHECK --interval=30s --timeout=3s --start-period=5s --retries=3 CMD [\"/app\", \"health\"]\n");
        Stage build = df.stages().get(0);
        assertEquals(Optional.of("$BUILDPLATFORM"), build.from().flag("platform").flatMap(Flag::value));
        Instruction run = build.instructions().get(0);
        assertEquals(2, run.flags("mount").size());
        assertEquals("type=cache,target=/root/.cache/go-build", run.flags("mount").get(0).valueOrEmpty());
        assertEquals(List.of("go build ./..."), run.args());
        Instruction copy = df.finalStage().instructions().get(0);
        assertEquals(List.of("build"), copy.flags("from").stream().map(Flag::valueOrEmpty).toList());
        assertEquals(Optional.empty(), copy.flag("link").flatMap(Flag::value));
        assertTrue(copy.hasFlag("link"));
        assertEquals(List.of("/out/app", "/app"), copy.args());
        Instruction hc = df.finalStage().instructions().get(2);
        assertEquals(List.of("CMD", "/app", "health"), hc.args());
        assertTrue(hc.execForm());
        assertEquals("3", hc.flag("retries").orElseThrow().valueOrEmpty());
    }

    @Test
    void quotedFlagValue() {
        Instruction run = parse("FROM a\nRUN --mount=\"type=secret,id=npm token\" npm ci\n").finalStage().instructions().get(0);
        assertEquals("type=secret,id=npm token", run.flag("mount").orElseThrow().valueOrEmpty());
        assertEquals(List.of("npm ci"), run.args());
    }

    @Test
    void copyExcludeAndParentsFlags() {
        Instruction copy = parse("FROM a\nCOPY --parents --exclude=*.md --exclude=tests ./src/ /app/\n").finalStage().instructions().get(0);
        assertEquals(List.of("*.md", "tests"), copy.flags("exclude").stream().map(Flag::valueOrEmpty).toList());
        assertTrue(copy.hasFlag("parents"));
    }

    @Test
    void flagErrorsAsBuildKitReportsThem() {
        assertEquals(new ParseError(2, 2, "unknown flag: --frm"), error("FROM a\nCOPY --frm=x a b\n"));
        assertEquals("missing a value on flag: --from", error("FROM a\nCOPY --from a b\n").message());
        assertEquals("duplicate flag specified: --from", error("FROM a\nCOPY --from=a --from=b x y\n").message());
        assertEquals("expecting boolean value for flag --link, not: maybe", error("FROM a\nCOPY --link=maybe a b\n").message());
        assertEquals("unknown flag: --foo", error("FROM a\nCMD --foo\n").message());
    }

    @Test
    void heredocRunScriptAndLines() {
        Dockerfile df = parse("FROM a\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\nUSER app\n");
        Instruction run = df.finalStage().instructions().get(0);
        assertEquals(2, run.line());
        assertEquals(5, run.endLine());
        Heredoc h = run.heredocs().get(0);
        assertEquals(new Heredoc("EOF", false, true, "apt-get update\napt-get install -y curl\n", 3, 5), h);
        assertEquals(List.of(new Instruction.Script("apt-get update\napt-get install -y curl\n", 3, Optional.empty())), run.scripts());
        assertEquals(6, df.finalStage().instructions().get(1).line());
    }

    @Test
    void heredocChompQuotedAndSeveralOnOneLine() {
        Dockerfile df = parse("FROM a\nCOPY <<-\"A\" <<'B' /dest/\n\tone\n\tA\ntwo $X\nB\n");
        Instruction copy = df.finalStage().instructions().get(0);
        assertEquals(List.of(new Heredoc("A", true, false, "\tone\n", 3, 4), new Heredoc("B", false, false, "two $X\n", 5, 6)),
                copy.heredocs());
        assertEquals("one\n", copy.heredocs().get(0).effectiveContent());
        assertEquals(List.of("<<-\"A\"", "<<'B'", "/dest/"), copy.args());
        assertEquals(6, copy.endLine());
    }

    @Test
    void heredocFedToAShellIsAScriptToo() {
        Instruction run = parse("FROM a\nRUN bash <<EOF\nset -e\npip install x\nEOF\n").finalStage().instructions().get(0);
        assertEquals(List.of(new Instruction.Script("bash <<EOF", 2, Optional.empty()),
                new Instruction.Script("set -e\npip install x\n", 3, Optional.empty())), run.scripts());
    }

    @Test
    void heredocBodyWithPythonIsNotAShellScript() {
        Instruction run = parse("FROM a\nRUN python3 <<EOF\nimport os\nEOF\n").finalStage().instructions().get(0);
        assertEquals(List.of(new Instruction.Script("python3 <<EOF", 2, Optional.empty())), run.scripts());
    }

    @Test
    void heredocLinesThatLookLikeInstructionsAreBody() {
        Dockerfile df = parse("FROM a\nRUN cat <<EOF > /etc/x\nFROM b\n# not a comment\nEOF\nCMD x\n");
        assertEquals(1, df.stages().size());
        assertEquals("FROM b\n# not a comment\n", df.finalStage().instructions().get(0).heredocs().get(0).content());
        assertTrue(df.comments().isEmpty());
    }

    @Test
    void herestringAndShiftAreNotHeredocs() {
        Instruction run = parse("FROM a\nRUN cat <<< hi && echo $((1<<2))\n").finalStage().instructions().get(0);
        assertTrue(run.heredocs().isEmpty());
    }

    @Test
    void unterminatedHeredoc() {
        assertEquals(new ParseError(2, 3, "unterminated heredoc"), error("FROM a\nRUN <<EOF\necho hi\n"));
    }

    @Test
    void onbuildWrapsAnInstruction() {
        Instruction onbuild = parse("FROM a\nONBUILD COPY --chown=1:1 . /app\n").finalStage().instructions().get(0);
        Instruction trigger = onbuild.trigger().orElseThrow();
        assertEquals(Keyword.COPY, trigger.keyword());
        assertEquals("1:1", trigger.flag("chown").orElseThrow().valueOrEmpty());
        assertEquals(List.of(".", "/app"), trigger.args());
        assertEquals(2, trigger.line());
    }

    @Test
    void onbuildErrors() {
        assertEquals("Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed", error("FROM a\nONBUILD ONBUILD RUN x\n").message());
        assertEquals("FROM isn't allowed as an ONBUILD trigger", error("FROM a\nONBUILD FROM x\n").message());
        assertEquals("ONBUILD requires at least one argument", error("FROM a\nONBUILD\n").message());
    }

    @Test
    void stagesNamesIndexesAndParents() {
        Dockerfile df = parse("FROM golang:1.22 AS Build\nRUN go build\nFROM build AS test\nFROM gcr.io/distroless/static:nonroot\nCOPY --from=0 /x /x\n");
        assertEquals(3, df.stages().size());
        assertEquals(Optional.of(0), df.stages().get(1).parentStage());
        assertEquals(Optional.empty(), df.finalStage().parentStage());
        assertEquals(df.stages().get(0), df.stage("BUILD").orElseThrow());
        assertEquals(df.stages().get(0), df.stage("0").orElseThrow());
        assertEquals(Optional.empty(), df.stage("7"));
        ImageRef base = df.finalStage().base();
        assertEquals(Optional.of("gcr.io"), base.registry());
        assertEquals("distroless/static", base.repository());
        assertEquals(Optional.of("nonroot"), base.tag());
        assertEquals(df.stages().get(0), df.stageOf(df.stages().get(0).instructions().get(0)).orElseThrow());
    }

    @Test
    void argsBeforeFromExpandInFrom() {
        Dockerfile df = parse("ARG VARIANT=slim\nARG PY=3.11\nARG BASE=python:${PY}-${VARIANT}\nFROM ${BASE} AS run\nFROM $UNSET_IMAGE\nFROM python:${PY:-3.9}@sha256:abc\n");
        assertEquals(3, df.globalArgs().size());
        assertEquals("python:3.11-slim", df.stages().get(0).base().text());
        assertEquals("", df.stages().get(1).base().text());
        assertEquals(Optional.of("3.11"), df.stages().get(2).base().tag());
        assertEquals(Optional.of("sha256:abc"), df.stages().get(2).base().digest());
    }

    @Test
    void imageReferencesSplitLikeDocker() {
        assertEquals(new ImageRef("localhost:5000/team/app:1.2", Optional.of("localhost:5000"), "team/app", Optional.of("1.2"), Optional.empty()),
                ImageRef.parse("localhost:5000/team/app:1.2"));
        assertEquals(new ImageRef("docker.io/library/python", Optional.empty(), "python", Optional.empty(), Optional.empty()),
                ImageRef.parse("docker.io/library/python"));
        assertTrue(ImageRef.parse("scratch").isScratch());
        assertEquals("app", ImageRef.parse("registry.example.com:443/team/app").name());
    }

    @Test
    void envLabelAndArgPairs() {
        Dockerfile df = parse("FROM a\nENV A=1 B=\"two words\" C='$lit'\nENV LEGACY some value here\nLABEL org.opencontainers.image.version=\"1.0\"\nARG X Y=2\n");
        List<Instruction> ins = df.finalStage().instructions();
        assertEquals(List.of(new KeyValue("A", Optional.of("1")), new KeyValue("B", Optional.of("two words")),
                new KeyValue("C", Optional.of("$lit"))), ins.get(0).pairs());
        assertEquals(List.of(new KeyValue("LEGACY", Optional.of("some value here"))), ins.get(1).pairs());
        assertEquals(List.of(new KeyValue("org.opencontainers.image.version", Optional.of("1.0"))), ins.get(2).pairs());
        assertEquals(List.of(new KeyValue("X", Optional.empty()), new KeyValue("Y", Optional.of("2"))), ins.get(3).pairs());
    }

    @Test
    void argumentErrorsAsBuildKitReportsThem() {
        assertEquals("ENV must have two arguments", error("FROM a\nENV A\n").message());
        assertEquals("Syntax error - can't find = in \"B\". Must be of the form: name=value", error("FROM a\nENV A=1 B\n").message());
        assertEquals("ENV names can not be blank", error("FROM a\nENV =1\n").message());
        assertEquals("LABEL must have two arguments", error("FROM a\nLABEL a\n").message());
        assertEquals("EXPOSE requires at least one argument", error("FROM a\nEXPOSE\n").message());
        assertEquals("WORKDIR requires exactly one argument", error("FROM a\nWORKDIR\n").message());
        assertEquals("USER requires exactly one argument", error("FROM a\nUSER\n").message());
        assertEquals("STOPSIGNAL requires exactly one argument", error("FROM a\nSTOPSIGNAL\n").message());
        assertEquals("MAINTAINER requires exactly one argument", error("FROM a\nMAINTAINER\n").message());
        assertEquals("ARG requires at least one argument", error("FROM a\nARG\n").message());
        assertEquals("VOLUME requires at least one argument", error("FROM a\nVOLUME\n").message());
        assertEquals("HEALTHCHECK requires at least one argument", error("FROM a\nHEALTHCHECK\n").message());
        assertEquals("Unknown type \"FOO\" in HEALTHCHECK (try CMD)", error("FROM a\nHEALTHCHECK FOO x\n").message());
        assertEquals("HEALTHCHECK NONE takes no arguments", error("FROM a\nHEALTHCHECK NONE x\n").message());
        assertEquals("SHELL requires the arguments to be in JSON form", error("FROM a\nSHELL /bin/sh -c\n").message());
        assertEquals("COPY requires at least two arguments, but only one was provided. Destination could not be determined",
                error("FROM a\nCOPY a\n").message());
    }

    @Test
    void fromErrors() {
        assertEquals(new ParseError(1, 1, "FROM requires either one or three arguments"), error("FROM\n"));
        assertEquals("FROM requires either one or three arguments", error("FROM a b\n").message());
        assertEquals("FROM requires either one or three arguments", error("FROM a IS b\n").message());
        assertEquals("invalid name for build stage: \"1x\", name can't start with a number or contain symbols",
                error("FROM a as 1x\n").message());
        // BuildKit only warns (DuplicateStageName); the name means the latest stage with it
        Dockerfile twice = parse("FROM x AS a\nFROM y AS a\nFROM a\n");
        assertEquals(Optional.of(1), twice.finalStage().parentStage());
        assertEquals(1, twice.stage("A").orElseThrow().index());
    }

    @Test
    void fileLevelErrors() {
        assertEquals(new ParseError(1, 1, "file with no instructions"), error("# comment only\n"));
        assertEquals(new ParseError(1, 1, "file with no instructions"), error(""));
        assertEquals(new ParseError(1, 1, "no build stage in current context"), error("RUN echo\n"));
        assertEquals(new ParseError(3, 4, "unknown instruction: RUNN"), error("FROM a\n\nRUNN echo \\\n hi\n"));
    }

    @Test
    void binaryAndInvalidUtf8InputGiveAParseErrorNotAnException() {
        ParseResult r = DockerfileParser.parse("bin", "\u0000\u0001\u0002ELF\n");
        assertInstanceOf(ParseResult.Failure.class, r);
        assertEquals("unknown instruction: \u0000\u0001\u0002ELF", ((ParseResult.Failure) r).error().message());
    }

    @Test
    void missingFileGivesAClearError() {
        ParseResult r = DockerfileParser.parse(java.nio.file.Path.of("/nonexistent/Dockerfile"), "Dockerfile");
        assertEquals(new ParseError(1, 1, "cannot read the Dockerfile: no such file"), ((ParseResult.Failure) r).error());
    }

    @Test
    void shellFormKeepsQuotesForTheShell() {
        Instruction run = parse("FROM a\nRUN echo \"a  b\" 'c'\n").finalStage().instructions().get(0);
        assertEquals(List.of("echo \"a  b\" 'c'"), run.args());
    }

    @Test
    void execFormRunScript() {
        Instruction run = parse("FROM a\nRUN [\"apt-get\", \"install\", \"-y\", \"curl\"]\n").finalStage().instructions().get(0);
        assertEquals(List.of(new Instruction.Script("apt-get install -y curl", 2,
                Optional.of(List.of("apt-get", "install", "-y", "curl")))), run.scripts());
    }

    @Test
    void expandsVariablesLikeBuildKit() {
        java.util.Map<String, String> env = java.util.Map.of("A", "1", "EMPTY", "");
        assertEquals("1-x-1", Words.expand("$A-${EMPTY:-x}-${A:-y}", env, '\\'));
        assertEquals("-set-", Words.expand("${EMPTY-unused}-${A:+set}-${NOPE:+no}", env, '\\'));
        assertEquals("$A 1", Words.expand("'$A' \"$A\"", env, '\\'));
        assertEquals("$A", Words.expand("\\$A", env, '\\'));
        assertEquals("nested-1", Words.expand("${NOPE:-nested-${A}}", env, '\\'));
    }
}
