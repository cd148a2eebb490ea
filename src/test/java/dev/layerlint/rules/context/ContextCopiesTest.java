package dev.layerlint.rules.context;

import dev.layerlint.dockerfile.DockerfileParser;
import dev.layerlint.dockerfile.ParseResult;
import dev.layerlint.rules.IgnorePatterns;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContextCopiesTest {

    private static ContextCopies of(String dockerfile) {
        return ContextCopies.of(Optional.of(((ParseResult.Success) DockerfileParser.parse("Dockerfile", dockerfile)).dockerfile()));
    }

    @Test
    void readsContextSourcesOnlyAndCleansThem() {
        ContextCopies copies = of("""
                FROM alpine AS build
                COPY ./src/../lib/ /b/
                COPY --from=build /out /out
                ADD https://example.com/a.tgz git@github.com:o/r.git /opt/
                COPY <<EOF /etc/x
                x
                EOF
                COPY $APP_JAR /app.jar
                ADD /./ target/*.jar /app/
                """);
        assertEquals(List.of("2:lib", "9:.", "9:target/*.jar"),
                copies.sources().stream().map(s -> s.instruction().line() + ":" + s.path()).toList());
        assertEquals(9, copies.wholesale().orElseThrow().instruction().line());
    }

    @Test
    void sampleStandsInForEachWildcard() {
        assertEquals(List.of("target/_.jar", "lib/lib_._"),
                of("FROM alpine\nCOPY target/*.jar lib/lib[abc].? /app/\n").sources().stream().map(ContextCopies.Source::sample).toList());
    }

    @Test
    void reachesIntoAnAreaOnlyFromASourceInsideIt() throws Exception {
        ContextCopies copies = of("FROM alpine\nCOPY target/*.jar /app/\nCOPY src /src\nCOPY . /all\n");
        IgnorePatterns target = IgnorePatterns.parse("t", List.of("target"));
        IgnorePatterns nodeModules = IgnorePatterns.parse("n", List.of("**/node_modules"));
        assertTrue(copies.reachesInto(target, "target/app.jar"));
        assertFalse(copies.reachesInto(target, "target/classes/App.class"));
        assertFalse(copies.reachesInto(nodeModules, "src/node_modules/x.js"));
        assertEquals(4, copies.copying("target/classes/App.class").orElseThrow().instruction().line());
        assertEquals(2, copies.copying("target/app.jar").orElseThrow().instruction().line());
    }

    @Test
    void noSourcesWithoutAParsedDockerfile() {
        assertEquals(List.of(), ContextCopies.of(Optional.empty()).sources());
    }
}
