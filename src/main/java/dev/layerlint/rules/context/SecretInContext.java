package dev.layerlint.rules.context;

import dev.layerlint.budget.ByteSize;
import dev.layerlint.context.ContextScan;
import dev.layerlint.report.ChecklistItem;
import dev.layerlint.report.Severity;
import dev.layerlint.rules.ContextRule;
import dev.layerlint.rules.ContextRuleContext;
import dev.layerlint.rules.RuleInfo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

@RuleInfo(
        id = "SecretInContext",
        severity = Severity.ERROR,
        checklist = ChecklistItem.DOCKERIGNORE,
        summary = "A file holding secrets (`.env`, a private key, registry or cloud credentials) is sent with the build context.",
        description = """
                What the context sends reaches the builder, its cache and, through `COPY .`, a layer of \
                the image, from which anyone who can pull the image reads it, even when a later \
                instruction deletes the file. The rule names each sent file that matches the \
                `secretPatterns`: by default `.env` files (not `.env.example` and the like), SSH private \
                keys, `*.pem`, `*.key`, `*.p12` and `*.pfx` files, `.netrc`, `.git-credentials`, AWS, \
                Docker, Kubernetes and Google Cloud credential files, and `.npmrc` and `.pypirc` when \
                they hold a token or password. Exclude them in the ignore file and pass what the build \
                needs as a build secret (`RUN --mount=type=secret`).""")
public final class SecretInContext implements ContextRule {

    /** Files whose name alone does not make a secret: only the credentials inside them do. */
    private static final Map<String, Pattern> CREDENTIAL_LINES = Map.of(
            ".npmrc", Pattern.compile("(?im)^\\s*[^#;\\s].*(_authToken|_auth|_password)\\s*="),
            ".pypirc", Pattern.compile("(?im)^\\s*password\\s*[=:]"));
    private static final int READ_LIMIT = 64 * 1024;

    @Override
    public void check(ContextRuleContext context) {
        ContextCopies copies = ContextCopies.of(context.dockerfile());
        ContextScan scan = context.scan();
        for (String file : scan.sentFiles()) {
            if (!context.options().secretPatterns().matches(file) || !holdsCredentials(scan, file)) {
                continue;
            }
            String message = "`" + file + "` (" + new ByteSize(SentFiles.bytes(scan, file)) + ") holds secrets and is sent with the build context";
            String fix = "; add it to " + context.ignoreFileName() + " and pass what the build needs with RUN --mount=type=secret";
            Optional<ContextCopies.Source> copy = copies.copying(file);
            copy.ifPresentOrElse(
                    c -> context.report(c.instruction(), message + ", and " + c.shown() + " puts it in the image" + fix),
                    () -> context.reportOnContext(message + fix));
        }
    }

    private static boolean holdsCredentials(ContextScan scan, String file) {
        Pattern credentials = CREDENTIAL_LINES.get(file.substring(file.lastIndexOf('/') + 1));
        if (credentials == null) {
            return true;
        }
        try (InputStream in = Files.newInputStream(scan.directory().resolve(file))) {
            return credentials.matcher(new String(in.readNBytes(READ_LIMIT), StandardCharsets.UTF_8)).find();
        } catch (IOException unreadable) {
            // what cannot be read cannot be cleared; docker build fails sending it anyway
            return true;
        }
    }
}
