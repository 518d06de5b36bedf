package org.cadenza.eval.map;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.cadenza.corpus.dataset.Periods;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The map's pictures (XChart, headless): the dendrogram of the anchors and the two scatter plots of the pieces.
 * Periods keep one colour in every picture (seed 001's seven periods a fixed colour each, other labels the next
 * free colours, "unknown" grey).
 */
final class MapPlots {

    /** Which projection a scatter plot shows. */
    enum Projection { PCA, TSNE }

    /** The colour of composers without a period. */
    static final Color UNKNOWN_COLOUR = new Color(0x9a9a9a);
    /** Seed 001's periods, in {@link Periods#SEED_001_PERIODS} order. */
    private static final Color[] SEED_COLOURS = {
        new Color(0x8c564b), // renaissance: brown
        new Color(0x1f77b4), // baroque: blue
        new Color(0x2ca02c), // classical: green
        new Color(0xd62728), // romantic: red
        new Color(0x9467bd), // impressionist: purple
        new Color(0xff7f0e), // 20th-century: orange
        new Color(0x17becf), // 21st-century: cyan
    };
    /** Colours for other period labels, in turn. */
    private static final Color[] OTHER_COLOURS = {
        new Color(0xe377c2), new Color(0xbcbd22), new Color(0x393b79), new Color(0x637939), new Color(0x843c39),
        new Color(0x7b4173), new Color(0x3182bd), new Color(0xe6550d),
    };
    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    private MapPlots() {
    }

    /** @return the periods in historical order (seed 001's first, then others by name), {@value ComposerMap#UNKNOWN} last */
    static List<String> periodOrder(Collection<String> periods) {
        List<String> order = new ArrayList<>();
        for (String p : Periods.SEED_001_PERIODS) {
            if (periods.contains(p)) {
                order.add(p);
            }
        }
        for (String p : new TreeSet<>(periods)) {
            if (!order.contains(p) && !ComposerMap.UNKNOWN.equals(p)) {
                order.add(p);
            }
        }
        if (periods.contains(ComposerMap.UNKNOWN)) {
            order.add(ComposerMap.UNKNOWN);
        }
        return order;
    }

    /** @return a colour per period of {@code order} */
    static Map<String, Color> colours(List<String> order) {
        Map<String, Color> colours = new LinkedHashMap<>();
        int other = 0;
        for (String p : order) {
            int seed = Periods.SEED_001_PERIODS.indexOf(p);
            if (ComposerMap.UNKNOWN.equals(p)) {
                colours.put(p, UNKNOWN_COLOUR);
            } else if (seed >= 0) {
                colours.put(p, SEED_COLOURS[seed]);
            } else {
                Color base = OTHER_COLOURS[other % OTHER_COLOURS.length];
                colours.put(p, other < OTHER_COLOURS.length ? base : base.darker());
                other++;
            }
        }
        return colours;
    }

