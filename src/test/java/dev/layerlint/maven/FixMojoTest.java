package dev.layerlint.maven;

import dev.layerlint.fix.Fixer;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FixMojoTest {

    @Test
    void theDefaultFixesAreTheCoresDefaultRules() {
        assertEquals(Fixer.defaultRules(), Set.of(FixMojo.DEFAULT_FIXES.split(",")));
    }
}
