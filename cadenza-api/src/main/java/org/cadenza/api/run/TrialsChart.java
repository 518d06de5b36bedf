package org.cadenza.api.run;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The trials chart (seed 001, figure 3, drawn): the test accuracy of each trial as a point, piece and window level,
 * each with a dashed line at its mean, and the most-frequent baseline's piece accuracy per trial; percent against
 * trial number, 900 x 500 pixels.
 */
public final class TrialsChart {

    private TrialsChart() {
    }

    /** Writes the chart of {@code trials} (at least one) to {@code png}. */
    public static void writePng(List<TrialsRun.Trial> trials, Path png, String title) throws IOException {
        if (trials.isEmpty()) {
            throw new IllegalArgumentException("no trials to draw");
        }
        XYChart chart = new XYChartBuilder().width(900).height(500).title(title).xAxisTitle("trial")
                .yAxisTitle("test accuracy (%)").build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setMarkerSize(8);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(100.0);
        chart.getStyler().setXAxisDecimalPattern("0");
        points(chart, trials, "piece accuracy", TrialsRun.Trial::pieceAccuracy, new Color(0x1f, 0x77, 0xb4));
        points(chart, trials, "window accuracy", TrialsRun.Trial::windowAccuracy, new Color(0xff, 0x7f, 0x0e));
        XYSeries baseline = chart.addSeries("most-frequent baseline (piece)", x(trials),
                trials.stream().map(t -> 100 * t.pieceMostFrequent()).toList());
        baseline.setMarker(SeriesMarkers.NONE);
        baseline.setLineColor(Color.GRAY);
        baseline.setLineStyle(new BasicStroke(1.5f));
        BitmapEncoder.saveBitmap(chart, png.toString().replaceFirst("\\.png$", ""), BitmapEncoder.BitmapFormat.PNG);
    }

    private static void points(XYChart chart, List<TrialsRun.Trial> trials, String name,
                               ToDoubleFunction<TrialsRun.Trial> value, Color color) {
        List<Double> y = trials.stream().map(t -> 100 * value.applyAsDouble(t)).toList();
        XYSeries s = chart.addSeries(name, x(trials), y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setMarkerColor(color);
        double mean = y.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double first = trials.get(0).trial();
        double last = trials.get(trials.size() - 1).trial();
        XYSeries m = chart.addSeries(String.format(Locale.ROOT, "mean %s %.1f %%", name, mean),
                List.of(first, last == first ? first + 1 : last), List.of(mean, mean));
        m.setMarker(SeriesMarkers.NONE);
        m.setLineColor(color);
        m.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 6f}, 0f));
    }

    private static List<Double> x(List<TrialsRun.Trial> trials) {
        List<Double> x = new ArrayList<>();
        trials.forEach(t -> x.add((double) t.trial()));
        return x;
    }
}
