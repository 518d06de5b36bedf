package org.cadenza.eval.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A PCA's explained variance as a PNG (XChart {@link XYChart}), seed 002's figure: the cumulative explained
 * variance in percent against the number of components (blue line with dots), each component's own share (grey),
 * a horizontal line at the requested fraction (red) and a vertical line at the number of components that reaches
 * it (green, labelled "k components: x %").
 */
public final class ExplainedVariancePlot {

    /** Line colours, also what the test looks for. */
    static final Color CUMULATIVE = new Color(0x1f77b4);
    static final Color SHARE = new Color(0x9a9a9a);
    static final Color THRESHOLD = new Color(0xd62728);
    static final Color COMPONENTS = new Color(0x2ca02c);

    private ExplainedVariancePlot() {
    }

    /**
     * @param explainedVarianceRatio each component's share of the variance, by decreasing share, each in [0, 1]
     *                               (e.g. {@code Pca.explainedVarianceRatio()}); at least one
     * @param fraction               the share of variance to reach, in (0, 1] (seed 002: 0.75)
     * @param png                    where to write; parent folders must exist
     * @param title                  the picture's title
     * @throws IllegalArgumentException for an empty or out-of-range ratio, or a fraction outside (0, 1]
     */
    public static void writePng(double[] explainedVarianceRatio, double fraction, Path png, String title)
            throws IOException {
        XYChart chart = chart(explainedVarianceRatio, fraction, title);
        try (OutputStream out = Files.newOutputStream(png)) {
            BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        }
    }

    /** @return the fewest leading components whose shares add up to {@code fraction} (1e-9 tolerance) */
    static int componentsFor(double[] ratio, double fraction) {
        double sum = 0;
        for (int k = 0; k < ratio.length; k++) {
            sum += ratio[k];
            if (sum >= fraction - 1e-9) {
                return k + 1;
            }
        }
        return ratio.length;
    }

    /** @return the chart, for callers that draw it elsewhere */
    public static XYChart chart(double[] explainedVarianceRatio, double fraction, String title) {
        if (explainedVarianceRatio == null || explainedVarianceRatio.length == 0) {
            throw new IllegalArgumentException("an explained-variance plot needs at least one component");
        }
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("the variance fraction must be in (0, 1], got " + fraction);
        }
        int n = explainedVarianceRatio.length;
        double[] x = new double[n];
        double[] share = new double[n];
        double[] cumulative = new double[n];
        double sum = 0;
        for (int k = 0; k < n; k++) {
            double r = explainedVarianceRatio[k];
            if (!(r >= 0 && r <= 1 + 1e-9)) {
                throw new IllegalArgumentException("explained variance ratio " + k + " is " + r
                        + " (each must be in [0, 1])");
            }
            sum += r;
            x[k] = k + 1;
            share[k] = 100 * r;
            cumulative[k] = 100 * Math.min(1, sum);
        }
        int components = componentsFor(explainedVarianceRatio, fraction);

        XYChart chart = new XYChartBuilder().width(800).height(500).title(title)
                .xAxisTitle("number of components").yAxisTitle("explained variance (%)").build();
        var styler = chart.getStyler();
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setLegendPosition(Styler.LegendPosition.InsideSE);
        styler.setYAxisMin(0.0);
        styler.setYAxisMax(100.0);
        styler.setXAxisMin(0.0);
        styler.setXAxisMax((double) n + 0.5);
        styler.setXAxisDecimalPattern("0");
        styler.setYAxisDecimalPattern("0");
        styler.setXAxisMaxLabelCount(Math.min(n + 1, 20));

        XYSeries cumulativeSeries = chart.addSeries("cumulative", x, cumulative);
        cumulativeSeries.setLineColor(CUMULATIVE);
        cumulativeSeries.setMarkerColor(CUMULATIVE);
        cumulativeSeries.setMarker(SeriesMarkers.CIRCLE);
        cumulativeSeries.setLineStyle(new BasicStroke(2.5f));

        XYSeries shareSeries = chart.addSeries("per component", x, share);
        shareSeries.setLineColor(SHARE);
        shareSeries.setMarkerColor(SHARE);
        shareSeries.setMarker(SeriesMarkers.DIAMOND);

        String percent = String.format(Locale.ROOT, "%.0f %%", 100 * fraction);
        XYSeries threshold = chart.addSeries(percent + " of the variance", new double[] {0, n + 0.5},
                new double[] {100 * fraction, 100 * fraction});
        threshold.setLineColor(THRESHOLD);
        threshold.setMarker(SeriesMarkers.NONE);
        threshold.setLineStyle(new BasicStroke(2f));

        XYSeries marker = chart.addSeries(components + (components == 1 ? " component" : " components"),
                new double[] {components, components}, new double[] {0, cumulative[components - 1]});
        marker.setLineColor(COMPONENTS);
        marker.setMarker(SeriesMarkers.NONE);
        marker.setLineStyle(new BasicStroke(2f));

        chart.addAnnotation(new AnnotationText(String.format(Locale.ROOT, "%d components: %.1f %%", components,
                cumulative[components - 1]), components + Math.max(0.8, 0.09 * n), Math.max(8,
                cumulative[components - 1] / 2), false));
        return chart;
    }
}