    /**
     * The dendrogram: leaves along x in {@link ComposerMap.Result#leafOrder()}, labelled by composer with a dot in
     * the period's colour; y the merge distance; a dashed line where the tree is cut for the agreement figures.
     */
    static void dendrogram(ComposerMap.Result r, Path png) throws IOException {
        int n = r.composers().size();
        List<String> leaves = r.leafOrder();
        Map<String, Integer> position = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            position.put(leaves.get(i), i);
        }
        double[] x = new double[2 * n - 1];
        double[] h = new double[2 * n - 1];
        for (int i = 0; i < n; i++) {
            x[i] = position.get(r.composers().get(i));
        }
        double top = 0;
        for (int i = 0; i < n - 1; i++) {
            Merge m = r.merges().get(i);
            x[n + i] = (x[m.left()] + x[m.right()]) / 2;
            h[n + i] = m.height();
            top = Math.max(top, m.height());
        }
        String linkage = r.settings().linkage().name().toLowerCase(Locale.ROOT);
        XYChart chart = new XYChartBuilder().width(Math.max(800, 26 * n + 320)).height(680)
                .title("Composers clustered by their anchors (" + linkage + " linkage, " + n + " composers)")
                .xAxisTitle("composer (dot: period)").yAxisTitle("merge distance (Euclidean, unit vectors)").build();
        var s = chart.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setPlotGridVerticalLinesVisible(false);
        s.setXAxisLabelRotation(90);
        s.setXAxisMin(-0.5);
        s.setXAxisMax(n - 0.5);
        s.setYAxisMin(0.0);
        s.setYAxisMax(top > 0 ? top * 1.05 : 1.0);
        // one tick per leaf: the plot is about 26-30 px a leaf wide, a hint of 36 px makes XChart pick a step of 1
        s.setXAxisTickMarkSpacingHint(36);
        s.setAxisTickLabelsFont(LABEL_FONT);
        s.setMarkerSize(10);
        s.setxAxisTickLabelsFormattingFunction(v -> leafLabel(v, leaves));
        for (int i = 0; i < n - 1; i++) {
            Merge m = r.merges().get(i);
            int a = m.left();
            int b = m.right();
            XYSeries link = chart.addSeries("merge " + i, new double[] {x[a], x[a], x[b], x[b]},
                    new double[] {h[a], h[n + i], h[n + i], h[b]});
            link.setLineColor(Color.DARK_GRAY);
            link.setLineStyle(new BasicStroke(1.6f));
            link.setMarker(SeriesMarkers.NONE);
            link.setShowInLegend(false);
        }
        ComposerAgreement c = r.composerAgreement();
        int k = c.clusters();
        if (c.defined() && k >= 2 && k <= n) {
            double upper = r.merges().get(n - k).height();
            double lower = k < n ? r.merges().get(n - 1 - k).height() : 0;
            double y = (upper + lower) / 2;
            XYSeries cut = chart.addSeries(String.format(Locale.ROOT, "cut: %d clusters, ARI %.2f", k,
                    c.adjustedRandIndex()), new double[] {-0.5, n - 0.5}, new double[] {y, y});
            cut.setLineColor(new Color(0xd62728));
            cut.setLineStyle(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[] {6f, 4f}, 0f));
            cut.setMarker(SeriesMarkers.NONE);
        }
        List<String> order = periodOrder(r.composerPeriods());
        Map<String, Color> colours = colours(order);
        for (String period : order) {
            List<Double> px = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (r.composerPeriods().get(i).equals(period)) {
                    px.add(x[i]);
                }
            }
            XYSeries dots = chart.addSeries(period + " (" + px.size() + ")", px, java.util.Collections.nCopies(
                    px.size(), 0.0));
            dots.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            dots.setMarker(SeriesMarkers.CIRCLE);
            dots.setMarkerColor(colours.get(period));
        }
        save(chart, png);
    }

    /** Characters that draw nothing, for {@link #leafLabel}. */
    private static final char[] BLANKS = {' ', '\u00A0', '\u2002', '\u2003', '\u2009', '\u200A'};

    /**
     * The dendrogram's tick label at {@code v}: the composer at an integer position, else a blank. XChart draws no
     * tick labels when its axis bounds format alike, widens the tick step while two labels repeat, and sizes the
     * axis by the longest label; so each other position gets its own short string of blank characters (at most 3,
     * shorter than a composer id): invisible, all different.
     */
    static String leafLabel(double v, List<String> leaves) {
        long i = Math.round(v);
        if (Math.abs(v - i) < 1e-6 && i >= 0 && i < leaves.size()) {
            return leaves.get((int) i);
        }
        int code = (int) Math.floorMod(Math.round(4 * v), 258L); // 6 + 36 + 216 blank strings of 1 to 3 characters
        StringBuilder sb = new StringBuilder();
        int length = code < 6 ? 1 : code < 42 ? 2 : 3;
        int rest = code < 6 ? code : code < 42 ? code - 6 : code - 42;
        for (int k = 0; k < length; k++) {
            sb.append(BLANKS[rest % BLANKS.length]);
            rest /= BLANKS.length;
        }
        return sb.toString();
    }

    /** A scatter plot of the pieces on one projection, a colour per period, each composer's name at its pieces' mean. */
    static void pieces(ComposerMap.Result r, List<PiecePoint> points, Projection projection, Path png)
            throws IOException {
        double[] ev = r.pcaExplainedVariance();
        String title = projection == Projection.PCA
                ? "Pieces on the first two principal components (" + points.size() + " pieces)"
                : String.format(Locale.ROOT, "Pieces on a t-SNE map (%d pieces, perplexity %.0f, seed %d)",
                points.size(), r.tsnePerplexity(), r.settings().seed());
        XYChart chart = new XYChartBuilder().width(1000).height(760).title(title)
                .xAxisTitle(projection == Projection.PCA
                        ? String.format(Locale.ROOT, "PC1 (%.1f %% of the variance)", 100 * ev[0]) : "t-SNE 1")
                .yAxisTitle(projection == Projection.PCA
                        ? String.format(Locale.ROOT, "PC2 (%.1f %% of the variance)", 100 * ev[1]) : "t-SNE 2")
                .build();
        var s = chart.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarkerSize(7);
        s.setAnnotationTextFont(LABEL_FONT);
        s.setAnnotationTextFontColor(Color.BLACK);
        List<String> order = periodOrder(points.stream().map(PiecePoint::period).toList());
        Map<String, Color> colours = colours(order);
        for (String period : order) {
            List<Double> px = new ArrayList<>();
            List<Double> py = new ArrayList<>();
            for (PiecePoint p : points) {
                if (p.period().equals(period)) {
                    px.add(p.x());
                    py.add(p.y());
                }
            }
            XYSeries series = chart.addSeries(period + " (" + px.size() + ")", px, py);
            series.setMarker(SeriesMarkers.CIRCLE);
            series.setMarkerColor(withAlpha(colours.get(period), 190));
        }
        Map<String, double[]> sums = new LinkedHashMap<>();
        for (PiecePoint p : points) {
            double[] sum = sums.computeIfAbsent(p.composer(), c -> new double[3]);
            sum[0] += p.x();
            sum[1] += p.y();
            sum[2]++;
        }
        if (sums.size() <= 60) {
            sums.forEach((composer, sum) -> chart.addAnnotation(new AnnotationText(composer, sum[0] / sum[2],
                    sum[1] / sum[2], false)));
        }
        save(chart, png);
    }

    private static Color withAlpha(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }

    private static void save(XYChart chart, Path png) throws IOException {
        try (OutputStream out = Files.newOutputStream(png)) {
            BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        }
    }
}
