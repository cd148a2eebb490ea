package dev.layerlint.fix;

import dev.layerlint.rules.Linter;
import dev.layerlint.rules.RuleSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** Each fix, with the exact text before and after, and each reason a finding is left. */
class FixerTest {

    @TempDir
    Path context;

    private FixOutcome.Fixed fix(String text, String... rules) {
        Set<String> chosen = rules.length == 0 ? Fixer.defaultRules() : Set.of(rules);
        FixOutcome outcome = new Fixer(new Linter(RuleSettings.DEFAULTS), chosen).fix("Dockerfile", text, Optional.of(context));
        return assertInstanceOf(FixOutcome.Fixed.class, outcome);
    }

    private String fixed(String text, String... rules) {
        return fix(text, rules).after();
    }

    /** The reason the first finding of {@code ruleId} is left with when only that rule is fixed. */
    private String reason(String text, String ruleId) {
        return fix(text, ruleId).left().stream().filter(l -> l.finding().ruleId().equals(ruleId)).findFirst().orElseThrow().reason();
    }

    @Test
    void pipGetsNoCacheDirAfterInstall() {
        assertEquals("FROM python:3.12-slim\nRUN pip install --no-cache-dir -r requirements.txt\n",
                fixed("FROM python:3.12-slim\nRUN pip install -r requirements.txt\n"));
    }

    @Test
    void everyPipInstallOfTheRunIsFixedAtOnce() {
        assertEquals("FROM python:3.12-slim\nRUN python -m pip install --no-cache-dir -U pip && pip3 install --no-cache-dir flask\n",
                fixed("FROM python:3.12-slim\nRUN python -m pip install -U pip && pip3 install flask\n"));
    }

    @Test
    void continuationLinesCommentsAndIndentationStayAsWritten() {
        String before = """
                FROM python:3.12-slim
                # the app's dependencies
                RUN set -eux; \\
                \t# comment inside the RUN
                \tpip install \\
                \t\tflask   \\
                \t\tgunicorn
                """;
        String after = """
                FROM python:3.12-slim
                # the app's dependencies
                RUN set -eux; \\
                \t# comment inside the RUN
                \tpip install --no-cache-dir \\
                \t\tflask   \\
                \t\tgunicorn
                """;
        assertEquals(after, fixed(before, "PipCacheKept"));
    }

    @Test
    void theEscapeCharacterAndCrlfLineEndsStay() {
        String before = "# escape=`\r\nFROM python:3.12-slim\r\nRUN pip install `\r\n    flask\r\n";
        assertEquals("# escape=`\r\nFROM python:3.12-slim\r\nRUN pip install --no-cache-dir `\r\n    flask\r\n", fixed(before, "PipCacheKept"));
    }

    @Test
    void pipWithItsOwnCacheDirIsLeft() {
        assertEquals("pip install at line 2 chooses its cache with --cache-dir; decide by hand whether it may go",
                reason("FROM python:3.12-slim\nRUN pip install --cache-dir /tmp/pip flask\n", "PipCacheKept"));
    }

    @Test
    void pipInsideShDashCIsLeft() {
        assertEquals("pip install at line 2 is nested in another command (`sh -c`, `xargs`, a substitution) or quoted; add --no-cache-dir by hand",
                reason("FROM python:3.12-slim\nRUN sh -c 'pip install flask'\n", "PipCacheKept"));
    }

    @Test
    void aRunWithAnIfIsLeft() {
        assertEquals("RUN at line 2 is not a plain list of commands: it uses `if`",
                reason("FROM python:3.12-slim\nRUN if true; then pip install flask; fi\n", "PipCacheKept"));
    }

    @Test
    void heredocsAreLeftAsWritten() {
        assertEquals("RUN at line 2 uses a heredoc; heredocs are left as written",
                reason("FROM python:3.12-slim\nRUN <<EOF\npip install flask\nEOF\n", "PipCacheKept"));
    }

