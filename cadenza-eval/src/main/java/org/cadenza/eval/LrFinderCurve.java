package org.cadenza.eval;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.cadenza.io.BadInputException;
import org.cadenza.io.Parameters;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A learning-rate finder's record (seed 000's {@code lr_find} + {@code recorder.plot}): training loss against a
 * learning rate that grows step by step.
 *
 * @param learningRates the learning rate of each step, > 0
 * @param losses        the (usually smoothed) training loss at each step, nats; same length
 */
public record LrFinderCurve(double[] learningRates, double[] losses) {

    public LrFinderCurve {
        if (learningRates.length != losses.length) {
            throw new IllegalArgumentException(learningRates.length + " learning rates but " + losses.length + " losses");
        }
        for (double lr : learningRates) {
            Parameters.finitePositive("learning rates", lr, "");
        }
        learningRates = learningRates.clone();
        losses = losses.clone();
    }

    @Override
    public double[] learningRates() {
        return learningRates.clone();
    }

    @Override
    public double[] losses() {
        return losses.clone();
    }

    /**
     * Reads a CSV with columns {@code lr} (or {@code learning_rate}) and {@code loss} (or {@code smoothed_loss},
     * preferred when both are there); other columns are ignored, names ignore case. Rows whose loss is not finite
     * are skipped (a finder stops when the loss diverges).
     */
    public static LrFinderCurve read(Path csv) throws IOException {
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreHeaderCase(true)
                    .setTrim(true).build().parse(in);
            var header = parser.getHeaderMap().keySet().stream().map(String::toLowerCase).toList();
            String lrColumn = header.contains("lr") ? "lr" : header.contains("learning_rate") ? "learning_rate" : null;
            String lossColumn = header.contains("smoothed_loss") ? "smoothed_loss" : header.contains("loss") ? "loss" : null;
            if (lrColumn == null || lossColumn == null) {
                throw new BadInputException(csv, "expected columns lr (or learning_rate) and loss (or smoothed_loss), got "
                        + parser.getHeaderNames());
            }
            List<double[]> rows = new ArrayList<>();
            for (CSVRecord r : parser) {
                try {
                    double lr = Double.parseDouble(r.get(lrColumn));
                    double loss = Double.parseDouble(r.get(lossColumn));
                    if (Double.isFinite(loss)) {
                        rows.add(new double[] {lr, loss});
                    }
                } catch (NumberFormatException e) {
                    throw new BadInputException(csv, "line " + parser.getCurrentLineNumber() + ": not a number: " + e.getMessage(), e);
                }
            }
            try {
                return new LrFinderCurve(rows.stream().mapToDouble(r -> r[0]).toArray(), rows.stream().mapToDouble(r -> r[1]).toArray());
            } catch (IllegalArgumentException e) {
                throw new BadInputException(csv, e.getMessage(), e);
            }
        }
    }

    /**
     * Draws loss against learning rate, logarithmic x axis, 600 x 450 pixels. When the loss ends far above where it
     * started (it diverged), the y axis stops at 1.5 times the first loss so the useful part stays readable.
     */
    public void writePng(Path png, String title) throws IOException {
        XYChart chart = LearningCurves.chart(title, "loss (nats)");
        chart.setXAxisTitle("learning rate (log scale)");
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setLegendVisible(false);
        if (learningRates.length > 0) {
            chart.addSeries("loss", learningRates, losses).setMarker(SeriesMarkers.NONE);
            // a finder runs until the loss explodes: show from the lowest loss up to 1.5 x the starting loss
            double min = java.util.Arrays.stream(losses).min().orElse(0);
            double top = Math.max(losses[0] * 1.5, min + 1e-9);
            if (java.util.Arrays.stream(losses).max().orElse(0) > top) {
                chart.getStyler().setYAxisMax(top);
                chart.getStyler().setYAxisMin(Math.min(0, min));
            }
        }
        try (OutputStream out = Files.newOutputStream(png)) {
            BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LrFinderCurve c && java.util.Arrays.equals(learningRates, c.learningRates)
                && java.util.Arrays.equals(losses, c.losses);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(learningRates) * 31 + java.util.Arrays.hashCode(losses);
    }

    @Override
    public String toString() {
        return "LrFinderCurve[" + learningRates.length + " steps]";
    }
}
