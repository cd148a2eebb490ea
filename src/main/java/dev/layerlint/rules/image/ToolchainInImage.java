package dev.layerlint.rules.image;

import dev.layerlint.image.FileSystemView;
import dev.layerlint.report.ChecklistItem;
import dev.layerlint.report.Severity;
import dev.layerlint.rules.ImageRule;
import dev.layerlint.rules.ImageRuleContext;
import dev.layerlint.rules.RuleInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

@RuleInfo(
        id = "ToolchainInImage",
        severity = Severity.WARNING,
        checklist = ChecklistItem.MULTI_STAGE,
        summary = "The final image contains a build toolchain: a C compiler (gcc, cc1), make, javac, go, rustc or cargo.",
        description = """
                Compilers and build tools are needed to build the application, not to run it. In the final
                image they add tens to hundreds of megabytes and give an attacker a ready toolchain. Build
                in a first stage and copy only the result into a runtime image (`-slim`, a JRE instead of a
                JDK, distroless). This reads the built image, so a JDK or build-essential inherited from the
                base image is found too; the finding points at the layer that put the program there.""",
        aliases = {})
public final class ToolchainInImage implements ImageRule {

    /** Programs found on the image's PATH. */
    private static final List<String> PROGRAMS = List.of("gcc", "g++", "cc", "c++", "clang", "make", "javac", "go", "rustc", "cargo");
    /** The C compiler proper, which lives outside PATH. */
    private static final Pattern CC1 = Pattern.compile("/usr/(?:lib|libexec)/gcc/.+/cc1(?:plus)?");

    @Override
    public void check(ImageRuleContext context) {
        FileSystemView files = context.inspection().fileSystem();
        List<String> path = context.inspection().image().config().searchPath();
        Map<Integer, List<String>> byLayer = new TreeMap<>();
        for (String program : PROGRAMS) {
            Optional<String> found = files.which(program, path);
            found.flatMap(files::resolve).ifPresent(visible ->
                    byLayer.computeIfAbsent(visible.layerIndex(), i -> new ArrayList<>()).add(found.get()));
        }
        files.files().stream()
                .filter(visible -> visible.file().isRegular() && CC1.matcher(visible.file().path()).matches())
                .forEach(visible -> byLayer.computeIfAbsent(visible.layerIndex(), i -> new ArrayList<>())
                        .add(visible.file().path()));
        byLayer.forEach((layer, programs) -> context.reportLayer(layer, context.describeLayer(layer)
                + " puts a build toolchain into the final image (" + String.join(", ", programs)
                + "); build in an earlier stage and copy only the result into a runtime image"));
    }
}
