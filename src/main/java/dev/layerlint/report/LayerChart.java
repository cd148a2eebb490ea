package dev.layerlint.report;

import dev.layerlint.text.Plural;

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
    private static final int LABEL_WIDTH = 130;
    private static final int RIGHT_MARGIN = 24;
    private static final int TOP = 30;
    private static final int ROW = 22;
    private static final int BAR = 16;
    private static final int AXIS = 26;
    private static final int TARGET_TICKS = 5;

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
        long largest = Math.max(total, budget.map(BudgetLine::limit).orElse(0L));
        long step = tickStep(largest);
        double max = (double) step * ((largest + step - 1) / step);
        double plot = WIDTH - LABEL_WIDTH - RIGHT_MARGIN;
        int height = TOP + layers.size() * ROW + AXIS;

        h.raw("<figure class=\"chart\">\n<svg id=\"layer-chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .raw(WIDTH + " " + height).raw("\" role=\"img\" aria-label=\"Layer sizes of ").text(image.reference()).raw("\">\n");
        int ticks = (int) Math.round(max / step);
        for (int t = 0; t <= ticks; t++) {
            long value = step * t;
            double x = LABEL_WIDTH + plot * value / max;
            h.raw("<line x1=\"").raw(num(x)).raw("\" x2=\"").raw(num(x)).raw("\" y1=\"").raw(num(TOP - 4)).raw("\" y2=\"")
                    .raw(num(height - AXIS + 4)).raw("\" stroke=\"#e3e7ec\" stroke-width=\"1\"/>\n");
            h.raw("<text x=\"").raw(num(x)).raw("\" y=\"").raw(num(height - 8)).raw("\" font-size=\"12\" fill=\"#5f6b7a\" text-anchor=\"")
                    .raw(t == 0 ? "start" : t == ticks ? "end" : "middle").raw("\">").text(ByteSizes.format(value)).raw("</text>\n");
        }
        long offset = 0;
        for (int row = 0; row < layers.size(); row++) {
            LayerSummary layer = layers.get(row);
            double y = TOP + row * ROW + (ROW - BAR) / 2.0;
            double x = LABEL_WIDTH + plot * offset / max;
            double w = Math.max(1.5, plot * layer.size() / max);
            double wasted = Math.min(w, plot * layer.wastedBytes() / max);
            h.raw("<g><title>").text(tooltip(layer)).raw("</title>\n");
            h.raw("<text x=\"0\" y=\"").raw(num(y + BAR - 3)).raw("\" font-size=\"12\" fill=\"#5f6b7a\">#")
                    .raw(Integer.toString(layer.index())).raw("</text>\n");
            h.raw("<text x=\"").raw(num(LABEL_WIDTH - 10)).raw("\" y=\"").raw(num(y + BAR - 3))
                    .raw("\" font-size=\"12\" fill=\"#1f2933\" text-anchor=\"end\">").text(ByteSizes.format(layer.size())).raw("</text>\n");
            h.raw("<rect class=\"layer\" x=\"").raw(num(x)).raw("\" y=\"").raw(num(y)).raw("\" width=\"").raw(num(w))
                    .raw("\" height=\"").raw(num(BAR)).raw("\" fill=\"").raw(HtmlReportWriter.BAR_COLOR).raw("\"/>\n");
            if (layer.wastedBytes() > 0) {
                h.raw("<rect class=\"wasted\" x=\"").raw(num(x + w - Math.max(wasted, 1.5))).raw("\" y=\"").raw(num(y)).raw("\" width=\"")
                        .raw(num(Math.max(wasted, 1.5))).raw("\" height=\"").raw(num(BAR)).raw("\" fill=\"")
                        .raw(HtmlReportWriter.WASTED_COLOR).raw("\"/>\n");
            }
            h.raw("</g>\n");
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
            h.raw(" · ").raw(Plural.count(empty, "empty layer")).raw(" not shown");
        }
        h.raw("</figcaption>\n</figure>\n");
    }

    /** A round axis step (1, 2 or 5 times a power of ten) giving about {@value #TARGET_TICKS} ticks. */
    static long tickStep(long largest) {
        double rough = Math.max(1, largest) / (double) TARGET_TICKS;
        long power = 1;
        while (power * 10 <= rough) {
            power *= 10;
        }
        for (long factor : new long[] {1, 2, 5}) {
            if (power * factor >= rough) {
                return power * factor;
            }
        }
        return power * 10;
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
