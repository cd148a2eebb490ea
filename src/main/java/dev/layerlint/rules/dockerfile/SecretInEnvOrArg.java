package dev.layerlint.rules.dockerfile;

import dev.layerlint.dockerfile.Instruction;
import dev.layerlint.dockerfile.KeyValue;
import dev.layerlint.dockerfile.Keyword;
import dev.layerlint.report.Severity;
import dev.layerlint.rules.DockerfileRule;
import dev.layerlint.rules.DockerfileRuleContext;
import dev.layerlint.rules.RuleInfo;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

@RuleInfo(
        id = "SecretInEnvOrArg",
        severity = Severity.WARNING,
        summary = "A password, token or key passed through ENV or ARG, where it stays in the image history.",
        description = """
                ENV values are stored in the image config and ARG values in the history of every layer \
                built after them: anyone who can pull the image can read them with `docker history` or \
                `docker image inspect`, also after a later ENV overwrites them. Pass secrets with \
                `RUN --mount=type=secret,id=…` (BuildKit) and read them from a file at run time. Names \
                that point to a file (`…_FILE`) or name public material (`GPG_KEY`, `…_PUBLIC_KEY`, \
                `…_KEY_ID`) or a setting about the secret (`…_AUTH_VERSION`, `…_PASSWORD_LENGTH`) are not \
                reported, nor values taken from another variable; an access key id (`AWS_ACCESS_KEY_ID`) is, \
                since it is one half of a credential pair. A word that ends in a secret word counts \
                (`CLIENTSECRET`, `AUTHTOKEN`). ARGs before the first FROM are checked too: their values \
                reach the history of every stage that declares them again, and the build's provenance.""",
        aliases = {"SecretsUsedInArgOrEnv", "DL3064"})
public final class SecretInEnvOrArg implements DockerfileRule {

    /** What separates the words of a variable name ({@code DB_PASSWORD} gives db, password). */
    private static final Pattern NAME_SEPARATORS = Pattern.compile("[_\\-.]+");

    private static final Set<String> SECRET_WORDS = Set.of("password", "passwd", "pass", "pwd", "secret", "token",
            "apikey", "credential", "credentials", "auth", "privatekey");
    /** Words that end a compound name that is a secret ({@code clientsecret}, {@code authtoken}). */
    private static final List<String> SECRET_SUFFIXES = List.of("secret", "token", "password", "passwd");
    /** An access key id is half of a key pair (AWS): not public, although it ends in {@code id}. */
    private static final List<String> ACCESS_KEY_ID = List.of("access", "key", "id");
    private static final Set<String> KEY_QUALIFIERS = Set.of("api", "private", "access", "secret", "signing", "encryption", "master");
    private static final Set<String> PUBLIC_WORDS = Set.of("public", "pub", "gpg", "pgp", "fingerprint", "file", "path",
            "id", "url", "uri", "dir", "type", "name", "user", "username", "length", "expiry", "ttl", "version", "ver", "host",
            "hostname", "port", "server", "endpoint", "enabled", "enable", "method", "mode", "realm", "required");

    @Override
    public void check(DockerfileRuleContext context) {
        for (Instruction ins : context.dockerfile().instructions()) {
            if (!ins.is(Keyword.ENV) && !ins.is(Keyword.ARG)) {
                continue;
            }
            for (KeyValue kv : ins.pairs()) {
                if (secretName(kv.key()) && !kv.value().map(v -> v.isBlank() || v.startsWith("$")).orElse(false)) {
                    boolean global = context.dockerfile().globalArgs().contains(ins);
                    context.report(ins, ins.keyword() + " " + kv.key() + " looks like a secret: " + (global
                            ? "an ARG before FROM reaches every stage that declares it again, whose history keeps its value, "
                            + "and the build's provenance records it"
                            : ins.keyword() + " values stay readable in the image (docker history / inspect)")
                            + "; use RUN --mount=type=secret");
                }
            }
        }
    }

    static boolean secretName(String name) {
        List<String> words = List.of(NAME_SEPARATORS.split(name.toLowerCase(Locale.ROOT)));
        if (java.util.Collections.indexOfSubList(words, ACCESS_KEY_ID) >= 0) {
            return true;
        }
        if (words.stream().anyMatch(PUBLIC_WORDS::contains)) {
            return false;
        }
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (SECRET_WORDS.contains(w) || SECRET_SUFFIXES.stream().anyMatch(suffix -> w.length() > suffix.length() && w.endsWith(suffix))) {
                return true;
            }
            if (w.equals("key") && i > 0 && KEY_QUALIFIERS.contains(words.get(i - 1))) {
                return true;
            }
        }
        return false;
    }
}