    @Test
    void apkGetsNoCache() {
        assertEquals("FROM alpine:3.20\nRUN apk add --no-cache curl && apk add --no-cache --virtual .build gcc\n",
                fixed("FROM alpine:3.20\nRUN apk add curl && apk add --virtual .build gcc\n", "PackageCacheKept"));
    }

    @Test
    void apkIsLeftWhenALaterRunUsesTheIndexItLeaves() {
        assertEquals("the RUN at line 3 runs apk add without an index of its own; it may use the one RUN at line 2 leaves in /var/cache/apk",
                reason("FROM alpine:3.20\nRUN apk add --update curl\nRUN sh -c 'apk add git'\n", "PackageCacheKept"));
        assertEquals("FROM alpine:3.20\nRUN apk add --no-cache --update curl\nRUN apk add --no-cache jq && apk add --no-cache git\n",
                fixed("FROM alpine:3.20\nRUN apk add --update curl\nRUN apk add --no-cache jq && apk add git\n", "PackageCacheKept"));
    }

    @Test
    void rpmZypperNpmAndYarnCachesAreCleanedAtTheEndOfTheRun() {
        assertEquals("FROM fedora:40\nRUN dnf install -y curl && dnf clean all\n",
                fixed("FROM fedora:40\nRUN dnf install -y curl\n", "PackageCacheKept"));
        assertEquals("FROM opensuse/leap:15\nRUN zypper install -y curl && zypper clean --all\n",
                fixed("FROM opensuse/leap:15\nRUN zypper install -y curl\n", "PackageCacheKept"));
        assertEquals("FROM node:20-slim\nRUN npm ci \\\n    && npm run build \\\n    && npm cache clean --force\n",
                fixed("FROM node:20-slim\nRUN npm ci \\\n    && npm run build\n", "PackageCacheKept"));
        assertEquals("FROM node:20-slim\nRUN yarn install --frozen-lockfile && yarn cache clean\n",
                fixed("FROM node:20-slim\nRUN yarn install --frozen-lockfile\n", "PackageCacheKept"));
    }

    @Test
    void theCleanRunsWhileTheToolIsStillThere() {
        assertEquals("FROM alpine:3.20\nRUN apk add --no-cache --virtual .build nodejs npm && npm install -g http-server "
                        + "&& npm cache clean --force && apk del .build\n",
                fixed("FROM alpine:3.20\nRUN apk add --no-cache --virtual .build nodejs npm && npm install -g http-server "
                        + "&& apk del .build\n", "PackageCacheKept"));
    }

    @Test
    void anNpmCacheALaterOfflineInstallNeedsIsLeft() {
        assertEquals("the RUN at line 3 runs npm --offline, which may need the cache RUN at line 2 leaves",
                reason("FROM node:20-slim\nRUN npm ci\nRUN sh -c 'npm install --offline'\n", "PackageCacheKept"));
    }

    @Test
    void gemDocumentationIsLeft() {
        assertEquals("the cache of gem is not cleaned automatically (a flag that changes what is installed, or a hook the "
                        + "Dockerfile turned off); clean it by hand as the finding says",
                reason("FROM ruby:3.3-slim\nRUN gem install rails\n", "PackageCacheKept"));
    }

    @Test
    void aptListsAreRemovedAtTheEndOfAOneLineChain() {
        assertEquals("FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n",
                fixed("FROM debian:12\nRUN apt-get update && apt-get install -y curl\n", "AptListsNotRemoved"));
    }

    @Test
    void aptListRemovalFollowsTheChainsStyle() {
        String leading = "FROM debian:12\nRUN apt-get update \\\n    && apt-get install -y curl\n";
        assertEquals("FROM debian:12\nRUN apt-get update \\\n    && apt-get install -y curl \\\n    && rm -rf /var/lib/apt/lists/*\n",
                fixed(leading, "AptListsNotRemoved"));
        String trailing = "FROM debian:12\nRUN apt-get update && \\\n\tapt-get install -y curl # the client\n";
        assertEquals("FROM debian:12\nRUN apt-get update && \\\n\tapt-get install -y curl && \\\n\trm -rf /var/lib/apt/lists/* # the client\n",
                fixed(trailing, "AptListsNotRemoved"));
    }

