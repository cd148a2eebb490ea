package dev.layerlint.context;

import java.nio.file.Path;

/**
 * Prints what {@link BuildContext#analyse} finds in a context, one {@code sent PATH} or
 * {@code warning PATH: MESSAGE} line each; {@link UnreadableEntriesTest} runs it as another user.
 * Argument: the context directory (its {@code Dockerfile} is the Dockerfile).
 */
public final class ScanMain {

    private ScanMain() {
    }

    public static void main(String[] args) throws Exception {
        Path context = Path.of(args[0]);
        ContextScan scan = BuildContext.analyse(context.resolve("Dockerfile"), context, ScanOptions.DEFAULTS);
        scan.sentFiles().forEach(path -> System.out.println("sent " + path));
        scan.warnings().forEach(warning -> System.out.println("warning " + warning.path() + ": " + warning.message()));
    }
}
