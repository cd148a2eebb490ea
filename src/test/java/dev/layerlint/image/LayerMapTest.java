package dev.layerlint.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.layerlint.dockerfile.Dockerfile;
import dev.layerlint.dockerfile.DockerfileParser;
import dev.layerlint.dockerfile.ParseResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * Aligns histories taken from images the engine built from the Dockerfiles below
 * ({@code docker build} with the classic builder, {@code DOCKER_BUILDKIT=1 docker build}) and
 * read from {@code docker save}.
 */
class LayerMapTest {

    private static final String SERVICE = """
            FROM layerlint/busybox:test AS build
            RUN echo hi > /built.txt

            FROM layerlint/busybox:test
            LABEL org.opencontainers.image.version=1.0
            ENV APP=/app
            WORKDIR /app
            COPY --from=build /built.txt /app/built.txt
            COPY a.txt /app/
            ADD b.txt /app/b.txt
            RUN dd if=/dev/zero of=/big bs=1000 count=1000 2>/dev/null
            RUN rm /big
            RUN true
            ARG VERSION=1
            RUN echo `$VERSION` > /v
            USER 1000
            EXPOSE 8080
            HEALTHCHECK CMD [`/bin/wget`, `-q`, `localhost`]
            ENTRYPOINT [`/bin/sh`, `-c`]
            CMD [`echo hi`]
            """.replace('`', '"');

    private static final History BASE = new History(Optional.empty(), "", Optional.of("Imported from -"), false);

    @Test
    void classicBuilderHistory() {
        Image image = image(BASE,
                classic("/bin/sh -c #(nop)  LABEL org.opencontainers.image.version=1.0", true),
                classic("/bin/sh -c #(nop)  ENV APP=/app", true),
                classic("/bin/sh -c #(nop) WORKDIR /app", false),
                classic("/bin/sh -c #(nop) COPY file:45173a87213236e2f95551166d95b1f31efff5be4c91ecc1fa5ebe972cfb7d21 in /app/built.txt ", false),
                classic("/bin/sh -c #(nop) COPY file:a596f0888def06c3cad1442667ede22d419985a1c8a3155b838b650c4cf52ecc in /app/ ", false),
                classic("/bin/sh -c #(nop) ADD file:8346c288c574467d6f3039449e393268193a19ab233569eae61383976fb3ba8c in /app/b.txt ", false),
                classic("/bin/sh -c dd if=/dev/zero of=/big bs=1000 count=1000 2>/dev/null", false),
                classic("/bin/sh -c rm /big", false),
                classic("/bin/sh -c true", true),
                classic("/bin/sh -c #(nop)  ARG VERSION=1", true),
                classic("|1 VERSION=1 /bin/sh -c echo `$VERSION` > /v", false),
                classic("/bin/sh -c #(nop)  USER 1000", true),
                classic("/bin/sh -c #(nop)  EXPOSE 8080", true),
                classic("/bin/sh -c #(nop)  HEALTHCHECK &{[`CMD` `/bin/wget` `-q` `localhost`] `0s` `0s` `0s` '\\x00'}", true),
                classic("/bin/sh -c #(nop)  ENTRYPOINT [`/bin/sh` `-c`]", true),
                classic("/bin/sh -c #(nop)  CMD [`echo hi`]", true));
        LayerMap map = LayerMap.align(image, Optional.of(parse(SERVICE)), OptionalInt.empty());
        assertEquals(List.of("base", "Dockerfile:7", "Dockerfile:8", "Dockerfile:9", "Dockerfile:10", "Dockerfile:11",
                "Dockerfile:12", "Dockerfile:15"), describe(map));
        assertEquals(1, map.baseLayerCount());
        assertEquals(List.of(), map.notices());
    }

    @Test
    void buildKitHistory() {
        Image image = image(BASE,
                buildkit("LABEL org.opencontainers.image.version=1.0", true),
                buildkit("ENV APP=/app", true),
                buildkit("WORKDIR /app", false),
                buildkit("COPY /built.txt /app/built.txt # buildkit", false),
                buildkit("COPY a.txt /app/ # buildkit", false),
                buildkit("ADD b.txt /app/b.txt # buildkit", false),
                buildkit("RUN /bin/sh -c dd if=/dev/zero of=/big bs=1000 count=1000 2>/dev/null # buildkit", false),
                buildkit("RUN /bin/sh -c rm /big # buildkit", false),
                buildkit("RUN /bin/sh -c true # buildkit", false),
                buildkit("ARG VERSION=1", true),
                buildkit("RUN |1 VERSION=1 /bin/sh -c echo `$VERSION` > /v # buildkit", false),
                buildkit("USER 1000", true),
                buildkit("EXPOSE map[8080/tcp:{}]", true),
                buildkit("HEALTHCHECK &{[`CMD` `/bin/wget` `-q` `localhost`] `0s` `0s` `0s` '\\x00'}", true),
                buildkit("ENTRYPOINT [`/bin/sh` `-c`]", true),
                buildkit("CMD [`echo hi`]", true));
        LayerMap map = LayerMap.align(image, Optional.of(parse(SERVICE)), OptionalInt.empty());
        assertEquals(List.of("base", "Dockerfile:7", "Dockerfile:8", "Dockerfile:9", "Dockerfile:10", "Dockerfile:11",
                "Dockerfile:12", "Dockerfile:13", "Dockerfile:15"), describe(map));
    }

    private static final String LINEAGE = """
            FROM layerlint/busybox:test AS runtime
            RUN echo one > /one

            FROM runtime
            RUN [`/bin/sh`, `-c`, `echo two > /two`]
            USER 1000
            CMD [`sh`]
            """.replace('`', '"');

