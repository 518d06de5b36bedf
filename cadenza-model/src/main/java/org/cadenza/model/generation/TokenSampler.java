package org.cadenza.model.generation;

import java.util.Arrays;
import java.util.Random;

import org.cadenza.features.tokens.Vocabulary;

/**
 * Draws tokens from logits with temperature, top-k, top-p and the event grammar; pure Java, deterministic for a
 * given seed. Never draws {@code PAD}, {@code BOS}, {@code EOS} or a {@code COMPOSER} token: a generated piece ends
 * when it reaches its length, not when the model says so.
 *
 * <p>Not thread-safe (it holds the random generator and the grammar state).
 */
public final class TokenSampler {

    private final Vocabulary vocab;
    private final SamplingSettings settings;
    private final Random rng;
    private final boolean[] never;
    private Vocabulary.Kind last;

    /**
     * @param vocab    the model's vocabulary
     * @param settings temperature, top-k, top-p, seed, grammar
     */
    public TokenSampler(Vocabulary vocab, SamplingSettings settings) {
        this.vocab = vocab;
        this.settings = settings;
        this.rng = new Random(settings.seed());
        never = new boolean[vocab.size()];
        for (int id = 0; id < vocab.size(); id++) {
            Vocabulary.Kind k = vocab.kind(id);
            never[id] = k == Vocabulary.Kind.PAD || k == Vocabulary.Kind.BOS || k == Vocabulary.Kind.EOS
                    || k == Vocabulary.Kind.COMPOSER;
        }
    }

    /** Tells the grammar which token came last (a primer's tokens, or the one just drawn). */
    public void observe(int token) {
        last = vocab.kind(token);
    }

    /** Whether the grammar (when on) allows {@code id} after the last observed token. */
    boolean allowed(int id) {
        if (never[id]) {
            return false;
        }
        if (!settings.grammar()) {
            return true;
        }
        Vocabulary.Kind k = vocab.kind(id);
        if (last == Vocabulary.Kind.NOTE) {
            return k == Vocabulary.Kind.DURATION;
        }
        if (last == Vocabulary.Kind.VELOCITY) {
            return k == Vocabulary.Kind.NOTE;
        }
        return k != Vocabulary.Kind.DURATION;
    }

    /**
     * The probabilities the settings draw from: softmax of {@code logits / temperature} over the allowed tokens,
     * truncated to the top k and to the nucleus of mass top p, renormalised.
     */
    public double[] distribution(float[] logits) {
        if (logits.length != vocab.size()) {
            throw new IllegalArgumentException("expected " + vocab.size() + " logits, got " + logits.length);
        }
        int n = logits.length;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            if (allowed(i)) {
                max = Math.max(max, logits[i] / settings.temperature());
            }
        }
        if (max == Double.NEGATIVE_INFINITY) {
            throw new IllegalStateException("no token is allowed after " + last);
        }
        double[] p = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            if (allowed(i)) {
                p[i] = Math.exp(logits[i] / settings.temperature() - max);
                sum += p[i];
            }
        }
        for (int i = 0; i < n; i++) {
            p[i] /= sum;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> p[b] != p[a] ? Double.compare(p[b], p[a]) : Integer.compare(a, b));
        int keep = settings.topK() > 0 ? Math.min(settings.topK(), n) : n;
        double mass = 0;
        int kept = 0;
        while (kept < keep && p[order[kept]] > 0) {
            mass += p[order[kept]];
            kept++;
            if (mass >= settings.topP()) {
                break;
            }
        }
        double[] out = new double[n];
        for (int r = 0; r < kept; r++) {
            out[order[r]] = p[order[r]] / mass;
        }
        return out;
    }

    /** Draws the next token from {@code logits} and observes it. */
    public int next(float[] logits) {
        double[] p = distribution(logits);
        double u = rng.nextDouble();
        double acc = 0;
        int pick = -1;
        for (int i = 0; i < p.length; i++) {
            if (p[i] > 0) {
                pick = i;
                acc += p[i];
                if (u < acc) {
                    break;
                }
            }
        }
        observe(pick);
        return pick;
    }
}
