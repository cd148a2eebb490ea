package dev.layerlint.image;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Jars made at test time, laid out the way their tools write them: a Spring Boot executable jar (manifest, loader
 * classes, {@code BOOT-INF/classes/}, then stored nested jars under {@code BOOT-INF/lib/}), a jar with nested jars
 * under {@code lib/}, and a plain jar of compressed classes whose sizes follow each entry (as {@code jar} writes them).
 */
final class TestJars {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final ZipOutputStream zip = new ZipOutputStream(bytes);
    private final Random random = new Random(42);

    /** A Spring Boot jar: {@code version} in its manifest (none when empty), {@code libs} nested jars of {@code libSize} bytes. */
    static byte[] springBoot(String version, int libs, int libSize) {
        TestJars jar = new TestJars();
        jar.manifest("Manifest-Version: 1.0\r\nMain-Class: org.springframework.boot.loader.launch.JarLauncher\r\n"
                + "Start-Class: com.example.orders.Application\r\n"
                + (version.isEmpty() ? "" : "Spring-Boot-Version: " + version + "\r\n")
                + "Spring-Boot-Classes: BOOT-INF/classes/\r\nSpring-Boot-Lib: BOOT-INF/lib/\r\n\r\n");
        jar.directory("org/springframework/boot/loader/launch/");
        jar.deflated("org/springframework/boot/loader/launch/JarLauncher.class", 2000);
        jar.directory("BOOT-INF/");
        jar.directory("BOOT-INF/classes/");
        jar.deflated("BOOT-INF/classes/com/example/orders/Application.class", 1500);
        jar.directory("BOOT-INF/lib/");
        for (int i = 0; i < libs; i++) {
            jar.stored("BOOT-INF/lib/dependency-" + i + "-1.0.jar", libSize);
        }
        jar.deflated("BOOT-INF/classpath.idx", 300);
        return jar.finish();
    }

    /** A jar with {@code nested} jars of {@code size} bytes under {@code lib/}, after a manifest and a class. */
    static byte[] withNestedJars(int nested, int size) {
        TestJars jar = new TestJars();
        jar.manifest("Manifest-Version: 1.0\r\nMain-Class: com.example.Main\r\n\r\n");
        jar.deflated("com/example/Main.class", 1000);
        for (int i = 0; i < nested; i++) {
            jar.stored("lib/library-" + i + ".jar", size);
        }
        return jar.finish();
    }

    /**
     * A shaded jar: the application's classes, then those of {@code artifacts} dependencies, each with the
     * {@code META-INF/maven/GROUP/ARTIFACT/pom.properties} its own jar had, as the Shade plugin merges them.
     */
    static byte[] shaded(int artifacts, int classesEach, int size) {
        TestJars jar = new TestJars();
        jar.manifest("Manifest-Version: 1.0\r\nMain-Class: com.example.Main\r\n\r\n");
        for (int a = 0; a <= artifacts; a++) {
            String group = a == 0 ? "com.example" : "org.library" + a;
            for (int i = 0; i < classesEach; i++) {
                jar.deflated(group.replace('.', '/') + "/C" + i + ".class", size);
            }
            jar.deflated("META-INF/maven/" + group + "/artifact" + a + "/pom.properties", 80);
        }
        return jar.finish();
    }

    /** A plain jar: a manifest and {@code classes} compressed classes of {@code size} bytes. */
    static byte[] plain(int classes, int size) {
        TestJars jar = new TestJars();
        jar.manifest("Manifest-Version: 1.0\r\nMain-Class: com.example.Main\r\n\r\n");
        for (int i = 0; i < classes; i++) {
            jar.deflated("com/example/C" + i + ".class", size);
        }
        return jar.finish();
    }

    private void manifest(String text) {
        directory("META-INF/");
        put(new ZipEntry("META-INF/MANIFEST.MF"), text.getBytes(StandardCharsets.UTF_8));
    }

    private void directory(String name) {
        put(new ZipEntry(name), new byte[0]);
    }

    /** Incompressible bytes, compressed: the size is known only from the data descriptor after them. */
    private void deflated(String name, int size) {
        put(new ZipEntry(name), noise(size));
    }

    /** Stored with its size and CRC in the local header, as Spring Boot stores nested jars. */
    private void stored(String name, int size) {
        byte[] content = noise(size);
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(size);
        entry.setCompressedSize(size);
        CRC32 crc = new CRC32();
        crc.update(content);
        entry.setCrc(crc.getValue());
        put(entry, content);
    }

    private byte[] noise(int size) {
        byte[] content = new byte[size];
        random.nextBytes(content);
        return content;
    }

    private void put(ZipEntry entry, byte[] content) {
        try {
            entry.setTime(0);
            zip.putNextEntry(entry);
            zip.write(content);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] finish() {
        try {
            zip.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
