package org.cadenza.eval.map;

import static org.cadenza.io.Parameters.require;

import java.util.Objects;

/**
 * Parameters of a composer map. Defaults ({@link #DEFAULTS}): seed 42, average linkage (UPGMA) on the Euclidean
 * distance between unit vectors, perplexity 30, 1,000 t-SNE iterations.
 *
 * @param seed           seeds the t-SNE start (Smile's {@code MathEx.setSeed}) and the label shuffles of the
 *                       baselines; same seed, same data, same map (default 42)
 * @param linkage        how the dendrogram measures the distance between clusters (default {@link Linkage#AVERAGE})
 * @param perplexity     t-SNE perplexity, roughly the number of neighbours each piece keeps close (default
 *                       {@value #DEFAULT_PERPLEXITY}, sensible for a few hundred pieces); lowered automatically to
 *                       {@code (n - 1) / 3} for {@code n} pieces when that is smaller (never below 1), see
 *                       {@link #perplexityFor(int)}; must be positive
 * @param tsneIterations t-SNE gradient steps (default {@value #DEFAULT_TSNE_ITERATIONS}); Smile exaggerates the
 *                       neighbours' affinities for the first 250 steps, so fewer than about 500 leave the map
 *                       unfinished; at least 1
 */
public record MapSettings(long seed, Linkage linkage, double perplexity, int tsneIterations) {

    /** Default seed. */
    public static final long DEFAULT_SEED = 42;
    /** Default t-SNE perplexity, for a few hundred pieces. */
    public static final double DEFAULT_PERPLEXITY = 30;
    /** Default number of t-SNE iterations. */
    public static final int DEFAULT_TSNE_ITERATIONS = 1000;
    /** Seed 42, average linkage, perplexity 30, 1,000 t-SNE iterations. */
    public static final MapSettings DEFAULTS = new MapSettings(DEFAULT_SEED, Linkage.AVERAGE, DEFAULT_PERPLEXITY,
            DEFAULT_TSNE_ITERATIONS);

    /** @throws IllegalArgumentException for a null linkage, a perplexity that is not positive, iterations below 1 */
    public MapSettings {
        require("MapSettings", linkage != null, "the linkage is missing (one of AVERAGE, COMPLETE, SINGLE, WARD)");
        require("MapSettings", perplexity > 0 && !Double.isInfinite(perplexity),
                "the t-SNE perplexity must be a positive number, got " + perplexity);
        require("MapSettings", tsneIterations >= 1, "t-SNE needs at least 1 iteration, got " + tsneIterations);
    }

    /**
     * The perplexity used for {@code n} pieces: {@link #perplexity()} unless it exceeds {@code (n - 1) / 3} (the
     * usual bound: each piece needs about three times as many other pieces as its perplexity), never below 1.
     *
     * @param n the number of pieces projected, at least 2
     */
    public double perplexityFor(int n) {
        return Math.min(perplexity, Math.max(1.0, (n - 1) / 3.0));
    }

    /** @return a builder starting from {@link #DEFAULTS} */
    public static Builder builder() {
        return new Builder(DEFAULTS);
    }

    /** @return a builder starting from these settings */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builder; every field has a default. */
    public static final class Builder {
        private long seed;
        private Linkage linkage;
        private double perplexity;
        private int tsneIterations;

        private Builder(MapSettings from) {
            seed = from.seed;
            linkage = from.linkage;
            perplexity = from.perplexity;
            tsneIterations = from.tsneIterations;
        }

        /** @param seed see {@link MapSettings#seed()} (default 42) */
        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /** @param linkage see {@link MapSettings#linkage()} (default {@link Linkage#AVERAGE}) */
        public Builder optLinkage(Linkage linkage) {
            this.linkage = Objects.requireNonNull(linkage, "linkage");
            return this;
        }

        /** @param perplexity see {@link MapSettings#perplexity()} (default 30) */
        public Builder optPerplexity(double perplexity) {
            this.perplexity = perplexity;
            return this;
        }

        /** @param tsneIterations see {@link MapSettings#tsneIterations()} (default 1,000) */
        public Builder optTsneIterations(int tsneIterations) {
            this.tsneIterations = tsneIterations;
            return this;
        }

        /** @throws IllegalArgumentException as the record's constructor */
        public MapSettings build() {
            return new MapSettings(seed, linkage, perplexity, tsneIterations);
        }
    }
}
