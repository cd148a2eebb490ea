package dev.layerlint.budget;

import dev.layerlint.text.InputFiles;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.layerlint.report.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The figures of the image as last accepted, kept in the repository (default
 * {@code layerlint-baseline.json}) so that {@code maxGrowth} can compare against them.
 *
 * @param image       the image reference the figures were taken from
 * @param size        counted image size in bytes
 * @param layers      counted layers with content
 * @param wastedBytes counted wasted bytes
 * @param efficiency  dive's efficiency, 0..1
 */
public record Baseline(String image, long size, long layers, long wastedBytes, double efficiency) {

    public static final String DEFAULT_FILE = "layerlint-baseline.json";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

    public Baseline {
        Objects.requireNonNull(image, "image");
    }

    public static Baseline of(String image, ImageFigures figures) {
        return new Baseline(image, figures.imageSize().bytes(), figures.layersWithContent(), figures.wastedBytes().bytes(),
                figures.efficiency().value() / 100);
    }

    /** The largest baseline file read, in bytes. */
    public static final long MAX_FILE_BYTES = 1L << 20;

    /** The baseline in {@code file}, a regular file of at most {@link #MAX_FILE_BYTES}; empty when there is no such file. */
    public static Optional<Baseline> read(Path file) throws BudgetException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(InputFiles.read(file, MAX_FILE_BYTES), Baseline.class));
        } catch (JsonProcessingException e) {
            String line = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
            throw new BudgetException(file + ": not a layerlint baseline" + line + ": " + e.getOriginalMessage(), e);
        } catch (InputFiles.InputFileException e) {
            throw new BudgetException(file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new BudgetException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    public void write(Path file) throws BudgetException {
        try {
            Path absolute = file.toAbsolutePath();
            AtomicFiles.writeString(absolute.getParent(), absolute.getFileName().toString(),
                    JSON.writeValueAsString(this) + "\n");
        } catch (IOException e) {
            throw new BudgetException(file + ": cannot be written: " + e.getMessage(), e);
        }
    }
}