    @Test
    void parentStagesInstructionsAreFollowedBothBuilders() {
        Image classic = image(BASE,
                classic("/bin/sh -c echo one > /one", false),
                classic("/bin/sh -c echo two > /two", false),
                classic("/bin/sh -c #(nop)  USER 1000", true),
                classic("/bin/sh -c #(nop)  CMD [`sh`]", true));
        Image buildkit = image(BASE,
                buildkit("RUN /bin/sh -c echo one > /one # buildkit", false),
                buildkit("RUN /bin/sh -c echo two > /two # buildkit", false),
                buildkit("USER 1000", true),
                buildkit("CMD [`sh`]", true));
        for (Image image : List.of(classic, buildkit)) {
            assertEquals(List.of("base", "Dockerfile:2", "Dockerfile:5"),
                    describe(LayerMap.align(image, Optional.of(parse(LINEAGE)), OptionalInt.empty())));
        }
    }

    @Test
    void aHistoryThatDoesNotMatchLeavesTheRestUnmapped() {
        Image image = image(BASE,
                buildkit("COPY app.jar /app.jar # buildkit", false),
                buildkit("RUN /bin/sh -c echo two > /two # buildkit", false),
                buildkit("USER 1000", true),
                buildkit("CMD [`sh`]", true));
        LayerMap map = LayerMap.align(image, Optional.of(parse(LINEAGE)), OptionalInt.empty());
        assertEquals(List.of("unknown", "unknown", "Dockerfile:5"), describe(map));
        assertEquals(0, map.baseLayerCount());
        assertEquals(List.of("Dockerfile: line 2 (RUN) does not match the image's history entry 'COPY app.jar /app.jar # buildkit';"
                + " was the image built from this Dockerfile? Layers below are not mapped"), map.notices());
    }

    @Test
    void aKnownBaseLayerCountWins() {
        Image image = image(BASE,
                buildkit("RUN /bin/sh -c echo one > /one # buildkit", false),
                buildkit("RUN /bin/sh -c echo two > /two # buildkit", false));
        assertEquals(List.of("base", "base", "unknown"), describe(LayerMap.align(image, Optional.empty(), OptionalInt.of(2))));
        assertEquals(List.of("unknown", "unknown", "unknown"), describe(LayerMap.align(image, Optional.empty(), OptionalInt.empty())));
    }

    @Test
    void jibLayersAboveTheBaseImage() {
        Image image = image(BASE,
                new History(Optional.empty(), "jib-maven-plugin:3.4.4", Optional.of("dependencies"), false),
                new History(Optional.empty(), "jib-maven-plugin:3.4.4", Optional.of("resources"), false),
                new History(Optional.empty(), "jib-maven-plugin:3.4.4", Optional.of("classes"), false),
                new History(Optional.empty(), "jib-maven-plugin:3.4.4", Optional.of("jvm arg files"), false));
        assertEquals(List.of("base", "jib", "jib", "jib", "jib"), describe(LayerMap.align(image, Optional.empty(), OptionalInt.empty())));
    }

    @Test
    void anImageWithoutHistoryIsNotMapped() {
        Image recorded = image(BASE);
        Image image = new Image(recorded.reference(), recorded.id(), List.of(), 0, OptionalLong.empty(), recorded.config(),
                recorded.layers(), List.of());
        LayerMap map = LayerMap.align(image, Optional.of(parse(LINEAGE)), OptionalInt.empty());
        assertEquals(List.of("unknown"), describe(map));
        assertEquals(List.of("the image's history records 0 layers but the image has 1; layers are not mapped to Dockerfile lines"),
                map.notices());
    }

    @Test
    void aHistoryShortOfTheLayersIsNotMapped() {
        Image recorded = image(BASE, buildkit("RUN /bin/sh -c true # buildkit", false));
        Image image = new Image(recorded.reference(), recorded.id(), List.of(), 0, OptionalLong.empty(), recorded.config(),
                recorded.layers(), List.of(BASE));
        LayerMap map = LayerMap.align(image, Optional.of(parse(LINEAGE)), OptionalInt.empty());
        assertEquals(List.of("the image's history records 1 layer but the image has 2; layers are not mapped to Dockerfile lines"),
                map.notices());
    }

    private static List<String> describe(LayerMap map) {
        return map.layers().stream().map(origin -> switch (origin.kind()) {
            case BASE -> "base";
            case JIB -> "jib";
            case UNKNOWN -> "unknown";
            case DOCKERFILE -> origin.instruction().orElseThrow().file() + ":" + origin.instruction().orElseThrow().line();
        }).toList();
    }

    private static History classic(String createdBy, boolean empty) {
        return new History(Optional.empty(), createdBy.replace('`', '"'), Optional.empty(), empty);
    }

    private static History buildkit(String createdBy, boolean empty) {
        return new History(Optional.empty(), createdBy.replace('`', '"'), Optional.of("buildkit.dockerfile.v0"), empty);
    }

    static Dockerfile parse(String text) {
        return ((ParseResult.Success) DockerfileParser.parse("Dockerfile", text)).dockerfile();
    }

    /** An image with one empty layer per history entry that made one (the alignment reads only history and layer count). */
    static Image image(History... history) {
        List<Layer> layers = new ArrayList<>();
        for (History entry : history) {
            if (!entry.emptyLayer()) {
                int index = layers.size();
                layers.add(new Layer(index, "sha256:" + index, Optional.empty(), OptionalLong.empty(), 0, Optional.empty(), List.of()));
            }
        }
        ImageConfig config = new ImageConfig(Optional.empty(), List.of(), Optional.empty(), List.of(), List.of(), List.of(),
                Optional.empty(), Map.of(), "linux", "amd64", layers.stream().map(Layer::diffId).toList());
        return new Image("test", "sha256:test", List.of(), 0, OptionalLong.empty(), config, layers, List.of(history));
    }
}
