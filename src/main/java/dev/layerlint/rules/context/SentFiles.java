package dev.layerlint.rules.context;

import dev.layerlint.budget.ByteSize;
import dev.layerlint.context.ContextScan;
import dev.layerlint.text.Plural;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

/** Sizes and short listings of sent files, for messages. */
final class SentFiles {

    private static final int SHOWN = 3;

    private SentFiles() {
    }

    /** The size of one sent file; 0 when it vanished after the scan. */
    static long bytes(ContextScan scan, String path) {
        try {
            return Files.size(scan.directory().resolve(path));
        } catch (IOException vanished) {
            return 0;
        }
    }

    /** {@code 12 files (3.4kB)} */
    static String count(ContextScan scan, List<String> paths) {
        long bytes = paths.stream().mapToLong(p -> bytes(scan, p)).sum();
        return count(paths.size(), bytes);
    }

    static String count(long files, long bytes) {
        return Plural.count(files, "file") + " (" + new ByteSize(bytes) + ")";
    }

    /** {@code a, b, c and 9 more} */
    static String sample(List<String> paths) {
        String shown = String.join(", ", paths.subList(0, Math.min(SHOWN, paths.size())));
        return paths.size() > SHOWN ? shown + " and " + (paths.size() - SHOWN) + " more" : shown;
    }
}
