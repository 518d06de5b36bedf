package org.cadenza.features.plot;

import java.awt.Color;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.cadenza.features.FeatureKind;
import org.cadenza.features.Spectrogram;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.style.Styler;

/**
 * Spectrogram pictures drawn with XChart's {@link HeatMapChart}: time in seconds on x, frequency in Hz on y (for
 * log-mel the rows are mel bands, so the y ticks are mel-spaced and labelled with each band's centre frequency), a
 * colour bar in dB (MFCC: coefficient value) and the perceptually uniform <em>viridis</em> colour map.
 *
 * <p>What is drawn: LOGMEL values as they are (dB); STFT values converted to dB ({@code (20 / power) log10(v)},
 * floored at 80 dB below the maximum for display); MFCC coefficients as they are, coefficient index on y.
 *
 * <p>Long inputs are reduced before drawing: at most {@value #MAX_COLUMNS} time columns and {@value #MAX_ROWS}
 * frequency rows, each the <em>maximum</em> of the frames/bins it covers (so short loud events stay visible); a
 * 10-minute log-mel (25,840 frames) therefore draws in well under 2 s.
 */
public final class SpectrogramPlot {

    /** Default picture size in pixels. */
    public static final int DEFAULT_WIDTH = 1200;
    /** Default picture size in pixels. */
    public static final int DEFAULT_HEIGHT = 600;
    /** Most time columns drawn; longer spectrograms are max-pooled in time. */
    public static final int MAX_COLUMNS = 600;
    /** Most frequency rows drawn; taller spectrograms (STFT) are max-pooled in frequency. */
    public static final int MAX_ROWS = 256;

    /** Anchor colours of matplotlib's viridis colour map at 0, 1/9, ..., 1 (low to high). */
    private static final Color[] VIRIDIS = {
        new Color(0x440154), new Color(0x482878), new Color(0x3E4A89), new Color(0x31688E), new Color(0x26828E),
        new Color(0x1F9E89), new Color(0x35B779), new Color(0x6DCD59), new Color(0xB4DE2C), new Color(0xFDE725),
    };
    private static final double DISPLAY_RANGE_DB = 80.0;

    private SpectrogramPlot() {
    }

    /** {@link #writePng(Spectrogram, Path, String, int, int)} at {@value #DEFAULT_WIDTH} x {@value #DEFAULT_HEIGHT}. */
    public static void writePng(Spectrogram spectrogram, Path png, String title) {
        writePng(spectrogram, png, title, DEFAULT_WIDTH, DEFAULT_HEIGHT);
    }

    /**
     * Draws {@code spectrogram} into a PNG file of {@code width x height} pixels (parent folders are created).
     *
     * @throws IllegalArgumentException when the spectrogram has no frames or the size is below 200 x 150 pixels
     * @throws UncheckedIOException     when the file cannot be written
     */
    public static void writePng(Spectrogram spectrogram, Path png, String title, int width, int height) {
        PngFiles.save(chart(spectrogram, title, width, height), png, "SpectrogramPlot");
    }

    /** The XChart chart {@link #writePng} draws, for callers that want to show or restyle it. */
    public static HeatMapChart chart(Spectrogram spectrogram, String title, int width, int height) {
        Objects.requireNonNull(spectrogram, "spectrogram");
        HeatMaps.requireDrawable(spectrogram.frames(), "spectrogram", width, height, "SpectrogramPlot");
        FeatureKind kind = spectrogram.params().kind();
        int frames = spectrogram.frames();
        int bins = spectrogram.bins();
        HeatMaps.Pooling time = HeatMaps.Pooling.of(frames, MAX_COLUMNS);
        HeatMaps.Pooling frequency = HeatMaps.Pooling.of(bins, MAX_ROWS);
        int colStep = time.step();
        int rowStep = frequency.step();
        int cols = time.cells();
        int rows = frequency.cells();

        double[][] grid = new double[cols][rows];
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        float[][] data = spectrogram.data();
        for (int c = 0; c < cols; c++) {
            int t1 = Math.min(frames, (c + 1) * colStep);
            for (int r = 0; r < rows; r++) {
                int b1 = Math.min(bins, (r + 1) * rowStep);
                double v = Double.NEGATIVE_INFINITY;
                for (int t = c * colStep; t < t1; t++) {
                    for (int b = r * rowStep; b < b1; b++) {
                        v = Math.max(v, data[t][b]);
                    }
                }
                if (kind == FeatureKind.STFT) {
                    v = 20.0 / spectrogram.params().power() * Math.log10(Math.max(v, 1e-20));
                }
                grid[c][r] = v;
                max = Math.max(max, v);
                min = Math.min(min, v);
            }
        }
        if (kind == FeatureKind.STFT) {
            min = Math.max(min, max - DISPLAY_RANGE_DB);
        }
        // whole numbers: XChart prints the colour bar's ends with Double.toString
        min = Math.floor(min);
        max = Math.ceil(max);
        if (!(max > min)) {
            max = min + 1.0;
        }

        List<Integer> xs = HeatMaps.indices(cols);
        List<Integer> ys = HeatMaps.indices(rows);
        List<Number[]> heat = new ArrayList<>(cols * rows);
        for (int c = 0; c < cols; c++) {
            for (int r = 0; r < rows; r++) {
                heat.add(new Number[] {c, r, Math.max(min, grid[c][r])});
            }
        }

        String yTitle = switch (kind) {
            case STFT -> "Frequency (Hz)";
            case LOGMEL -> "Frequency (Hz, mel-spaced bands)";
            case MFCC -> "MFCC coefficient";
        };
        HeatMapChart chart = HeatMaps.chart(width, height, title, yTitle, VIRIDIS, min, max);
        var styler = chart.getStyler();
        styler.setLegendVisible(true);
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
        styler.setHeatMapDecimalValueFormatter(v -> String.format(Locale.ROOT, "%.0f", v));
        styler.setXAxisMaxLabelCount(10);
        styler.setPlotBorderVisible(true);
        final int cs = colStep;
        final int rs = rowStep;
        // whole seconds once the picture spans more than 20 s; about 10 frequency labels, not one per row
        String timeFormat = spectrogram.frames() * spectrogram.secondsPerFrame() > 20 ? "%.0f" : "%.1f";
        int yLabelEvery = HeatMaps.Pooling.of(rows, 10).step();
        styler.setxAxisTickLabelsFormattingFunction(
                x -> String.format(Locale.ROOT, timeFormat, spectrogram.frameTimeSeconds((int) Math.round(x) * cs)));
        styler.setyAxisTickLabelsFormattingFunction(y -> {
            int row = (int) Math.round(y);
            if (row % yLabelEvery != 0) {
                return " ";
            }
            int bin = Math.min(bins - 1, row * rs);
            return kind == FeatureKind.MFCC ? Integer.toString(bin)
                    : String.format(Locale.ROOT, "%.0f", spectrogram.binFrequencyHz(bin));
        });
        String unit = kind == FeatureKind.MFCC ? "value" : "dB";
        chart.addSeries(unit, xs, ys, heat);
        // the colour bar's unit, just above the bar (XChart's continuous heat-map legend has no title);
        // screen-space annotations are centred on x and measure y from the bottom edge
        AnnotationText unitLabel = new AnnotationText(unit, width - 48.0, height / 2.0 + 145, true);
        chart.addAnnotation(unitLabel);
        styler.setAnnotationTextFont(styler.getAxisTitleFont());
        return chart;
    }
}
