package dev.layerlint.image;

/**
 * The image most tests read, with hand-computed figures.
 *
 * <pre>
 * layer 0  /bin/busybox 1000 (0755), /bin/sh -> busybox, /bin/ls hard link, /etc/passwd 200, /etc/group 100
 * layer 1  /data/big 1,000,000, /data/keep 5000, /app/app.jar 3000 (0644), /tmp/cache/a 400, /tmp/cache/b 600
 * layer 2  deletes /data/big; makes /tmp/cache opaque and adds /tmp/cache/c 50
 * layer 3  rewrites /app/app.jar as 0755 (chmod), replaces /etc/passwd (250), deletes directory /data
 * layer 4  empty (RUN true)
 * </pre>
 */
final class SampleImage {

    static final long[] LAYER_SIZES = {1000 + 7 + 200 + 100, 1_009_000, 50, 3250, 0};
    static final long SIZE = 1307 + 1_009_000 + 50 + 3250;
    /** big, cache/a and cache/b hidden by layer 2; app.jar, passwd and keep by layer 3. */
    static final long[] CAUSED = {0, 0, 1_001_000, 8200, 0};
    static final long[] HIDDEN = {200, 1_009_000, 0, 0, 0};
    static final long WASTED = 1_009_200;
    /**
     * dive's sums: smallest copies 1000+0+200+100+0+5000+3000+400+600+50+5000 = 15,350 over all
     * copies 1000+0+450+100+1,000,000+5000+6000+400+600+50+5000 = 1,018,600.
     */
    static final double EFFICIENCY = 15_350.0 / 1_018_600.0;

    private SampleImage() {
    }

    static TestImage image() {
        TestImage image = new TestImage()
                .layer("/bin/sh -c #(nop) ADD file:base in / ", new LayerTar()
                        .dir("bin").file("bin/busybox", 1000, 0100755).symlink("bin/sh", "busybox")
                        .hardlink("bin/ls", "bin/busybox")
                        .dir("etc").file("etc/passwd", 200).file("etc/group", 100))
                .layer("RUN dd if=/dev/zero of=/data/big", new LayerTar()
                        .dir("data").file("data/big", 1_000_000).file("data/keep", 5000)
                        .dir("app").file("app/app.jar", 3000)
                        .dir("tmp").dir("tmp/cache").file("tmp/cache/a", 400).file("tmp/cache/b", 600))
                .layer("RUN rm /data/big && rm -rf /tmp/cache/*", new LayerTar()
                        .dir("data").whiteout("data", "big")
                        .dir("tmp/cache").file("tmp/cache/c", 50).opaque("tmp/cache"))
                .layer("RUN chmod +x /app/app.jar", new LayerTar()
                        .dir("app").file("app/app.jar", 3000, 0100755)
                        .dir("etc").file("etc/passwd", 250)
                        .whiteout("", "data"))
                .layer("RUN true", new LayerTar());
        image.containerConfig().put("User", "app:app");
        image.containerConfig().putObject("ExposedPorts").putObject("8080/tcp");
        image.containerConfig().putObject("Healthcheck").putArray("Test").add("CMD").add("/bin/sh").add("-c").add("true");
        image.containerConfig().putArray("Entrypoint").add("/bin/sh");
        image.containerConfig().putArray("Cmd").add("-c").add("echo hi");
        image.containerConfig().putObject("Labels").put("org.opencontainers.image.version", "1.0");
        return image;
    }
}
