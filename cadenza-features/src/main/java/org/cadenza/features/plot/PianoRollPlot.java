package org.cadenza.features.plot;

import java.awt.Color;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.cadenza.features.pianoroll.PianoRoll;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.HeatMapChart;

/**
 * Piano-roll pictures drawn with XChart's {@link HeatMapChart}: time in seconds on x, pitch on y (one row per key,
 * the C keys named in scientific pitch notation, middle C = MIDI 60 = C4), white where nothing sounds, blue where a
 * note sounds (frame roll) and red where one starts (onset roll). With {@code VELOCITY} rolls the shade follows the
 * value: darker is louder.
 *
 * <p>Long rolls are reduced before drawing: at most {@value #MAX_COLUMNS} time columns, each the <em>maximum</em> of
 * the frames it covers, an onset anywhere in a column winning over a sounding note (so every struck note stays
 * visible). Cell values are quantised to {@value #SHADES} shades per roll. The pitch axis starts at the C at or below
 * the lowest pitch (with the default A0-C8 range, nine empty rows C0-G#0 lie under A0) so that every C row gets its
 * label; the time axis is labelled at round times (every 0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60 ... s, at most 12).
 */
public final class PianoRollPlot {

    /** Default picture width in pixels. */
    public static final int DEFAULT_WIDTH = 1200;
    /** Default picture height in pixels. */
    public static final int DEFAULT_HEIGHT = 500;
    /** Most time columns drawn; longer rolls are max-pooled in time. */
    public static final int MAX_COLUMNS = 600;
    /** Shades per roll (sounding, onset) for values in (0, 1]. */
    public static final int SHADES = 8;

    private static final Color SILENT = Color.WHITE;
    private static final Color SOUNDING_SOFT = new Color(0xC6DBEF);
    private static final Color SOUNDING_LOUD = new Color(0x08306B);
    private static final Color ONSET_SOFT = new Color(0xFDAE6B);
    private static final Color ONSET_LOUD = new Color(0xB30000);
    private static final String[] NAMES = {"C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"};

    private PianoRollPlot() {
    }

    /** {@link #writePng(PianoRoll, Path, String, int, int)} at {@value #DEFAULT_WIDTH} x {@value #DEFAULT_HEIGHT}. */
    public static void writePng(PianoRoll roll, Path png, String title) {
        writePng(roll, png, title, DEFAULT_WIDTH, DEFAULT_HEIGHT);
    }

    /**
     * Draws {@code roll} into a PNG file of {@code width x height} pixels (parent folders are created).
     *
     * @throws IllegalArgumentException when the roll has no frames or the size is below 200 x 150 pixels
     * @throws UncheckedIOException     when the file cannot be written
     */
    public static void writePng(PianoRoll roll, Path png, String title, int width, int height) {
        PngFiles.save(chart(roll, title, width, height), png, "PianoRollPlot");
    }

