package org.cadenza.model.generation;

/**
 * How the next token is drawn from the model's distribution. Defaults are those of {@link #defaults()}.
 *
 * @param temperature logits are divided by it before the softmax: below 1 sharper (safer, more repetitive), above 1
 *                    flatter (more surprising); must be &gt; 0; default 1.0
 * @param topK        keep only the {@code topK} most probable tokens (0 = all); default 0
 * @param topP        nucleus sampling: keep the smallest set of most probable tokens whose probability reaches
 *                    {@code topP}, in (0, 1] (1 = all); default 0.95
 * @param seed        the random seed: the same model, settings, seed and primer give the same music; default 42
 * @param grammar     forbid tokens that would break the event grammar (a DURATION only right after a NOTE, a NOTE
 *                    right after a VELOCITY); default true
 */
public record SamplingSettings(double temperature, int topK, double topP, long seed, boolean grammar) {

    public SamplingSettings {
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be > 0 and finite, got " + temperature);
        }
        if (topK < 0) {
            throw new IllegalArgumentException("top-k must be >= 0 (0 = off), got " + topK);
        }
        if (!(topP > 0 && topP <= 1)) {
            throw new IllegalArgumentException("top-p must be in (0, 1], got " + topP);
        }
    }

    /** The defaults listed above. */
    public static SamplingSettings defaults() {
        return new SamplingSettings(1.0, 0, 0.95, 42, true);
    }

    /** @return a copy with another seed */
    public SamplingSettings withSeed(long s) {
        return new SamplingSettings(temperature, topK, topP, s, grammar);
    }
}
