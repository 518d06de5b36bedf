package org.cadenza.features.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;

/** The XChart heat-map set-up that {@link SpectrogramPlot} and {@link PianoRollPlot} share. */
final class HeatMaps {

    private HeatMaps() {
    }

    /**
     * A heat map with time in seconds on x: cells filling the plot without borders or printed values, a continuous
     * colour scale through {@code colours} from {@code min} to {@code max}, white background, no grid lines, no
     * anti-aliasing (cells stay sharp).
     *
     * @param title null for none
     */
    static HeatMapChart chart(int width, int height, String title, String yAxisTitle, Color[] colours, double min,
            double max) {
        HeatMapChart chart = new HeatMapChartBuilder().width(width).height(height)
                .title(title == null ? "" : title).xAxisTitle("Time (s)").yAxisTitle(yAxisTitle).build();
        var styler = chart.getStyler();
        styler.setRangeColors(colours);
        styler.setMin(min);
        styler.setMax(max);
        styler.setPiecewise(false);
        styler.setDrawBorder(false);
        styler.setShowValue(false);
        styler.setPlotContentSize(1.0);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotGridLinesVisible(false);
        styler.setAntiAlias(false);
        return chart;
    }

    /** @return 0, 1, ..., {@code n - 1}: the column or row numbers of the cells */
    static List<Integer> indices(int n) {
        List<Integer> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(i);
        }
        return out;
    }

    /**
     * Checks what a plot is asked to draw: at least one frame, and a picture of at least
     * {@value PngFiles#MIN_WIDTH} x {@value PngFiles#MIN_HEIGHT} pixels.
     *
     * @param what what is drawn, for the message ({@code "roll"}, {@code "spectrogram"})
     * @param who  the plot's name, for the message
     * @throws IllegalArgumentException {@code "<who>: the <what> has no frames, nothing to draw"}, or the size's
     */
    static void requireDrawable(int frames, String what, int width, int height, String who) {
        if (frames == 0) {
            throw new IllegalArgumentException(who + ": the " + what + " has no frames, nothing to draw");
        }
        PngFiles.requireSize(width, height, who);
    }

    /**
     * How {@code n} frames (or bins) are max-pooled into at most {@code most} cells: {@code step} of them per cell,
     * {@code cells} cells, the last maybe holding fewer.
     *
     * @param step  frames per cell, {@code ceil(n / most)}, at least 1
     * @param cells cells drawn, {@code ceil(n / step)}
     */
    record Pooling(int step, int cells) {

        static Pooling of(int n, int most) {
            int step = Math.max(1, ceilDiv(n, most));
            return new Pooling(step, ceilDiv(n, step));
        }

        private static int ceilDiv(int a, int b) {
            return (a + b - 1) / b;
        }
    }
}
