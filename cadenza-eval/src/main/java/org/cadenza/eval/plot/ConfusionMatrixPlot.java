package org.cadenza.eval.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cadenza.eval.ConfusionMatrix;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * A confusion matrix as a PNG heat map (XChart {@link HeatMapChart}), readable with 25 classes and more: class names
 * on both axes (true class down the left, first class at the top; predicted class along the bottom, rotated), the
 * value in every non-empty cell when it fits, empty cells left white, and a perceptual colour map (the light half of
 * viridis, yellow = low to teal = high, on which black text keeps a contrast ratio above 5).
 * The picture grows with the number of classes: a cell is 16 to 48 pixels wide, and the picture is at least as wide as
 * its title; values are written (rounded to
 * integers, so a share under 0.5 % shows as 0) when the cell is at least 17 pixels wide. The colour scale starts
 * at 0 and, for percentages, ends at 100.
 */
public final class ConfusionMatrixPlot {

    /** What a cell shows, and what its colour encodes. */
    public enum CellValue {
        /** The share of the true class's items, in percent (a row sums to 100; the diagonal is recall). */
        ROW_PERCENT,
        /** The raw count. */
        COUNT
    }

    /** Viridis from 1.0 down to 0.5 (matplotlib's values): perceptually uniform, light enough for black text. */
    private static final Color[] LIGHT_VIRIDIS = {
        new Color(0xfde725), new Color(0xbddf26), new Color(0x7ad151), new Color(0x44bf70),
        new Color(0x22a884), new Color(0x21918c)
    };
    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    /** XChart's default title font, set explicitly so that the picture can be made wide enough for the title. */
    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    /** Room left and right of the title, in pixels. */
    private static final int TITLE_MARGIN = 24;

    private ConfusionMatrixPlot() {
    }

    /** Writes the row-normalised view ({@link CellValue#ROW_PERCENT}). */
    public static void writePng(ConfusionMatrix matrix, Path png, String title) throws IOException {
        writePng(matrix, png, title, CellValue.ROW_PERCENT);
    }

    /**
     * @param matrix the matrix
     * @param png    where to write; parent folders must exist
     * @param title  the picture's title
     * @param cells  what the cells show and their colour encodes
     */
    public static void writePng(ConfusionMatrix matrix, Path png, String title, CellValue cells) throws IOException {
        HeatMapChart chart = chart(matrix, title, cells);
        try (OutputStream out = Files.newOutputStream(png)) {
            BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        }
    }

    /** @return the chart, sized for the number of classes, for callers that draw it elsewhere */
    public static HeatMapChart chart(ConfusionMatrix matrix, String title, CellValue cells) {
        int n = matrix.numClasses();
        List<String> names = matrix.classNames();
        int cell = Math.max(16, Math.min(48, 800 / n));
        FontMetrics metrics = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics().getFontMetrics(LABEL_FONT);
        int longestLabel = names.stream().mapToInt(metrics::stringWidth).max().orElse(0);
        int plot = (int) Math.ceil(n * cell / 0.92);
        // a few classes make a narrow picture: widen it to the title rather than clip the title at both ends
        int titleWidth = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics().getFontMetrics(TITLE_FONT)
                .stringWidth(title);
        int width = Math.max(longestLabel + plot + 190, titleWidth + 2 * TITLE_MARGIN);
        int height = longestLabel + plot + 110;

        HeatMapChart chart = new HeatMapChartBuilder().width(width).height(height).title(title)
                .xAxisTitle("predicted class").yAxisTitle("true class").build();
        var styler = chart.getStyler();
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setChartTitleFont(TITLE_FONT);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderVisible(true);
        styler.setPlotGridLinesVisible(false);
        styler.setAxisTickLabelsFont(LABEL_FONT);
        styler.setXAxisLabelRotation(90);
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
        styler.setRangeColors(LIGHT_VIRIDIS);
        styler.setDrawBorder(false);
        styler.setHeatMapValueDecimalPattern("0");
        styler.setHeatMapDecimalValueFormatter(cells == CellValue.COUNT
                ? v -> String.format(java.util.Locale.ROOT, "%.0f", v)
                : v -> String.format(java.util.Locale.ROOT, "%.0f %%", v));
        int valueFontSize = Math.min(13, (int) Math.floor(cell * 0.42));
        styler.setShowValue(valueFontSize >= 7);
        styler.setValueFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(7, valueFontSize)));
        styler.setValueFontColor(Color.BLACK);

        double[][] shares = matrix.rowNormalised();
        List<Number[]> heat = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            for (int p = 0; p < n; p++) {
                long count = matrix.count(t, p);
                if (count > 0) {
                    double value = cells == CellValue.COUNT ? count : 100 * shares[t][p];
                    // y runs bottom-up in XChart: the first true class goes to the top row
                    heat.add(new Number[] {p, n - 1 - t, value});
                }
            }
        }
        // The colour scale runs from 0 (and to 100 for percentages) whatever the data hold: XChart takes the scale
        // from the series' values but draws only cells inside the grid, so two anchors just outside it fix the range.
        heat.add(new Number[] {n, n, 0.0});
        if (cells == CellValue.ROW_PERCENT) {
            heat.add(new Number[] {n, n, 100.0});
        }
        List<String> reversed = new ArrayList<>(names);
        java.util.Collections.reverse(reversed);
        chart.addSeries(cells == CellValue.COUNT ? "count" : "% of true class", names, reversed, heat);
        return chart;
    }
}