    /** The XChart chart {@link #writePng} draws, for callers that want to show or restyle it. */
    public static HeatMapChart chart(PianoRoll roll, String title, int width, int height) {
        Objects.requireNonNull(roll, "roll");
        HeatMaps.requireDrawable(roll.frames(), "roll", width, height, "PianoRollPlot");
        int frames = roll.frames();
        int pitches = roll.pitches();
        HeatMaps.Pooling time = HeatMaps.Pooling.of(frames, MAX_COLUMNS);
        int colStep = time.step();
        int cols = time.cells();

        List<Integer> xs = HeatMaps.indices(cols);
        // XChart labels every k-th row and column, the smallest k whose labels are all distinct and fit; so the rows
        // start at a C (the octave below the lowest pitch is padded with empty rows) and only C rows are named, which
        // makes k = 12 and puts a label on every C; likewise only columns at round times are named
        int padBelow = roll.params().lowestPitch() % 12;
        int rows = pitches + padBelow;
        int bottomPitch = roll.params().lowestPitch() - padBelow;
        List<Integer> ys = HeatMaps.indices(rows);
        // levels: 0 silent, 1..SHADES sounding (soft to loud), SHADES+1..2*SHADES onset (soft to loud)
        List<Number[]> heat = new ArrayList<>(cols * rows);
        float[][] frame = roll.frame();
        float[][] onset = roll.onset();
        for (int c = 0; c < cols; c++) {
            for (int r = 0; r < padBelow; r++) {
                heat.add(new Number[] {c, r, 0});
            }
            int t1 = Math.min(frames, (c + 1) * colStep);
            for (int p = 0; p < pitches; p++) {
                float sounding = 0;
                float struck = 0;
                for (int t = c * colStep; t < t1; t++) {
                    sounding = Math.max(sounding, frame[t][p]);
                    struck = Math.max(struck, onset[t][p]);
                }
                int level = struck > 0 ? SHADES + shade(struck) : sounding > 0 ? shade(sounding) : 0;
                heat.add(new Number[] {c, padBelow + p, level});
            }
        }

        HeatMapChart chart = HeatMaps.chart(width, height, title, "Pitch", palette(), 0, 2 * SHADES);
        var styler = chart.getStyler();
        styler.setLegendVisible(false);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderVisible(false);
        double secondsPerColumn = colStep * roll.secondsPerFrame();
        double tickSeconds = niceTickSeconds(cols * secondsPerColumn);
        int tickColumns = (int) Math.max(1, Math.round(tickSeconds / secondsPerColumn));
        String timeFormat = tickColumns * secondsPerColumn >= 1 - 1e-9 ? "%.0f" : "%.1f";
        styler.setxAxisTickLabelsFormattingFunction(x -> {
            int c = (int) Math.round(x);
            return c % tickColumns == 0 ? String.format(Locale.ROOT, timeFormat, c * secondsPerColumn) : " ";
        });
        styler.setyAxisTickLabelsFormattingFunction(y -> {
            int pitch = bottomPitch + (int) Math.round(y);
            return pitch % 12 == 0 ? pitchName(pitch) : " ";
        });
        chart.addSeries("piano roll", xs, ys, heat);
        AnnotationText key = new AnnotationText("blue: sounding   red: onset", width - 110.0, height - 18.0, true);
        chart.addAnnotation(key);
        styler.setAnnotationTextFont(styler.getAxisTickLabelsFont());
        return chart;
    }

    /** Scientific pitch name of a MIDI key: 60 is C4, 21 is A0, 61 is C#4. */
    public static String pitchName(int midiKey) {
        if (midiKey < 0 || midiKey > 127) {
            throw new IllegalArgumentException("PianoRollPlot: MIDI key must be 0-127, got " + midiKey);
        }
        return NAMES[midiKey % 12] + (midiKey / 12 - 1);
    }

    /** The smallest of 0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600 s giving at most 12 ticks. */
    private static double niceTickSeconds(double seconds) {
        double[] steps = {0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600};
        for (double step : steps) {
            if (seconds / step <= 12) {
                return step;
            }
        }
        return 600 * Math.ceil(seconds / 600 / 12);
    }

    /** 1..SHADES for a value in (0, 1]. */
    private static int shade(float v) {
        return Math.max(1, Math.min(SHADES, (int) Math.ceil(v * SHADES)));
    }

    /** One colour per level 0..2*SHADES, so that XChart's gradient lands on each level's own colour. */
    private static Color[] palette() {
        Color[] colours = new Color[2 * SHADES + 1];
        colours[0] = SILENT;
        for (int i = 1; i <= SHADES; i++) {
            double f = SHADES == 1 ? 1 : (i - 1) / (double) (SHADES - 1);
            colours[i] = mix(SOUNDING_SOFT, SOUNDING_LOUD, f);
            colours[SHADES + i] = mix(ONSET_SOFT, ONSET_LOUD, f);
        }
        return colours;
    }

    private static Color mix(Color a, Color b, double f) {
        return new Color((int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
    }
}
