package dev.layerlint.report;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The image's layers as an inline SVG waterfall: each layer is a bar that starts where the layers below it
 * end, so the bars add up to the image size along one axis and the size budget is one vertical line
 * across all of them. The part of a layer that later layers delete or overwrite is marked in red.
 */
final class LayerChart {

    private static final int WIDTH = 960;
    private static final int LABEL_WIDTH = 56;
    private static final int VALUE_WIDTH = 96;
    private static final int TOP = 30;
    private static final int ROW = 22;
    private static final int BAR = 16;
    private static final int AXIS = 26;
    private static final int TICKS = 4;

    private final ImageSummary image;

    LayerChart(ImageSummary image) {
        this.image = image;
    }

    void render(Html h) {
        List<LayerSummary> layers = image.layers().stream().filter(l -> l.size() > 0).toList();
        if (layers.isEmpty()) {
            return;
        }
        Optional<BudgetLine> budget = image.sizeBudget();
        long total = layers.stream().mapToLong(LayerSummary::size).sum();
        double max = Math.max(total, budget.map(BudgetLine::limit).orElse(0L)) * 1.04;
        double plot = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
        int height = TOP + layers.size() * ROW + AXIS;

        h.raw("<figure class=\"chart\">\n<svg id=\"layer-chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .raw(WIDTH + " " + height).raw("\" role=\"img\" aria-label=\"Layer sizes of ").text(image.reference()).raw("\">\n");
        for (int t = 0; t <= TICKS; t++) {
            double value = max * t / TICKS;
            double x = LABEL_WIDTH + plot * t / TICKS;
            h.raw("<line x1=\"").raw(num(x)).raw("\" x2=\"").raw(num(x)).raw("\" y1=\"").raw(num(TOP - 4)).raw("\" y2=\"")
                    .raw(num(height - AXIS + 4)).raw("\" stroke=\"#e3e7ec\" stroke-width=\"1\"/>\n");
            h.raw("<text x=\"").raw(num(x)).raw("\" y=\"").raw(num(height - 8)).raw("\" font-size=\"12\" fill=\"#5f6b7a\" text-anchor=\"")
                    .raw(t == 0 ? "start" : t == TICKS ? "end" : "middle").raw("\">").text(ByteSizes.format(Math.round(value))).raw("</text>\n");
        }
        long offset = 0;
        for (int row = 0; row < layers.size(); row++) {
            LayerSummary layer = layers.get(row);
            double y = TOP + row * ROW + (ROW - BAR) / 2.0;
            double x = LABEL_WIDTH + plot * offset / max;
            double w = Math.max(1.5, plot * layer.size() / max);
            double wasted = Math.min(w, plot * layer.wastedBytes() / max);
            h.raw("<g><title>").text(tooltip(layer)).raw("</title>\n");
            h.raw("<text x=\"").raw(num(LABEL_WIDTH - 8)).raw("\" y=\"").raw(num(y + BAR - 3))
                    .raw("\" font-size=\"12\" fill=\"#5f6b7a\" text-anchor=\"end\">#").raw(Integer.toString(layer.index())).raw("</text>\n");
            h.raw("<rect class=\"layer\" x=\"").raw(num(x)).raw("\" y=\"").raw(num(y)).raw("\" width=\"").raw(num(w))
                    .raw("\" height=\"").raw(num(BAR)).raw("\" fill=\"").raw(HtmlReportWriter.BAR_COLOR).raw("\"/>\n");
            if (layer.wastedBytes() > 0) {
                h.raw("<rect class=\"wasted\" x=\"").raw(num(x + w - Math.max(wasted, 1.5))).raw("\" y=\"").raw(num(y)).raw("\" width=\"")
                        .raw(num(Math.max(wasted, 1.5))).raw("\" height=\"").raw(num(BAR)).raw("\" fill=\"")
                        .raw(HtmlReportWriter.WASTED_COLOR).raw("\"/>\n");
            }
            h.raw("<text x=\"").raw(num(Math.min(x + w + 6, WIDTH - VALUE_WIDTH + 6))).raw("\" y=\"").raw(num(y + BAR - 3))
                    .raw("\" font-size=\"12\" fill=\"#1f2933\">").text(ByteSizes.format(layer.size())).raw("</text>\n</g>\n");
            offset += layer.size();
        }
        budget.ifPresent(b -> {
            double x = LABEL_WIDTH + plot * b.limit() / max;
            h.raw("<line class=\"budget\" x1=\"").raw(num(x)).raw("\" x2=\"").raw(num(x)).raw("\" y1=\"").raw(num(TOP - 8))
                    .raw("\" y2=\"").raw(num(height - AXIS + 4)).raw("\" stroke=\"").raw(HtmlReportWriter.BUDGET_COLOR)
                    .raw("\" stroke-width=\"3\"/>\n");
            h.raw("<text x=\"").raw(num(x - 6)).raw("\" y=\"").raw(num(TOP - 14)).raw("\" font-size=\"12\" font-weight=\"600\" fill=\"")
                    .raw(HtmlReportWriter.BUDGET_COLOR).raw("\" text-anchor=\"end\">budget ").text(ByteSizes.format(b.limit())).raw("</text>\n");
        });
        h.raw("</svg>\n<figcaption><span class=\"legend bar\"></span>layer size, stacked in image order")
                .raw("<span class=\"legend wasted\"></span>wasted (deleted or overwritten later)");
        if (budget.isPresent()) {
            h.raw("<span class=\"legend budget\"></span>size budget");
        }
        int empty = image.layers().size() - layers.size();
        if (empty > 0) {
            h.raw(" · ").raw(Integer.toString(empty)).raw(empty == 1 ? " empty layer not shown" : " empty layers not shown");
        }
        h.raw("</figcaption>\n</figure>\n");
    }

    private static String tooltip(LayerSummary layer) {
        StringBuilder sb = new StringBuilder("layer ").append(layer.index()).append(": ").append(ByteSizes.format(layer.size()));
        if (layer.wastedBytes() > 0) {
            sb.append(", ").append(ByteSizes.format(layer.wastedBytes())).append(" wasted");
        }
        layer.instructionLocation().ifPresent(l -> sb.append(" (").append(l).append(')'));
        return sb.append('\n').append(HtmlReportWriter.abbreviate(layer.createdBy().strip(), 300)).toString();
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
