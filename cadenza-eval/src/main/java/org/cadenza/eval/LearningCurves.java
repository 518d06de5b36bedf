package org.cadenza.eval;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.cadenza.io.BadInputException;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The per-epoch log of a training run, read from CSV and drawn as loss and accuracy against epoch.
 *
 * @param epochs one row per epoch, in file order
 */
public record LearningCurves(List<LearningCurves.Epoch> epochs) {

    /**
     * One epoch. Missing or empty values are {@link Double#NaN} (e.g. no validation set).
     *
     * @param epoch         the epoch number as logged (1-based by convention)
     * @param trainLoss     mean training loss over the epoch (cross-entropy, nats)
     * @param trainAccuracy training accuracy, in [0, 1]
     * @param valLoss       validation loss (nats)
     * @param valAccuracy   validation accuracy, in [0, 1]
     * @param learningRate  learning rate at the end of the epoch
     * @param seconds       wall time of the epoch, seconds
     */
    public record Epoch(int epoch, double trainLoss, double trainAccuracy, double valLoss, double valAccuracy,
                        double learningRate, double seconds) {
    }

    public LearningCurves {
        epochs = List.copyOf(epochs);
    }

    /**
     * Reads a CSV with a header holding {@code epoch} and {@code train_loss} and any of {@code train_acc, val_loss,
     * val_acc, lr, seconds}; other columns are ignored, column order does not matter, names ignore case.
     *
     * @throws BadInputException naming the file (and line) when a required column or a number is wrong
     */
    public static LearningCurves read(Path csv) throws IOException {
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreHeaderCase(true)
                    .setTrim(true).build().parse(in);
            for (String required : List.of("epoch", "train_loss")) {
                if (parser.getHeaderMap().keySet().stream().noneMatch(h -> h.equalsIgnoreCase(required))) {
                    throw new BadInputException(csv, "no column '" + required + "' in header " + parser.getHeaderNames()
                            + "; expected epoch,train_loss,train_acc,val_loss,val_acc,lr,seconds");
                }
            }
            List<Epoch> epochs = new ArrayList<>();
            for (CSVRecord r : parser) {
                try {
                    epochs.add(new Epoch((int) Double.parseDouble(r.get("epoch")), number(r, "train_loss"),
                            number(r, "train_acc"), number(r, "val_loss"), number(r, "val_acc"), number(r, "lr"),
                            number(r, "seconds")));
                } catch (NumberFormatException e) {
                    throw new BadInputException(csv, "line " + parser.getCurrentLineNumber() + ": not a number: "
                            + e.getMessage(), e);
                }
            }
            return new LearningCurves(epochs);
        }
    }

    private static double number(CSVRecord r, String column) {
        if (!r.isMapped(column) || !r.isSet(column) || r.get(column).isEmpty()) {
            return Double.NaN;
        }
        return Double.parseDouble(r.get(column));
    }

    /**
     * Draws two charts side by side: loss (train, validation) and accuracy (train, validation, in percent) against
     * epoch; 1,200 x 450 pixels. Series without any value are left out.
     */
    public void writePng(Path png, String title) throws IOException {
        XYChart loss = chart(title + ": loss", "loss (nats)");
        addSeries(loss, "train", Epoch::trainLoss, 1);
        addSeries(loss, "validation", Epoch::valLoss, 1);
        XYChart accuracy = chart(title + ": accuracy", "accuracy (%)");
        addSeries(accuracy, "train", Epoch::trainAccuracy, 100);
        addSeries(accuracy, "validation", Epoch::valAccuracy, 100);
        try (OutputStream out = Files.newOutputStream(png)) {
            BitmapEncoder.saveBitmap(List.of(loss, accuracy), 1, 2, out, BitmapEncoder.BitmapFormat.PNG);
        }
    }

    static XYChart chart(String title, String yTitle) {
        XYChart chart = new XYChartBuilder().width(600).height(450).title(title).xAxisTitle("epoch").yAxisTitle(yTitle).build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setMarkerSize(5);
        return chart;
    }

    private void addSeries(XYChart chart, String name, ToDoubleFunction<Epoch> value, double scale) {
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (Epoch e : epochs) {
            double v = value.applyAsDouble(e);
            if (Double.isFinite(v)) {
                x.add((double) e.epoch());
                y.add(v * scale);
            }
        }
        if (!x.isEmpty()) {
            chart.addSeries(name, x, y).setMarker(SeriesMarkers.CIRCLE);
        }
    }
}
