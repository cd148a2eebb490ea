package dev.layerlint.image;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.file.Path;

/**
 * Reads one image and prints what it took; run by {@code bench/inspect.sh}.
 * Usage: {@code InspectBenchmark IMAGE [REPEAT]} where IMAGE is anything {@link ImageSource#parse} accepts;
 * with REPEAT the image is first read REPEAT-1 times more, to show the time with a warm JIT.
 * {@code -Dlayerlint.fatJarThreshold=BYTES} sets the size from which jars are looked into (default 10 MB; a huge value
 * looks into none), to measure what looking into them costs.
 */
public final class InspectBenchmark {

    private InspectBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: InspectBenchmark IMAGE [REPEAT] (IMAGE: a reference, docker-archive:PATH, oci:DIR, oci-archive:PATH)");
            System.exit(2);
        }
        ImageReader reader = new ImageReader(DockerCli.onPath(), Long.getLong("layerlint.fatJarThreshold", JarLayout.DEFAULT_THRESHOLD));
        ImageSource source = ImageSource.parse(args[0], Path.of(""));
        int repeat = args.length == 2 ? Integer.parseInt(args[1]) : 1;
        for (int i = 1; i < repeat; i++) {
            long start = System.nanoTime();
            reader.read(source);
            System.out.printf("warm-up read ms %d%n", (System.nanoTime() - start) / 1_000_000);
        }
        long start = System.nanoTime();
        Image image = reader.read(source);
        long read = System.nanoTime();
        WasteAnalysis waste = WasteAnalysis.of(image.layers());
        int visible = image.fileSystem().size();
        long analysed = System.nanoTime();

        long entries = image.layers().stream().mapToLong(layer -> layer.entries().size()).sum();
        long peakHeap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed())
                .sum();
        System.out.printf("image           %s%n", args[0]);
        System.out.printf("layers          %d%n", image.layers().size());
        System.out.printf("entries         %d (visible paths %d)%n", entries, visible);
        System.out.printf("size            %d%n", image.size());
        System.out.printf("wastedBytes     %d%n", waste.wastedBytes());
        System.out.printf("efficiency      %.6f%n", waste.efficiency());
        System.out.printf("jars looked into %s%n", image.layers().stream().flatMap(layer -> layer.jars().stream())
                .map(jar -> jar.path() + " " + jar.kind()).toList());
        System.out.printf("read ms         %d%n", (read - start) / 1_000_000);
        System.out.printf("analysis ms     %d%n", (analysed - read) / 1_000_000);
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        long live = runtime.totalMemory() - runtime.freeMemory();
        System.out.printf("peak heap MiB   %d (max %d)%n", peakHeap >> 20, runtime.maxMemory() >> 20);
        System.out.printf("live heap MiB   %d (image model held, after a full GC)%n", live >> 20);
        System.out.printf("%s%n", image.layers().isEmpty() ? "" : "top layer " + image.layers().get(image.layers().size() - 1).diffId());
    }
}
