package dev.layerlint.image;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Streaming a layer blob into its entries (what {@code inspect} does for every layer), per entry: 10,000 files of
 * 1 KiB in 100 directories, as a plain tar and gzip-compressed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class LayerScanBenchmark {

    static final int ENTRIES = 10_100;

    private byte[] plain;
    private byte[] gzip;

    @Setup
    public void setUp() throws IOException {
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        write(tar);
        plain = tar.toByteArray();
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(compressed)) {
            out.write(plain);
        }
        gzip = compressed.toByteArray();
    }

    private static void write(OutputStream out) throws IOException {
        byte[] content = new byte[1024];
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            for (int d = 0; d < 100; d++) {
                TarArchiveEntry directory = new TarArchiveEntry("usr/share/app/d" + d + "/");
                tar.putArchiveEntry(directory);
                tar.closeArchiveEntry();
                for (int f = 0; f < 100; f++) {
                    content[0] = (byte) f;
                    TarArchiveEntry file = new TarArchiveEntry("usr/share/app/d" + d + "/file" + f + ".txt");
                    file.setSize(content.length);
                    tar.putArchiveEntry(file);
                    tar.write(content);
                    tar.closeArchiveEntry();
                }
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(ENTRIES)
    public LayerContent plainTar() throws IOException {
        return check(LayerScanner.scan(new ByteArrayInputStream(plain), plain.length, JarLayout.DEFAULT_THRESHOLD));
    }

    @Benchmark
    @OperationsPerInvocation(ENTRIES)
    public LayerContent gzipTar() throws IOException {
        return check(LayerScanner.scan(new ByteArrayInputStream(gzip), gzip.length, JarLayout.DEFAULT_THRESHOLD));
    }

    private static LayerContent check(LayerContent layer) {
        if (layer.entries().size() != ENTRIES) {
            throw new IllegalStateException("scanned " + layer.entries().size() + " entries, not " + ENTRIES);
        }
        return layer;
    }
}