    @Test
    void aptListsAreLeftInAChainThatIsNotPlainAnd() {
        assertEquals("RUN at line 2 is not a plain && chain (`;`, `||`, `|` or a line break joins its commands), so an appended "
                        + "`rm -rf /var/lib/apt/lists/*` might not run after the commands before it; add it by hand",
                reason("FROM debian:12\nRUN apt-get update; apt-get install -y curl\n", "AptListsNotRemoved"));
    }

    @Test
    void aptListsAreLeftWhenALaterRunInstallsWithoutUpdating() {
        assertEquals("the RUN at line 3 runs apt-get install without updating the lists first: it needs the lists RUN at line 2 downloads",
                reason("FROM debian:12\nRUN apt-get update && apt-get install -y curl\nRUN apt-get install -y jq\n", "AptListsNotRemoved"));
    }

    @Test
    void addOfAPlainFileBecomesCopy() throws IOException {
        Files.writeString(context.resolve("app.py"), "print('hi')\n");
        Files.createDirectory(context.resolve("conf"));
        assertEquals("FROM python:3.12-slim\nCOPY --chown=1000 app.py conf /app/\n",
                fixed("FROM python:3.12-slim\nADD --chown=1000 app.py conf /app/\n", "AddForLocalFile"));
        assertEquals("FROM python:3.12-slim\ncopy app.py /app/\n", fixed("FROM python:3.12-slim\nadd app.py /app/\n", "AddForLocalFile"));
    }

    @Test
    void addOfAFileThatIsATarArchiveByContentIsLeft() throws IOException {
        byte[] header = new byte[1024];
        byte[] name = "data.txt".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(name, 0, header, 0, name.length);
        byte[] fields = "0000644\u00000000000\u00000000000\u000000000000000\u000000000000000\u0000".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(fields, 0, header, 100, fields.length);
        header[156] = '0';
        long sum = 0;
        for (int i = 0; i < 512; i++) {
            sum += i >= 148 && i < 156 ? ' ' : header[i] & 0xff;
        }
        byte[] checksum = String.format("%06o\u0000 ", sum).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(checksum, 0, header, 148, checksum.length);
        Files.write(context.resolve("bundle.bin"), header);
        Files.write(context.resolve("notes.bin"), new byte[] {0x1f, (byte) 0x8b, 8, 0});
        assertEquals("ADD at line 2 copies bundle.bin, which is a tar archive that ADD unpacks; COPY would not",
                reason("FROM alpine:3.20\nADD bundle.bin /opt/\n", "AddForLocalFile"));
        assertEquals("ADD at line 2 copies notes.bin, which is gzip-compressed that ADD unpacks; COPY would not",
                reason("FROM alpine:3.20\nADD notes.bin /opt/\n", "AddForLocalFile"));
    }

    @Test
    void addOfAFileMissingFromTheContextIsLeft() {
        assertEquals("ADD at line 2 copies app.py, which is not in the build context, so whether ADD would unpack it cannot be checked",
                reason("FROM python:3.12-slim\nADD app.py /app/\n", "AddForLocalFile"));
    }

    @Test
    void shellFormCommandsBecomeJson() {
        assertEquals("FROM eclipse-temurin:21-jre\nCMD [\"java\", \"-jar\", \"/app/app.jar\", \"--port=8080\"]\n",
                fixed("FROM eclipse-temurin:21-jre\nCMD java -jar /app/app.jar --port=8080\n", "ShellFormCommand"));
        assertEquals("FROM eclipse-temurin:21-jre\nENTRYPOINT [\"java\", \\\n    \"-jar\", \"/app/app.jar\"]\n",
                fixed("FROM eclipse-temurin:21-jre\nENTRYPOINT exec java \\\n    -jar /app/app.jar\n", "ShellFormCommand"));
    }

