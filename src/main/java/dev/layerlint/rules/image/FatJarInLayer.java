package dev.layerlint.rules.image;

import dev.layerlint.image.JarLayout;
import dev.layerlint.image.Layer;
import dev.layerlint.report.ByteSizes;
import dev.layerlint.report.ChecklistItem;
import dev.layerlint.report.Severity;
import dev.layerlint.rules.ImageRule;
import dev.layerlint.rules.ImageRuleContext;
import dev.layerlint.rules.RuleInfo;

import java.util.Optional;

@RuleInfo(
        id = "FatJarInLayer",
        severity = Severity.INFO,
        checklist = ChecklistItem.DEPENDENCIES_BEFORE_CODE,
        summary = "A layer holds a jar with its dependencies inside (Spring Boot's `BOOT-INF/lib/`, nested jars, or shaded in): every code change re-ships all of them.",
        description = """
                The image-side twin of [FatJarLayer](FatJarLayer.md): where that rule judges from what the Dockerfile shows, \
                this one looks at the jar the image holds. A jar that carries its dependencies makes them one layer \
                with the application, so each build pushes, stores and pulls all of them again though only the code \
                changed. For a Spring Boot jar, extract it into layers in a builder stage (`java -Djarmode=tools -jar \
                app.jar extract --layers --launcher` from Spring Boot 3.3 on, `java -Djarmode=layertools -jar app.jar \
                extract` from 2.3 to 3.2; the finding says which, from the jar's manifest) and COPY `dependencies/`, \
                `spring-boot-loader/`, `snapshot-dependencies/` and `application/` in that order; for other uber jars, \
                copy the dependencies as a layer of their own before the application (Quarkus' fast-jar: \
                `target/quarkus-app/lib/` first, the app last; Maven: a thin jar and `dependency:copy-dependencies`), \
                or let Jib build the image. \n\nHow it decides: while \
                `inspect` streams each layer, it looks inside every regular file named `*.jar` of at least \
                `fatJarThreshold` bytes (default 10MB; no other file's contents are read). It reads the zip's entries \
                in order, skipping their contents, and stops as soon as it sees an entry `BOOT-INF/lib/*.jar` \
                (Spring Boot), ten nested `*.jar` entries (One-JAR, Capsule and the like), or the \
                `META-INF/maven/…/pom.properties` of five Maven artifacts (a jar that the Shade or Assembly plugin \
                or Gradle's Shadow merged its dependencies' classes into), and after 20,000 \
                entries at most. A jar that is not a readable zip (a launch script before the zip, as Spring \
                Boot's fully executable jars have, included), is cut short, or is still undecided stays \
                unreported, as does a merged jar whose dependencies left no `pom.properties`. \
                The finding points at the Dockerfile line that made the layer; layers of the base image are not judged.""",
        aliases = {})
public final class FatJarInLayer implements ImageRule {

    @Override
    public void check(ImageRuleContext context) {
        long threshold = context.options().fatJarThreshold();
        for (Layer layer : context.inspection().image().layers()) {
            if (context.inspection().layerMap().origin(layer.index()).base()) {
                continue;
            }
            for (JarLayout jar : layer.jars()) {
                if (jar.size() >= threshold && jar.holdsDependencies()) {
                    context.reportLayer(layer.index(), context.describeLayer(layer.index()) + " holds " + jar.path() + ", "
                            + describe(jar) + ", so each code change re-ships all of them: " + advice(jar));
                }
            }
        }
    }

    private static String describe(JarLayout jar) {
        String size = ByteSizes.format(jar.size());
        return switch (jar.kind()) {
            case SPRING_BOOT -> "a " + size + " Spring Boot" + jar.springBootVersion().map(v -> " " + v).orElse("")
                    + " jar with its dependencies in BOOT-INF/lib/";
            case MERGED -> "a " + size + " jar with the classes of at least " + jar.mergedArtifacts() + " Maven artifacts merged in";
            default -> "a " + size + " jar with at least " + jar.nestedJars() + " nested jars";
        };
    }

    private static String advice(JarLayout jar) {
        if (jar.kind() != JarLayout.Kind.SPRING_BOOT) {
            return "copy the dependencies as a layer of their own before the application (Quarkus' fast-jar:"
                    + " target/quarkus-app/lib/ first, the app last; Maven: a thin jar and dependency:copy-dependencies), or build"
                    + " the image with Jib";
        }
        String name = jar.path().substring(jar.path().lastIndexOf('/') + 1);
        String copies = " in a builder stage and COPY dependencies/, spring-boot-loader/, snapshot-dependencies/ and application/"
                + " in that order";
        String tools = "java -Djarmode=tools -jar " + name + " extract --layers --launcher";
        String layertools = "java -Djarmode=layertools -jar " + name + " extract";
        Optional<int[]> version = jar.springBootVersion().flatMap(FatJarInLayer::majorMinor);
        if (version.isEmpty()) {
            return "extract it into layers (" + tools + "; " + layertools + " before Spring Boot 3.3)" + copies;
        }
        int major = version.get()[0];
        int minor = version.get()[1];
        if (major > 3 || major == 3 && minor >= 3) {
            return "extract it into layers (" + tools + ")" + copies;
        }
        if (major == 2 && minor < 3 || major < 2) {
            return "upgrade to Spring Boot 2.3 or later for layered extraction, or unpack it (jar -xf " + name + ") in a builder"
                    + " stage and COPY BOOT-INF/lib/ before BOOT-INF/classes/";
        }
        return "extract it into layers (" + layertools + ")" + copies;
    }

    /** {@code 3.2.1}, {@code 3.3.0-RC1}: its major and minor numbers; empty when it does not start with them. */
    private static Optional<int[]> majorMinor(String version) {
        int[] numbers = new int[2];
        int at = 0;
        for (int part = 0; part < 2; part++) {
            int start = at;
            while (at < version.length() && at - start < 4 && version.charAt(at) >= '0' && version.charAt(at) <= '9') {
                numbers[part] = numbers[part] * 10 + version.charAt(at) - '0';
                at++;
            }
            if (at == start || part == 0 && (at >= version.length() || version.charAt(at++) != '.')) {
                return Optional.empty();
            }
        }
        return Optional.of(numbers);
    }
}
