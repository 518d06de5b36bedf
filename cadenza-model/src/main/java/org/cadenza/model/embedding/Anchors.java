package org.cadenza.model.embedding;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.cadenza.model.ModelJson;

/**
 * The reference points of an embedding model: one anchor per composer and one per piece, all unit vectors.
 * A piece's anchor is the normalised mean of its windows' embeddings; a composer's is the normalised mean of its
 * pieces' anchors, so that every piece counts once however long it is.
 *
 * @param composers composer -> anchor, sorted by name
 * @param pieces    piece id -> its composer and anchor, sorted by piece id
 */
public record Anchors(Map<String, float[]> composers, Map<String, PieceAnchor> pieces) {

    /** File name of the anchors inside a model folder. */
    public static final String FILE = "anchors.json";

    /**
     * @param composer the piece's composer
     * @param anchor   the piece's unit embedding
     */
    public record PieceAnchor(String composer, float[] anchor) {
        public PieceAnchor {
            Objects.requireNonNull(composer, "composer");
            Objects.requireNonNull(anchor, "anchor");
        }
    }

    /**
     * @param composer a composer
     * @param distance Euclidean distance from the query to its anchor, in [0, 2]
     */
    public record Ranked(String composer, double distance) {
    }

    public Anchors {
        composers = new TreeMap<>(composers);
        pieces = new TreeMap<>(pieces);
        if (composers.isEmpty()) {
            throw new IllegalArgumentException("no composer anchors");
        }
        int dim = composers.values().iterator().next().length;
        composers.forEach((c, v) -> checkLength(c, v, dim));
        pieces.forEach((p, v) -> checkLength(p, v.anchor(), dim));
    }

    /**
     * @param pieceEmbeddings piece id -> unit embedding
     * @param composerOf      piece id -> composer (every piece must have one)
     * @return anchors of every composer with at least one piece
     */
    public static Anchors of(Map<String, float[]> pieceEmbeddings, Map<String, String> composerOf) {
        Map<String, List<float[]>> byComposer = new TreeMap<>();
        Map<String, PieceAnchor> pieces = new TreeMap<>();
        pieceEmbeddings.forEach((piece, v) -> {
            String c = composerOf.get(piece);
            if (c == null) {
                throw new IllegalArgumentException("piece " + piece + " has no composer");
            }
            byComposer.computeIfAbsent(c, k -> new ArrayList<>()).add(v);
            pieces.put(piece, new PieceAnchor(c, v));
        });
        Map<String, float[]> composers = new TreeMap<>();
        byComposer.forEach((c, vs) -> composers.put(c, meanDirection(vs)));
        return new Anchors(composers, pieces);
    }

    /**
     * The normalised mean of unit vectors: the direction they share.
     *
     * @param vectors at least one, all of one length
     * @return a unit vector
     * @throws IllegalArgumentException when the list is empty, the lengths differ, a value is not finite or the vectors
     *                                  cancel out
     */
    public static float[] meanDirection(List<float[]> vectors) {
        if (vectors.isEmpty()) {
            throw new IllegalArgumentException("no embeddings: an anchor is the mean of at least one embedding");
        }
        int dim = vectors.get(0).length;
        if (dim == 0) {
            throw new IllegalArgumentException("empty embedding: an anchor needs at least one dimension");
        }
        double[] sum = new double[dim];
        for (int e = 0; e < vectors.size(); e++) {
            float[] v = vectors.get(e);
            if (v.length != dim) {
                throw new IllegalArgumentException("embedding " + e + " has " + v.length + " dimensions, expected "
                        + dim + ": every embedding and anchor must come from the same model");
            }
            for (int i = 0; i < dim; i++) {
                sum[i] += v[i];
            }
        }
        double norm = 0;
        for (double x : sum) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        if (!Double.isFinite(norm)) {
            throw new IllegalArgumentException("the embeddings are not finite: cannot make an anchor");
        }
        if (norm / vectors.size() < 1e-12) {
            throw new IllegalArgumentException("the mean of the " + vectors.size() + " embeddings is the zero"
                    + " vector: an anchor needs a direction (embeddings that cancel out, or all zero)");
        }
        float[] out = new float[dim];
        for (int i = 0; i < dim; i++) {
            out[i] = (float) (sum[i] / norm);
        }
        return out;
    }

    /** @return Euclidean distance of two vectors of one length */
    public static double distance(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vectors of lengths " + a.length + " and " + b.length);
        }
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return Math.sqrt(s);
    }

    /** @return every composer by increasing distance of its anchor to {@code embedding} (ties by name) */
    public List<Ranked> rank(float[] embedding) {
        List<Ranked> out = new ArrayList<>();
        composers.forEach((c, a) -> out.add(new Ranked(c, distance(embedding, a))));
        out.sort(Comparator.comparingDouble(Ranked::distance).thenComparing(Ranked::composer));
        return out;
    }

    /** @return the embedding size */
    public int dimensions() {
        return composers.values().iterator().next().length;
    }

    /** @return these anchors with {@code composer}'s anchor added or replaced (its pieces are not stored) */
    public Anchors withComposer(String composer, float[] anchor) {
        Map<String, float[]> c = new LinkedHashMap<>(composers);
        c.put(composer, anchor.clone());
        return new Anchors(c, pieces);
    }

    /** Writes {@code dir/}{@value #FILE}. */
    public void save(Path dir) {
        ModelJson.write(dir.resolve(FILE), this);
    }

    /** Reads {@code dir/}{@value #FILE}. */
    public static Anchors load(Path dir) {
        return ModelJson.read(dir.resolve(FILE), Anchors.class);
    }

    private static void checkLength(String name, float[] v, int dim) {
        if (v.length != dim) {
            throw new IllegalArgumentException("anchor of " + name + " has " + v.length + " dimensions, expected "
                    + dim);
        }
    }
}
