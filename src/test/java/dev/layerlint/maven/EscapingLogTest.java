package dev.layerlint.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;
import org.junit.jupiter.api.Test;

/** A file name holding a newline once printed a line of its own, so a build context could forge build-log lines. */
class EscapingLogTest {

    @Test
    void everyGoalEscapesControlCharactersInItsLog() {
        List<String> lines = new ArrayList<>();
        Log recording = (Log) Proxy.newProxyInstance(Log.class.getClassLoader(), new Class<?>[] {Log.class},
                (proxy, method, args) -> {
                    if (args != null && args[0] instanceof CharSequence text) {
                        lines.add(method.getName() + " " + text);
                    }
                    return method.getReturnType() == boolean.class ? Boolean.TRUE : null;
                });
        DockerignoreMojo mojo = new DockerignoreMojo();
        mojo.setLog(recording);
        mojo.getLog().warn("layerlint: ctx/evil\n[INFO] BUILD SUCCESS\r\u001b[2K\u202eexe.txt: is a secret");
        mojo.getLog().info("tab\there, backslash \\n kept");
        assertEquals(List.of("warn layerlint: ctx/evil\\n[INFO] BUILD SUCCESS\\r\\u001b[2K\\u202eexe.txt: is a secret",
                "info tab\\there, backslash \\n kept"), lines);
    }

    @Test
    void failureMessagesAreEscapedToo() {
        LintMojo mojo = new LintMojo();
        mojo.failOn = "x\n[INFO] BUILD SUCCESS";
        MojoExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(MojoExecutionException.class, mojo::execute);
        assertEquals("layerlint: failOn 'x\\n[INFO] BUILD SUCCESS' is not one of error, warning, info, none", e.getMessage());
    }
}
