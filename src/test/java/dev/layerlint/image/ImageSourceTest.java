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
    void containersStorageNamesAnImageInPodmansStorage() throws Exception {
        assertEquals(new ImageSource.ContainersStorage("localhost/app:1.4.2"),
                ImageSource.parse("containers-storage:localhost/app:1.4.2", BASE));
        assertEquals("containers-storage:app:1", ImageSource.parse("containers-storage: app:1", BASE).describe());
        assertEquals("image: 'containers-storage:' names no image after 'containers-storage:'",
                assertThrows(ImageReadException.class, () -> ImageSource.parse("containers-storage:", BASE)).getMessage());
        assertEquals("image: 'containers-storage:[overlay@/srv/storage]app:1' names a storage ([driver@root+runroot]), which"
                        + " layerlint does not read; name the image in the default storage, or `podman --root ... save -o"
                        + " image.tar` it and name docker-archive:image.tar",
                assertThrows(ImageReadException.class,
                        () -> ImageSource.parse("containers-storage:[overlay@/srv/storage]app:1", BASE)).getMessage());
    }

    @Test
    void blankOrPathlessIsAnError() {
        assertEquals("image: no image given (a reference, docker-archive:PATH, oci:DIR, oci-archive:PATH"
                        + " or containers-storage:REFERENCE)",
                assertThrows(ImageReadException.class, () -> ImageSource.parse("  ", BASE)).getMessage());
        assertEquals("image: 'oci:' names no path after 'oci:'",
                assertThrows(ImageReadException.class, () -> ImageSource.parse("oci:", BASE)).getMessage());
    }
}