    @Test
    void commandsThatUseTheShellAreLeft() {
        String base = "FROM eclipse-temurin:21-jre\n";
        assertEquals("CMD at line 2 has the word $JAVA_OPTS, which the shell would expand or unquote",
                reason(base + "CMD java $JAVA_OPTS -jar app.jar\n", "ShellFormCommand"));
        assertEquals("CMD at line 2 uses the shell (a list, pipe, redirection or compound command); write a script that ends in `exec` if it needs one",
                reason(base + "CMD ./migrate && java -jar app.jar\n", "ShellFormCommand"));
        assertEquals("CMD at line 2 runs cd, a shell builtin", reason(base + "CMD cd /app\n", "ShellFormCommand"));
        assertEquals("CMD at line 3 gives its words to the ENTRYPOINT at line 2, which now receives `/bin/sh -c …`; decide by hand",
                reason(base + "ENTRYPOINT [\"/entrypoint.sh\"]\nCMD java -jar app.jar\n", "ShellFormCommand"));
        assertEquals("ENTRYPOINT at line 2: in JSON form it would receive the CMD at line 3 as arguments, which the shell form ignores",
                reason(base + "ENTRYPOINT java -jar app.jar\nCMD [\"--help\"]\n", "ShellFormCommand"));
    }

    @Test
    void consecutiveRunsBecomeOneChain() {
        assertEquals("FROM node:20-slim\nRUN npm ci \\\n    && npm run build\n",
                fixed("FROM node:20-slim\nRUN npm ci\nRUN npm run build\n", "ConsecutiveRuns"));
    }

    @Test
    void mergedRunsFollowTheFirstRunsStyle() {
        String before = "FROM debian:12\nRUN apt-get update && \\\n\tapt-get install -y curl\nRUN curl --version\n";
        assertEquals("FROM debian:12\nRUN apt-get update && \\\n\tapt-get install -y curl && \\\n\tcurl --version\n",
                fixed(before, "ConsecutiveRuns"));
    }

    @Test
    void theAptExampleOfTheGuideBecomesOneRun() {
        String before = "FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl wget\nRUN rm -rf /var/lib/apt/lists/*\n";
        assertEquals("FROM debian:12\nRUN apt-get update \\\n    && apt-get install -y curl wget \\\n    && rm -rf /var/lib/apt/lists/*\n",
                fixed(before));
    }

    @Test
    void runsAreNotMergedAcrossAChangeOfShellState() {
        assertEquals("RUN at line 2 runs `cd`, which changes the shell's state; merged, line 3 would run in that state",
                reason("FROM node:20-slim\nRUN cd /app && npm ci\nRUN npm run build\n", "ConsecutiveRuns"));
        assertEquals("RUN at line 2 sets a shell variable (X=1), which changes the shell's state; merged, line 3 would run in that state",
                reason("FROM node:20-slim\nRUN X=1\nRUN npm run build\n", "ConsecutiveRuns"));
    }

    @Test
    void runsAreNotMergedWhenTheLaterOneWouldRunAfterAFailure() {
        assertEquals("RUN at line 3 joins commands with `;` or `||`; merged, part of it would run even when line 2 fails",
                reason("FROM node:20-slim\nRUN npm ci\nRUN npm run build || true\n", "ConsecutiveRuns"));
    }

    @Test
    void runsAreNotMergedOverACommentOrATrailingComment() {
        assertEquals("a blank or comment line separates the RUNs at lines 2 and 4; merge them by hand",
                reason("FROM node:20-slim\nRUN npm ci\n# build\nRUN npm run build\n", "ConsecutiveRuns"));
        assertEquals("RUN at line 2 ends with a comment or a separator after its last command; merge by hand",
                reason("FROM node:20-slim\nRUN npm ci # dependencies\nRUN npm run build\n", "ConsecutiveRuns"));
    }

    @Test
    void runsAreNotMergedUnderASuppressionComment() {
        assertEquals("the comment at line 2 suppresses findings of RUN at line 3; merged, it would hide those of line 4",
                reason("FROM python:3.12-slim\n# layerlint ignore=PipCacheKept\nRUN pip install flask\nRUN pip install gunicorn\n",
                        "ConsecutiveRuns"));
    }

