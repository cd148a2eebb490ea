package dev.layerlint.rules.dockerfile;

import dev.layerlint.shell.SimpleCommand;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Archive files, and the commands that unpack them, as the archive rules read them. */
final class Archives {

    /** Endings of tar archives, compressed or not, and of single compressed files. */
    private static final List<String> ARCHIVE_ENDINGS = List.of(".tar", ".tgz", ".tbz", ".tbz2", ".tb2", ".txz", ".tzst",
            ".tlz", ".tz", ".tpz", ".gz", ".bz2", ".xz", ".zst", ".lz", ".lzma", ".z", ".zip");
    /** Programs that read a compressed file without removing it. */
    private static final Set<String> READERS = Set.of("unzip", "zcat", "gzcat", "xzcat", "bzcat", "zstdcat", "7z", "bsdtar");
    /** Programs that unpack a compressed file in place and remove it, unless told to keep it ({@code -k}, {@code -c}). */
    private static final Set<String> IN_PLACE = Set.of("gunzip", "bunzip2", "unxz", "unzstd", "unlzma", "uncompress");

    private Archives() {
    }

    /** The file name ends like an archive or a compressed file ({@code app.tar.gz}, {@code dist.zip}). */
    static boolean isArchive(String path) {
        String name = baseName(path).toLowerCase(Locale.ROOT);
        return ARCHIVE_ENDINGS.stream().anyMatch(ending -> name.endsWith(ending) && name.length() > ending.length());
    }

    /** The part after the last slash. */
    static String baseName(String path) {
        String stripped = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return stripped.substring(stripped.lastIndexOf('/') + 1);
    }

    /**
     * The archives {@code command} unpacks: {@code tar} with {@code x} among its options (or {@code --extract}),
     * {@code unzip}, the {@code zcat} family, and {@code gunzip} and its kind; the words of the command that name
     * archives.
     */
    static List<String> unpacked(SimpleCommand command) {
        return unpacks(command) ? command.args().stream().filter(a -> !a.startsWith("-") && isArchive(a)).toList() : List.of();
    }

    /** Like {@link #unpacked}, but only the commands that leave the archive where it was (not {@code gunzip x.gz}). */
    static List<String> unpackedAndKept(SimpleCommand command) {
        boolean inPlace = IN_PLACE.contains(command.program())
                && command.args().stream().noneMatch(a -> a.equals("-k") || a.equals("--keep") || a.equals("-c") || a.equals("--stdout"));
        return inPlace ? List.of() : unpacked(command);
    }

    private static boolean unpacks(SimpleCommand command) {
        if (command.runs("tar")) {
            List<String> args = command.args();
            boolean oldStyle = !args.isEmpty() && !args.get(0).startsWith("-") && args.get(0).contains("x") && !isArchive(args.get(0));
            return oldStyle || args.stream().anyMatch(a -> a.equals("--extract") || a.equals("--get")
                    || a.startsWith("-") && !a.startsWith("--") && a.contains("x"));
        }
        return READERS.contains(command.program()) || IN_PLACE.contains(command.program());
    }
}
