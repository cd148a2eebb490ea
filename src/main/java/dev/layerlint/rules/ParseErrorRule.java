package dev.layerlint.rules;

import dev.layerlint.dockerfile.ParseError;
import dev.layerlint.dockerfile.ParseResult;
import dev.layerlint.report.Finding;
import dev.layerlint.report.Severity;

import java.util.Optional;

/** Reports a Dockerfile that BuildKit would reject; no other rule can read such a file. */
@RuleInfo(
        id = "ParseError",
        severity = Severity.ERROR,
        summary = "The Dockerfile cannot be parsed: docker build would reject it.",
        description = """
                layerlint reads Dockerfiles the way BuildKit does. When BuildKit would stop with a parse \
                error, layerlint reports the same reason at the same line instead of linting the file, \
                and goes on with the other Dockerfiles of the build. An ONBUILD trigger that BuildKit \
                cannot read does not stop this build but every build that starts FROM the image: it is \
                reported at its line, and the rest of the file is linted.""")
public final class ParseErrorRule implements Rule {

    public Finding toFinding(ParseResult.Failure failure) {
        return toFinding(failure.path(), failure.error());
    }

    public Finding toFinding(String path, ParseError error) {
        return new Finding(id(), Severity.ERROR, path, error.line(), 1, error.endLine(), error.message(), Optional.empty());
    }
}
