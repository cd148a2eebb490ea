package dev.layerlint.report;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the human-readable reports show about an inspected image.
 *
 * @param reference    the image reference or id as the user named it
 * @param size         uncompressed size in bytes
 * @param layers       every layer, in image order
 * @param wastedBytes  bytes deleted or overwritten by later layers, over all layers
 * @param efficiency   share of the image's bytes that end up in the final file system, 0 to 1
 * @param budgets      the budgets checked, in configuration order
 * @param largestFiles the image's largest files, largest first
 */
public record ImageSummary(
        String reference,
        long size,
        List<LayerSummary> layers,
        long wastedBytes,
        double efficiency,
        List<BudgetLine> budgets,
        List<FileSize> largestFiles) {

    public ImageSummary {
        Objects.requireNonNull(reference, "reference");
        layers = layers.stream().sorted(Comparator.comparingInt(LayerSummary::index)).toList();
        budgets = List.copyOf(budgets);
        largestFiles = largestFiles.stream().sorted(FileSize.LARGEST_FIRST).toList();
    }

    /** The budget on the total size ({@link BudgetLine#SIZE} or inspect's {@link BudgetLine#MAX_IMAGE_SIZE}), if one was set. */
    public Optional<BudgetLine> sizeBudget() {
        return budgets.stream().filter(b -> b.name().equals(BudgetLine.SIZE) || b.name().equals(BudgetLine.MAX_IMAGE_SIZE)).findFirst();
    }

    /** The {@code count} largest non-empty layers, largest first (index breaks ties). */
    public List<LayerSummary> largestLayers(int count) {
        return layers.stream()
                .filter(l -> l.size() > 0)
                .sorted(Comparator.comparingLong(LayerSummary::size).reversed().thenComparingInt(LayerSummary::index))
                .limit(count)
                .toList();
    }
}
