package org.cadenza.eval.generation;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * What {@link SetComparison#compare} measured: one {@link FeatureComparison} per feature.
 *
 * @param referencePieces how many real pieces
 * @param candidatePieces how many generated pieces
 * @param rows            one per feature, in the order of the settings
 */
public record SetComparisonReport(int referencePieces, int candidatePieces, List<FeatureComparison> rows) {

    /** Columns of {@link #writeCsv(Path)}. */
    public static final List<String> CSV_HEADER = List.of("feature", "kind", "unit", "reference_intra_count",
            "reference_intra_mean", "reference_intra_sd", "candidate_intra_count", "candidate_intra_mean",
            "candidate_intra_sd", "inter_count", "inter_mean", "inter_sd", "kl_divergence_nats", "overlap_area",
            "direct_measure", "direct_distance", "reference_mean", "reference_sd", "candidate_mean", "candidate_sd");

    public SetComparisonReport {
        rows = List.copyOf(rows);
    }

    /** The row of {@code feature}, if it was compared. */
    public Optional<FeatureComparison> row(MusicFeature feature) {
        return rows.stream().filter(r -> r.feature() == feature).findFirst();
    }

    /**
     * A Markdown table, one line per feature: intra- and inter-set distances as mean ± sd (in the feature's
     * unit), KL(intra ‖ inter) in nats, the overlapping area, the direct distance with its measure, and for scalar
     * features the set means ± sd. A cell with nothing to show (candidate intra-set distances of a single
     * generated piece, set means of a histogram) holds "–". Pipes inside cells are escaped ({@code \|}).
     */
    public String toMarkdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("Reference (real): ").append(referencePieces).append(" pieces; candidates (generated): ")
                .append(candidatePieces).append(" pieces. OA near 1 and KL near 0: the generated pieces are as far "
                        + "from the real ones as the real ones are from each other.\n\n");
        sb.append("| feature | unit | real intra | generated intra | inter | KL(intra‖inter) | OA | direct | "
                + "real mean | generated mean |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (FeatureComparison r : rows) {
            Optional<ScalarMeans> m = r.scalarMeans();
            sb.append("| ").append(r.feature().label())
                    .append(" | ").append(r.feature().unit())
                    .append(" | ").append(pm(r.referenceIntra().mean(), r.referenceIntra().sd()))
                    .append(" | ").append(r.candidateIntra().map(d -> pm(d.mean(), d.sd())).orElse("–"))
                    .append(" | ").append(pm(r.inter().mean(), r.inter().sd()))
                    .append(" | ").append(number(r.klDivergence()))
                    .append(" | ").append(String.format(Locale.ROOT, "%.3f", r.overlapArea()))
                    .append(" | ").append(number(r.directDistance())).append(' ')
                    .append(r.directMeasure().replace("|", "\\|"))
                    .append(" | ").append(m.map(s -> pm(s.referenceMean(), s.referenceSd())).orElse("–"))
                    .append(" | ").append(m.map(s -> pm(s.candidateMean(), s.candidateSd())).orElse("–"))
                    .append(" |\n");
        }
        return sb.toString();
    }

    /**
     * Writes the rows as CSV with {@link #CSV_HEADER}, numbers in full precision ({@link Double#toString},
     * {@code Infinity} for an infinite standardised difference); empty cells where a value does not apply. The
     * file is written next to its final name and moved into place, so a reader never sees half a file.
     */
    public void writeCsv(Path csv) throws IOException {
        Objects.requireNonNull(csv, "csv");
        Path absolute = csv.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path tmp = Files.createTempFile(absolute.getParent(), absolute.getFileName().toString(), ".tmp");
        try {
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
                 CSVPrinter printer = CSVFormat.DEFAULT.builder().setHeader(CSV_HEADER.toArray(String[]::new)).build()
                         .print(out)) {
                for (FeatureComparison r : rows) {
                    List<Object> line = new ArrayList<>();
                    line.add(r.feature().label());
                    line.add(r.feature().kind().name().toLowerCase(Locale.ROOT));
                    line.add(r.feature().unit());
                    addSummary(line, Optional.of(r.referenceIntra()));
                    addSummary(line, r.candidateIntra());
                    addSummary(line, Optional.of(r.inter()));
                    line.add(r.klDivergence());
                    line.add(r.overlapArea());
                    line.add(r.directMeasure());
                    line.add(r.directDistance());
                    Optional<ScalarMeans> m = r.scalarMeans();
                    line.add(m.map(s -> (Object) s.referenceMean()).orElse(""));
                    line.add(m.map(s -> (Object) s.referenceSd()).orElse(""));
                    line.add(m.map(s -> (Object) s.candidateMean()).orElse(""));
                    line.add(m.map(s -> (Object) s.candidateSd()).orElse(""));
                    printer.printRecord(line);
                }
            }
            Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void addSummary(List<Object> line, Optional<DistanceSummary> summary) {
        line.add(summary.map(s -> (Object) s.count()).orElse(""));
        line.add(summary.map(s -> (Object) s.mean()).orElse(""));
        line.add(summary.map(s -> (Object) s.sd()).orElse(""));
    }

    private static String pm(double mean, double sd) {
        return number(mean) + " ± " + number(sd);
    }

    private static String number(double v) {
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "-∞";
        }
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
