package org.cadenza.model.pipeline;

import org.cadenza.features.FeatureKind;
import org.cadenza.features.FeatureParams;
import org.cadenza.features.WindowSpec;
import org.cadenza.model.ModelJson;
import org.cadenza.model.bundle.InputContract;
import org.cadenza.render.ProgramPolicy;
import org.cadenza.render.RenderSettings;

import java.nio.file.Path;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * How music becomes model input: rendering, features and windows. Stored beside a trained model
 * ({@value #FILE}) so that {@code predict} makes its input exactly as training did; the bundle's
 * {@link InputContract} then verifies it.
 *
 * <p>Only the settings the command line exposes are stored; everything else keeps its documented default, and any
 * difference on the predicting machine (e.g. another soundfont file) is caught by the contract's key comparison.
 *
 * @param render   rendering of MIDI (its sample rate is the analysis rate)
 * @param features the features (sample rate = render rate)
 * @param window   the windows cut from each file
 * @param stack    consecutive windows of a file stacked as the input's channels (seed 002; see {@link WindowStacking}),
 *                 &ge; 1; default 1 (one window per input)
 */
public record PipelineSettings(RenderSettings render, FeatureParams features, WindowSpec window, int stack) {

    /** File name inside a run folder. */
    public static final String FILE = "pipeline.json";

    public PipelineSettings {
        Objects.requireNonNull(render, "render");
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(window, "window");
        if (stack < 1) {
            throw new IllegalArgumentException("stack must be >= 1 windows, got " + stack);
        }
        if (features.sampleRate() != render.sampleRate()) {
            throw new IllegalArgumentException("feature sample rate " + features.sampleRate()
                    + " Hz differs from the render rate " + render.sampleRate() + " Hz");
        }
    }

    /** One window per input ({@code stack = 1}). */
    public PipelineSettings(RenderSettings render, FeatureParams features, WindowSpec window) {
        this(render, features, window, 1);
    }

    /** The same settings with {@code stack} consecutive windows per input. */
    public PipelineSettings withStack(int stack) {
        return new PipelineSettings(render, features, window, stack);
    }

    /** The contract a model trained on these settings records. */
    public InputContract inputContract() {
        return new InputContract(features.key(), window.toString(), render.key());
    }

    /** The JSON form (plain fields; {@code stack} is absent, i.e. null, in runs made before it existed). */
    public record Stored(String soundfont, String program, int sampleRate, boolean startAtFirstNote, Double excerptSeconds,
                  String featureKind, int mels, double windowSeconds, double hopSeconds, Integer stack) {
    }

    /** Writes {@value #FILE} into {@code dir}. */
    public void save(Path dir) {
        String program = render.program() instanceof ProgramPolicy.Fixed f ? Integer.toString(f.program()) : "original";
        ModelJson.write(dir.resolve(FILE), new Stored(render.soundfont().map(Path::toString).orElse(null), program,
                render.sampleRate(), render.startAtFirstNote(),
                render.excerptSeconds().isPresent() ? render.excerptSeconds().getAsDouble() : null,
                features.kind().name(), features.nMels(), window.windowSeconds(), window.hopSeconds(), stack));
    }

    /** Reads {@value #FILE} from {@code dir}. */
    public static PipelineSettings load(Path dir) {
        Stored s = ModelJson.read(dir.resolve(FILE), Stored.class);
        RenderSettings.Builder r = RenderSettings.builder()
                .optProgram(ProgramPolicy.parse(s.program()))
                .optSampleRate(s.sampleRate())
                .optStartAtFirstNote(s.startAtFirstNote())
                .optExcerptSeconds(s.excerptSeconds() == null ? OptionalDouble.empty() : OptionalDouble.of(s.excerptSeconds()));
        if (s.soundfont() != null) {
            r.optSoundfont(Path.of(s.soundfont()));
        }
        FeatureParams f = FeatureParams.builder().optKind(FeatureKind.valueOf(s.featureKind()))
                .optSampleRate(s.sampleRate()).optNMels(s.mels()).build();
        return new PipelineSettings(r.build(), f, new WindowSpec(s.windowSeconds(), s.hopSeconds()),
                s.stack() == null ? 1 : s.stack());
    }
}
