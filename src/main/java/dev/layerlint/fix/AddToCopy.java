package dev.layerlint.fix;

import dev.layerlint.dockerfile.Instruction;
import dev.layerlint.dockerfile.Keyword;
import dev.layerlint.report.Finding;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * AddForLocalFile: ADD becomes COPY when every source is a directory or a file of the build context that ADD would not
 * unpack. ADD decides by content, not by name, so each file's first bytes are read: a tar archive, or a gzip, bzip2, xz
 * or zstd stream, keeps its ADD.
 */
final class AddToCopy implements Fix {

    /** ADD flags COPY does not have. */
    private static final Set<String> ADD_ONLY_FLAGS = Set.of("checksum", "keep-git-dir", "unpack");
    private static final int TAR_BLOCK = 512;

    @Override
    public String ruleId() {
        return "AddForLocalFile";
    }

    @Override
    public Proposal.Change change(FixTarget target, Finding finding) throws Refused {
        Instruction add = target.instructionAt(finding.line());
        if (!add.is(Keyword.ADD)) {
            throw new Refused(add.is(Keyword.ONBUILD)
                    ? "the ONBUILD trigger at line " + add.line() + " copies from the context of another build, which cannot be checked here"
                    : "line " + add.line() + " holds " + add.keyword() + ", not ADD");
        }
        Optional<String> addOnly = add.flags().stream().map(f -> f.name()).filter(ADD_ONLY_FLAGS::contains).findFirst();
        if (addOnly.isPresent()) {
            throw new Refused("ADD at line " + add.line() + " uses --" + addOnly.get() + ", which COPY does not have");
        }
        Path context = target.context().orElseThrow(() -> new Refused(
                "the build context is unknown, so whether ADD at line " + add.line() + " unpacks an archive cannot be checked"));
        List<String> sources = add.args().subList(0, add.args().size() - 1);
        for (String source : sources) {
            checkSource(context, source, add.line());
        }
        int at = target.source().lineStart(add.line()) + add.column() - 1;
        String keyword = target.source().content().substring(at, Math.min(at + 3, target.source().content().length()));
        if (!keyword.equalsIgnoreCase("ADD")) {
            throw new Refused("ADD at line " + add.line() + " could not be found where the parser read it");
        }
        String copy = keyword.equals(keyword.toLowerCase(Locale.ROOT)) ? "copy" : "COPY";
        return new Proposal.Change(List.of(new Edit(at, at + 3, copy)), "ADD became COPY");
    }

    private static void checkSource(Path context, String source, int line) throws Refused {
        if (source.contains("$") || source.contains("*") || source.contains("?") || source.contains("[")) {
            throw new Refused("ADD at line " + line + " names " + source + ", a variable or a pattern: the files it stands for cannot be checked");
        }
        Path file = context.resolve(source.startsWith("/") ? source.substring(1) : source).normalize();
        if (!file.startsWith(context.normalize()) || !Files.exists(file)) {
            throw new Refused("ADD at line " + line + " copies " + source + ", which is not in the build context, so whether ADD "
                    + "would unpack it cannot be checked");
        }
        if (Files.isDirectory(file)) {
            return;
        }
        Optional<String> archive;
        try {
            archive = archiveKind(file);
        } catch (IOException e) {
            throw new Refused("ADD at line " + line + " copies " + source + ", which cannot be read: " + e.getMessage());
        }
        if (archive.isPresent()) {
            throw new Refused("ADD at line " + line + " copies " + source + ", which is " + archive.get()
                    + " that ADD unpacks; COPY would not");
        }
    }

    /** What kind of archive the file is, if it is one ADD unpacks: a tar archive, or a compressed stream. */
    static Optional<String> archiveKind(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(TAR_BLOCK);
        }
        if (startsWith(head, 0x1f, 0x8b)) {
            return Optional.of("gzip-compressed");
        }
        if (startsWith(head, 'B', 'Z', 'h')) {
            return Optional.of("bzip2-compressed");
        }
        if (startsWith(head, 0xfd, '7', 'z', 'X', 'Z', 0x00)) {
            return Optional.of("xz-compressed");
        }
        if (startsWith(head, 0x28, 0xb5, 0x2f, 0xfd)) {
            return Optional.of("zstd-compressed");
        }
        return isTarHeader(head) ? Optional.of("a tar archive") : Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** A tar header block: its checksum field holds the sum of its bytes, the field itself counted as blanks. */
    private static boolean isTarHeader(byte[] block) {
        if (block.length < TAR_BLOCK) {
            return false;
        }
        long sum = 0;
        for (int i = 0; i < TAR_BLOCK; i++) {
            sum += i >= 148 && i < 156 ? ' ' : block[i] & 0xff;
        }
        long recorded = 0;
        boolean digits = false;
        for (int i = 148; i < 156; i++) {
            int c = block[i] & 0xff;
            if (c >= '0' && c <= '7') {
                recorded = recorded * 8 + (c - '0');
                digits = true;
            } else if (digits || (c != ' ' && c != 0)) {
                break;
            }
        }
        return digits && recorded == sum;
    }
}
