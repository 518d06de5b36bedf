package org.cadenza.corpus;

import org.cadenza.features.FeatureParams;
import org.cadenza.features.WindowSpec;
import org.cadenza.io.Parameters;
import org.cadenza.render.RenderSettings;

import java.util.Objects;

/**
 * How a file's windows are made, in one record: the rendering (how MIDI becomes audio, and the rate and trim that
 * recordings are decoded to, {@link MusicLoader}), the features computed from that audio, and the fixed-length
 * windows cut from the features. Training (the feature job, {@code WindowIndex}, {@code DatasetBuilder}) and
 * prediction receive one recipe instead of three loose values, so they cannot cut different windows.
 *
 * <p><b>The sample rate lives in one place:</b> {@link RenderSettings#sampleRate()}. Make a recipe with
 * {@link #of(RenderSettings, FeatureParams.Builder, WindowSpec)}, which sets the features' rate from the render
 * settings (never copy it by hand); the canonical constructor refuses features at any other rate.
 *
 * <p>Window lengths and hops become frames with {@link FeatureParams#framesFor(double)}, the one seconds-to-frames
 * conversion ({@link #windowFrames()}, {@link #hopFrames()}).
 *
 * <p>Example: 128-band log-mel, 5-s windows every 2.5 s, at the default rendering (22,050 Hz):
 * <pre>{@code
 * WindowRecipe recipe = WindowRecipe.of(RenderSettings.DEFAULTS, FeatureParams.builder().optNMels(128),
 *         new WindowSpec(5.0, 2.5));
 * recipe.features().sampleRate();  // 22050, from the render settings
 * recipe.windowFrames();           // 215 frames of 512 samples
 * recipe.hopFrames();              // 108
 * }</pre>
 *
 * @param render   the rendering; its sample rate is the analysis rate of everything else
 * @param features the features, at {@code render.sampleRate()}
 * @param window   the windows cut from each file's features
 */
public record WindowRecipe(RenderSettings render, FeatureParams features, WindowSpec window) {

    public WindowRecipe {
        Parameters.nonNull("render, features, window", render, features, window);
        requireSameRate(features, render);
    }

    /**
     * A recipe whose features take their sample rate from {@code render}: {@code features} is built with
     * {@code optSampleRate(render.sampleRate())} (any rate set on it before is replaced).
     *
     * @param features every feature parameter but the rate (kind, mels, FFT size...); the builder is changed
     */
    public static WindowRecipe of(RenderSettings render, FeatureParams.Builder features, WindowSpec window) {
        return new WindowRecipe(render, featuresFor(render, features), window);
    }

    /**
     * Feature parameters at the rate of {@code render}, for work that needs features but no windows (the feature
     * job, pictures): {@code features.optSampleRate(render.sampleRate()).build()}.
     */
    public static FeatureParams featuresFor(RenderSettings render, FeatureParams.Builder features) {
        Objects.requireNonNull(render, "render");
        return Objects.requireNonNull(features, "features").optSampleRate(render.sampleRate()).build();
    }

    /**
     * Refuses feature parameters whose sample rate is not the render rate (the audio the features read is at the
     * render rate; nothing is resampled between the two).
     *
     * @throws IllegalArgumentException naming both rates and what to do
     */
    public static void requireSameRate(FeatureParams features, RenderSettings render) {
        if (features.sampleRate() != render.sampleRate()) {
            throw new IllegalArgumentException("feature sample rate " + features.sampleRate()
                    + " Hz differs from the render rate " + render.sampleRate() + " Hz: the features read the rendered"
                    + " audio as it is; take the rate from the render settings (WindowRecipe.of) rather than setting"
                    + " it on the feature parameters");
        }
    }

    /** The analysis sample rate, Hz: {@code render.sampleRate()}, which the features share. */
    public int sampleRate() {
        return render.sampleRate();
    }

    /** Frames per window: {@code features.framesFor(window.windowSeconds())} (215 for 5 s at the defaults). */
    public int windowFrames() {
        return features.framesFor(window.windowSeconds());
    }

    /** Frames between window starts: {@code features.framesFor(window.hopSeconds())}. */
    public int hopFrames() {
        return features.framesFor(window.hopSeconds());
    }

    /** The same features and windows from audio rendered with {@code other} (e.g. an augmented copy, same rate). */
    public WindowRecipe withRender(RenderSettings other) {
        return new WindowRecipe(other, features, window);
    }
}
