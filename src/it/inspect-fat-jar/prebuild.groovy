import java.util.zip.CRC32
import java.util.zip.ZipEntry
import java.util.zip.ZipOutputStream

// Spring Boot executable jars as the spring-boot-maven-plugin lays them out: manifest, classes, stored nested jars
def springBootJar = { File file, int libs, int libSize ->
    def random = new Random(7)
    new ZipOutputStream(new FileOutputStream(file)).withCloseable { zip ->
        zip.putNextEntry(new ZipEntry('META-INF/MANIFEST.MF'))
        zip.write(('Manifest-Version: 1.0\r\nMain-Class: org.springframework.boot.loader.launch.JarLauncher\r\n'
                + 'Spring-Boot-Version: 3.3.5\r\nSpring-Boot-Lib: BOOT-INF/lib/\r\n\r\n').getBytes('UTF-8'))
        zip.putNextEntry(new ZipEntry('BOOT-INF/classes/com/example/Application.class'))
        zip.write(new byte[1500])
        for (int i = 0; i < libs; i++) {
            byte[] content = new byte[libSize]
            random.nextBytes(content)
            def entry = new ZipEntry("BOOT-INF/lib/dependency-${i}.jar")
            entry.method = ZipEntry.STORED
            entry.size = libSize
            entry.compressedSize = libSize
            def crc = new CRC32()
            crc.update(content)
            entry.crc = crc.value
            zip.putNextEntry(entry)
            zip.write(content)
        }
    }
}
springBootJar(new File(basedir, 'app.jar'), 3, 50_000)
springBootJar(new File(basedir, 'small.jar'), 1, 60_000)

def process = ['docker', 'build', '--network', 'none', '-q', '-t', 'layerlint-it/inspect-fat-jar:1.0', '.'].execute(null, basedir)
def out = new StringBuilder()
process.waitForProcessOutput(out, out)
if (process.exitValue() != 0) {
    throw new IllegalStateException("docker build failed:\n${out}")
}
return true
