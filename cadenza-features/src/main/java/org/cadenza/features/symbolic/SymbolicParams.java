package org.cadenza.features.symbolic;

import static org.cadenza.io.Parameters.require;

import java.util.Locale;
import java.util.Objects;

/**
 * Everything that determines a {@link SymbolicFeatures} vector besides the notes themselves. Build with
 * {@link #builder()} ({@code optX} for each parameter) or take {@link #defaults()}; {@link #key()} names every
 * parameter and {@link #VERSION}, and goes into trained models' contracts.
 *
 * @param chordToleranceSeconds onsets within this many seconds of an onset group's first onset belong to the group
 *                              (one chord, one onset); seconds, finite, 0 &lt;= value &lt; 1; default 0.030 (30 ms,
 *                              the spread of a chord played "together" by a pianist)
 * @param durationBins          number of bins of the log-duration histogram; 2-32; default 10
 * @param ioiBins               number of bins of the inter-onset-interval histogram; 2-32; default 10
 * @param firstBinEdgeSeconds   upper edge of the first bin of both time histograms: bin 0 holds values below it, bin
 *                              {@code k} (1 .. bins-2) holds {@code [edge * 2^(k-1), edge * 2^k)} and the last bin
 *                              everything from {@code edge * 2^(bins-2)} up; seconds, finite, &gt; 0; default 0.0625
 *                              (1/16 s, so the default bins are octaves from 1/16 s to 16 s)
 * @param skyline               how the melody and the bass line are extracted; default {@link SkylineMode#ONSET}
 * @param chordNotes            which notes make the pitch-class set classified at each onset group; default
 *                              {@link ChordNotes#STRUCK}
 * @param featureSet            which groups of features: {@link FeatureSet#BASE} (default) or
 *                              {@link FeatureSet#EXTENDED}
 */
public record SymbolicParams(double chordToleranceSeconds, int durationBins, int ioiBins, double firstBinEdgeSeconds,
                             SkylineMode skyline, ChordNotes chordNotes, FeatureSet featureSet) {

    /**
     * Version of the feature definitions; part of {@link #key()}, so a model trained on other definitions refuses
     * these vectors.
     */
    public static final int VERSION = 1;

    public SymbolicParams {
        Objects.requireNonNull(skyline, "skyline");
        Objects.requireNonNull(chordNotes, "chordNotes");
        Objects.requireNonNull(featureSet, "featureSet");
        require("SymbolicParams",
                Double.isFinite(chordToleranceSeconds) && chordToleranceSeconds >= 0 && chordToleranceSeconds < 1,
                "chordToleranceSeconds must be in [0, 1) s, got " + chordToleranceSeconds);
        require("SymbolicParams", durationBins >= 2 && durationBins <= 32,
                "durationBins must be 2-32, got " + durationBins);
        require("SymbolicParams", ioiBins >= 2 && ioiBins <= 32, "ioiBins must be 2-32, got " + ioiBins);
        require("SymbolicParams", Double.isFinite(firstBinEdgeSeconds) && firstBinEdgeSeconds > 0,
                "firstBinEdgeSeconds must be a finite number of seconds > 0, got " + firstBinEdgeSeconds);
    }

    /** Every parameter at its documented default. */
    public static SymbolicParams defaults() {
        return builder().build();
    }

    /** A builder with every parameter at its default. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Canonical text naming every parameter, the fixed choices (Krumhansl-Kessler key profiles, absolute melodic
     * intervals 0-12 and over 12, octave register bins 0-8) and {@link #VERSION}; equal keys mean equal features.
     * The default: {@code symbolic-v1;chord_tolerance_s=0.03;duration_bins=10;ioi_bins=10;first_bin_edge_s=0.0625;
     * skyline=ONSET;chord_notes=STRUCK;key_profiles=krumhansl-kessler;melodic_intervals=abs-0-12-over;
     * register=octaves-0-8;std=population}; {@link FeatureSet#EXTENDED} appends {@code ;set=extended} (the base set
     * appends nothing, so that models trained before the option keep their key).
     */
    public String key() {
        return String.format(Locale.ROOT,
                "symbolic-v%d;chord_tolerance_s=%s;duration_bins=%d;ioi_bins=%d;first_bin_edge_s=%s;skyline=%s;"
                        + "chord_notes=%s;key_profiles=krumhansl-kessler;melodic_intervals=abs-0-12-over;"
                        + "register=octaves-0-8;std=population",
                VERSION, Double.toString(chordToleranceSeconds), durationBins, ioiBins,
                Double.toString(firstBinEdgeSeconds), skyline, chordNotes)
                + (featureSet == FeatureSet.BASE ? "" : ";set=" + featureSet.cliName());
    }

    @Override
    public String toString() {
        return key();
    }

    /** Builder; every parameter is optional and starts at the default documented on the record. */
    public static final class Builder {
        private double chordToleranceSeconds = 0.030;
        private int durationBins = 10;
        private int ioiBins = 10;
        private double firstBinEdgeSeconds = 0.0625;
        private SkylineMode skyline = SkylineMode.ONSET;
        private ChordNotes chordNotes = ChordNotes.STRUCK;
        private FeatureSet featureSet = FeatureSet.BASE;

        private Builder() {
        }

        /** Seconds; default 0.030. */
        public Builder optChordToleranceSeconds(double v) {
            chordToleranceSeconds = v;
            return this;
        }

        /** Default 10. */
        public Builder optDurationBins(int v) {
            durationBins = v;
            return this;
        }

        /** Default 10. */
        public Builder optIoiBins(int v) {
            ioiBins = v;
            return this;
        }

        /** Seconds; default 0.0625. */
        public Builder optFirstBinEdgeSeconds(double v) {
            firstBinEdgeSeconds = v;
            return this;
        }

        /** Default {@link SkylineMode#ONSET}. */
        public Builder optSkyline(SkylineMode v) {
            skyline = Objects.requireNonNull(v, "skyline");
            return this;
        }

        /** Default {@link ChordNotes#STRUCK}. */
        public Builder optChordNotes(ChordNotes v) {
            chordNotes = Objects.requireNonNull(v, "chordNotes");
            return this;
        }

        /** Default {@link FeatureSet#BASE}. */
        public Builder optFeatureSet(FeatureSet v) {
            featureSet = Objects.requireNonNull(v, "featureSet");
            return this;
        }

        /** Validates and builds; throws {@link IllegalArgumentException} naming the offending parameter. */
        public SymbolicParams build() {
            return new SymbolicParams(chordToleranceSeconds, durationBins, ioiBins, firstBinEdgeSeconds, skyline,
                    chordNotes, featureSet);
        }
    }
}
