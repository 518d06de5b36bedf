package org.cadenza.model.generation;

import java.util.List;
import java.util.Random;

import org.cadenza.features.tokens.Vocabulary;

/**
 * Cuts language-model inputs and targets from pieces: a crop at offset {@code o} of a piece with body {@code b} is the
 * input {@code [condition, b[o], ..., b[o+T-2]]} and the target {@code [b[o], ..., b[o+T-1]]}, so every input starts
 * with the conditioning token and the model never sees more than {@code T} tokens of context. Positions past the end
 * of the body are {@code PAD} in the input and not scored in the target.
 */
public final class Crops {

    private Crops() {
    }

    /**
     * A batch of crops, flat, row-major {@code (rows, T)}.
     *
     * @param inputs  input token ids
     * @param conditions each crop's conditioning token, {@code (rows, 1)}
     * @param targets target token ids ({@code PAD} where not scored)
     * @param weights 1 where a target is scored, else 0
     * @param rows    crops in the batch
     * @param length  T
     */
    public record Batch(float[] inputs, float[] conditions, int[] targets, float[] weights, int rows, int length) {

        /** Scored targets in the batch. */
        public int scored() {
            int n = 0;
            for (float w : weights) {
                n += w > 0 ? 1 : 0;
            }
            return n;
        }
    }

    /**
     * Writes the crop of {@code piece} at {@code offset} into row {@code row} of the arrays, scoring the targets from
     * position {@code scoreFrom} on.
     */
    static void fill(TokenPiece piece, int offset, int length, int scoreFrom, float[] inputs, float[] conditions,
                     int[] targets, float[] weights, int row) {
        int[] b = piece.body();
        int base = row * length;
        inputs[base] = piece.condition();
        conditions[row] = piece.condition();
        for (int j = 0; j < length; j++) {
            int t = offset + j;
            if (j > 0) {
                inputs[base + j] = t - 1 < b.length ? b[t - 1] : Vocabulary.PAD;
            }
            boolean inside = t < b.length;
            targets[base + j] = inside ? b[t] : Vocabulary.PAD;
            weights[base + j] = inside && j >= scoreFrom ? 1f : 0f;
        }
    }

    /**
     * Random training crops: a piece drawn with probability proportional to its weight ({@link #cumulativeWeights}),
     * then an offset uniform over the positions that leave a full crop (0 when the piece is shorter than
     * {@code length}).
     *
     * @param cumulative cumulative piece weights, from {@link #cumulativeWeights}
     */
    public static Batch random(List<TokenPiece> pieces, double[] cumulative, int rows, int length, Random rng) {
        float[] in = new float[rows * length];
        float[] cond = new float[rows];
        int[] tg = new int[rows * length];
        float[] w = new float[rows * length];
        double total = cumulative[cumulative.length - 1];
        for (int r = 0; r < rows; r++) {
            double x = rng.nextDouble() * total;
            int p = java.util.Arrays.binarySearch(cumulative, x);
            p = p >= 0 ? p + 1 : -p - 1; // the first piece whose cumulative weight exceeds x
            TokenPiece piece = pieces.get(Math.min(p, pieces.size() - 1));
            int maxOffset = Math.max(0, piece.length() - length);
            fill(piece, rng.nextInt(maxOffset + 1), length, 0, in, cond, tg, w, r);
        }
        return new Batch(in, cond, tg, w, rows, length);
    }

    /** Cumulative lengths of the pieces' bodies. */
    public static long[] cumulativeLengths(List<TokenPiece> pieces) {
        if (pieces.isEmpty()) {
            throw new IllegalArgumentException("no pieces to cut crops from");
        }
        long[] c = new long[pieces.size()];
        long sum = 0;
        for (int i = 0; i < pieces.size(); i++) {
            sum += pieces.get(i).length();
            c[i] = sum;
        }
        return c;
    }

    /**
     * Cumulative draw weights of the pieces: their lengths, or with {@code balanceComposers} their lengths divided by
     * their composer's total, so that every composer is drawn equally often and, within a composer, pieces in
     * proportion to their length.
     */
    public static double[] cumulativeWeights(List<TokenPiece> pieces, boolean balanceComposers) {
        long[] lengths = cumulativeLengths(pieces);
        java.util.Map<String, Long> perComposer = new java.util.HashMap<>();
        for (TokenPiece p : pieces) {
            perComposer.merge(p.composer(), (long) p.length(), Long::sum);
        }
        double[] c = new double[pieces.size()];
        double sum = 0;
        for (int i = 0; i < pieces.size(); i++) {
            TokenPiece p = pieces.get(i);
            sum = balanceComposers ? sum + p.length() / (double) perComposer.get(p.composer()) : lengths[i];
            c[i] = sum;
        }
        return c;
    }

    /**
     * One window of the strided evaluation: a crop and the position its scored targets start at.
     *
     * @param piece     index of the piece
     * @param offset    crop offset in the body
     * @param scoreFrom first scored position within the crop
     */
    public record Window(int piece, int offset, int scoreFrom) {
    }

    /**
     * The strided windows that score every token of every piece exactly once: offsets {@code 0, S, 2S, ...} with
     * {@code S = length / 2}; the first window scores all its targets, later ones their last {@code S}, so every token
     * after the first {@code length} is predicted from at least {@code length - S} tokens of context.
     */
    public static List<Window> evaluationWindows(List<TokenPiece> pieces, int length) {
        int stride = length / 2;
        List<Window> out = new java.util.ArrayList<>();
        for (int p = 0; p < pieces.size(); p++) {
            int n = pieces.get(p).length();
            out.add(new Window(p, 0, 0));
            for (int o = stride; o + length - stride < n; o += stride) {
                out.add(new Window(p, o, length - stride));
            }
        }
        return out;
    }

    /** The batch of {@code windows[from, to)}. */
    public static Batch of(List<TokenPiece> pieces, List<Window> windows, int from, int to, int length) {
        int rows = to - from;
        float[] in = new float[rows * length];
        float[] cond = new float[rows];
        int[] tg = new int[rows * length];
        float[] w = new float[rows * length];
        for (int r = 0; r < rows; r++) {
            Window win = windows.get(from + r);
            fill(pieces.get(win.piece()), win.offset(), length, win.scoreFrom(), in, cond, tg, w, r);
        }
        return new Batch(in, cond, tg, w, rows, length);
    }
}
