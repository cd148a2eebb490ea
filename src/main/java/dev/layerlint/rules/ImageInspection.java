package dev.layerlint.rules;

import dev.layerlint.budget.BudgetEvaluation;
import dev.layerlint.dockerfile.Dockerfile;
import dev.layerlint.image.FileSystemView;
import dev.layerlint.image.Image;
import dev.layerlint.image.LayerMap;
import dev.layerlint.text.Plural;

import java.util.Objects;
import java.util.Optional;

/**
 * What image rules look at.
 *
 * @param image      the image as read
 * @param layerMap   which Dockerfile line (or the base image, or Jib) made each layer
 * @param dockerfile the Dockerfile the layers are mapped to, when one is
 * @param fileSystem the image's final file system
 * @param budgets    the image held against its budget, when one is configured
 */
public record ImageInspection(Image image, LayerMap layerMap, Optional<Dockerfile> dockerfile, FileSystemView fileSystem,
        Optional<BudgetEvaluation> budgets) {

    public ImageInspection {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(layerMap, "layerMap");
        Objects.requireNonNull(dockerfile, "dockerfile");
        Objects.requireNonNull(fileSystem, "fileSystem");
        Objects.requireNonNull(budgets, "budgets");
        if (layerMap.layers().size() != image.layers().size()) {
            throw new IllegalArgumentException("the layer map has " + Plural.count(layerMap.layers().size(), "layer") + ", the image "
                    + image.layers().size());
        }
    }

    public ImageInspection(Image image, LayerMap layerMap, Optional<Dockerfile> dockerfile, Optional<BudgetEvaluation> budgets) {
        this(image, layerMap, dockerfile, image.fileSystem(), budgets);
    }
}
