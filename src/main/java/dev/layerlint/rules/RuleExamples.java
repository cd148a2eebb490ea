package dev.layerlint.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A rule's bad and good example: the Dockerfiles {@code <Id>.bad.Dockerfile} and
 * {@code <Id>.good.Dockerfile} beside the rule class on the class path.
 *
 * @param bad  a Dockerfile on which the rule fires
 * @param good the fixed Dockerfile, on which it does not
 */
public record RuleExamples(String bad, String good) {

    public static RuleExamples of(Rule rule) {
        return new RuleExamples(read(rule, "bad"), read(rule, "good"));
    }

    private static String read(Rule rule, String kind) {
        String name = rule.id() + "." + kind + ".Dockerfile";
        try (InputStream in = rule.getClass().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("rule " + rule.id() + " has no example " + name + " beside its class");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