    @Test
    void runsEndingWithASeparatorAreNotMerged() {
        assertEquals("RUN at line 2 ends with a comment or a separator after its last command; merge by hand",
                reason("FROM node:20-slim\nRUN npm ci;\nRUN npm run build\n", "ConsecutiveRuns"));
    }

    @Test
    void runsWithDifferentFlagsAreNotMerged() {
        assertEquals("the RUNs at lines 2 and 3 have different flags",
                reason("FROM debian:12\nRUN apt-get update\nRUN --network=none apt-get install -y curl\n", "AptUpdateAlone"));
    }

    @Test
    void aCleanupRunMergesIntoTheRunBeforeIt() {
        assertEquals("FROM python:3.12-slim\nRUN pip install flask \\\n    && pip cache purge\n",
                fixed("FROM python:3.12-slim\nRUN pip install flask\nRUN pip cache purge\n", "CleanupInLaterLayer"));
    }

    @Test
    void findingsOfOtherRulesSayWhyTheyAreLeft() {
        FixOutcome.Fixed fixed = fix("FROM python:3.12\nRUN pip install flask\n");
        assertEquals(Map.of("PipCacheKept", 1), fixed.fixedPerRule());
        assertEquals("no automatic fix: which user to run as, and which files it must own, is a choice",
                fixed.left().stream().filter(l -> l.finding().ruleId().equals("RunsAsRoot")).findFirst().orElseThrow().reason());
        assertEquals(List.of(new FixOutcome.Applied("PipCacheKept", 2, "added --no-cache-dir to pip install")), fixed.applied());
    }

    @Test
    void aFixNotChosenSaysSo() {
        FixOutcome.Fixed fixed = fix("FROM python:3.12-slim\nRUN pip install flask\n", "ShellFormCommand");
        assertEquals("FROM python:3.12-slim\nRUN pip install flask\n", fixed.after());
        assertEquals("PipCacheKept is not among the chosen fixes; add it to <fixes> (-Dlayerlint.fixes) to fix it",
                fixed.left().stream().filter(l -> l.finding().ruleId().equals("PipCacheKept")).findFirst().orElseThrow().reason());
    }

    @Test
    void aSecondFixChangesNothing() {
        String once = fixed("FROM debian:12\nRUN apt-get update && apt-get install -y python3-pip && pip install flask\nCMD python3 app.py\n");
        assertEquals("FROM debian:12\nRUN apt-get update && apt-get install -y python3-pip && pip install --no-cache-dir flask && rm -rf /var/lib/apt/lists/*\n"
                + "CMD [\"python3\", \"app.py\"]\n", once);
        assertEquals(once, fixed(once));
    }

    @Test
    void aFileWithVeryManyFindingsIsFixedInRounds() {
        StringBuilder text = new StringBuilder("FROM python:3.12-slim\n");
        for (int i = 0; i < Fixer.MAX_CHANGES + 2; i++) {
            text.append("RUN pip install p").append(i).append("\nENV X").append(i).append("=1\n");
        }
        FixOutcome.Fixed once = fix(text.toString(), "PipCacheKept");
        assertEquals(Fixer.MAX_CHANGES, once.applied().size());
        assertEquals(List.of("not reached: one run makes at most 200 changes to a file; run layerlint:fix again"),
                once.left().stream().filter(l -> l.finding().ruleId().equals("PipCacheKept")).map(FixOutcome.Left::reason).distinct().toList());
        assertEquals(2, fix(once.after(), "PipCacheKept").applied().size());
    }

    @Test
    void aFileThatDoesNotParseIsNotFixed() {
        FixOutcome outcome = new Fixer(new Linter(RuleSettings.DEFAULTS), Fixer.defaultRules())
                .fix("Dockerfile", "FROM alpine\nRUNN echo\n", Optional.empty());
        assertEquals("unknown instruction: RUNN", assertInstanceOf(FixOutcome.Unparsable.class, outcome).error().message());
    }
}
