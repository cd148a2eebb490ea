package dev.layerlint.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ImageSourceTest {

    private static final Path BASE = Path.of("/work/project");

    @Test
    void prefixesSelectTheLayoutAndPathsResolveAgainstTheBaseDirectory() throws Exception {
        assertEquals(new ImageSource.DockerArchive(Path.of("/work/project/target/app.tar")),
                ImageSource.parse("docker-archive:target/app.tar", BASE));
        assertEquals(new ImageSource.OciLayout(Path.of("/srv/oci")), ImageSource.parse("oci:/srv/oci", BASE));
        assertEquals(new ImageSource.OciArchive(Path.of("/work/project/target/jib-image.tar")),
                ImageSource.parse(" oci-archive:target/jib-image.tar ", BASE));
    }

    @Test
    void anythingElseIsADaemonReference() throws Exception {
        assertEquals(new ImageSource.Daemon("registry:5000/app:1.4.2"), ImageSource.parse("registry:5000/app:1.4.2", BASE));
        assertEquals(new ImageSource.Daemon("9b9764e5710d"), ImageSource.parse("9b9764e5710d", BASE));
        assertEquals("oci-archive:/work/project/x.tar", ImageSource.parse("oci-archive:x.tar", BASE).describe());
    }

    @Test
    void blankOrPathlessIsAnError() {
        assertEquals("image: no image given (a reference, docker-archive:PATH, oci:DIR or oci-archive:PATH)",
                assertThrows(ImageReadException.class, () -> ImageSource.parse("  ", BASE)).getMessage());
        assertEquals("image: 'oci:' names no path after 'oci:'",
                assertThrows(ImageReadException.class, () -> ImageSource.parse("oci:", BASE)).getMessage());
    }
}
