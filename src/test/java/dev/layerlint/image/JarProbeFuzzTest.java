package dev.layerlint.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;

/**
 * Coverage-guided fuzzing of the look inside a jar: any bytes as a jar's contents give a {@link JarLayout}, never an
 * exception (the bytes come from memory, so no read of them fails). Seeds, in {@code JarProbeFuzzTestInputs/probe},
 * are small jars of each kind.
 */
class JarProbeFuzzTest {

    @FuzzTest(maxDuration = "1m")
    void probe(byte[] input) throws IOException {
        LayerEntry.File file = new LayerEntry.File("/app/app.jar", LayerEntry.FileType.REGULAR, input.length, 0644, Optional.empty());
        JarLayout layout = JarProbe.probe(file, new ByteArrayInputStream(input));
        assertEquals(input.length, layout.size());
        assertTrue(layout.nestedJars() <= JarProbe.MAX_ENTRIES && layout.mergedArtifacts() <= JarProbe.MAX_ENTRIES);
    }
}
