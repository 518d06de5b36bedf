package org.cadenza.model.pipeline;

import org.cadenza.corpus.WindowRecipe;
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
 * How music becomes model input: the {@link WindowRecipe} (rendering, features and windows, which the corpus layer
 * uses to make the training windows) and how many consecutive windows form one input. Stored beside a trained model
 * ({@value #FILE}) so that {@code predict} makes its input exactly as training did; the bundle's
 * {@link InputContract} then verifies it.
 *
 * <p>Only the settings the command line exposes are stored; everything else keeps its documented default, and any
 * difference on the predicting machine (e.g. another soundfont file) is caught by the contract's key comparison.
 *
 * <p>The sample rate is the render rate: make the recipe with
 * {@link WindowRecipe#of(RenderSettings, FeatureParams.Builder, WindowSpec)}; feature parameters at another rate are
 * refused.
 *
 * @param recipe how the windows are made (render settings, feature parameters at the render rate, window spec)
 * @param stack  consecutive windows of a file stacked as the input's channels (seed 002; see {@link WindowStacking}),
 *               &ge; 1; default 1 (one window per input)
 */
public record PipelineSettings(WindowRecipe recipe, int stack) {

    /** File name inside a run folder. */
    public static final String FILE = "pipeline.json";

    public PipelineSettings {
        Objects.requireNonNull(recipe, "recipe");
        if (stack < 1) {
            throw new IllegalArgumentException("stack must be >= 1 windows, got " + stack);
        }
    }

    /** One window per input ({@code stack = 1}). */
    public PipelineSettings(WindowRecipe recipe) {
        this(recipe, 1);
    }

    /**
     * Settings from the three parts of a recipe.
     *
     * @throws IllegalArgumentException when {@code features} is not at the render rate
     */
    public PipelineSettings(RenderSettings render, FeatureParams features, WindowSpec window, int stack) {
        this(new WindowRecipe(render, features, window), stack);
    }

    /** One window per input ({@code stack = 1}); see {@link #PipelineSettings(RenderSettings, FeatureParams, WindowSpec, int)}. */
    public PipelineSettings(RenderSettings render, FeatureParams features, WindowSpec window) {
        this(render, features, window, 1);
    }

    /** Rendering of MIDI (its sample rate is the analysis rate): {@code recipe().render()}. */
    public RenderSettings render() {
        return recipe.render();
    }

    /** The features (sample rate = render rate): {@code recipe().features()}. */
    public FeatureParams features() {
        return recipe.features();
    }

    /** The windows cut from each file: {@code recipe().window()}. */
    public WindowSpec window() {
        return recipe.window();
    }

    /** The same settings with {@code stack} consecutive windows per input. */
    public PipelineSettings withStack(int stack) {
        return new PipelineSettings(recipe, stack);
    }

    /** The contract a model trained on these settings records. */
    public InputContract inputContract() {
        return new InputContract(features().key(), window().toString(), render().key());
    }

    /** The JSON form (plain fields; {@code stack} is absent, i.e. null, in runs made before it existed). */
    public record Stored(String soundfont, String program, int sampleRate, boolean startAtFirstNote, Double excerptSeconds,
                  String featureKind, int mels, double windowSeconds, double hopSeconds, Integer stack) {
    }

    /** Writes {@value #FILE} into {@code dir}. */
    public void save(Path dir) {
        RenderSettings render = render();
        String program = render.program() instanceof ProgramPolicy.Fixed f ? Integer.toString(f.program()) : "original";
        ModelJson.write(dir.resolve(FILE), new Stored(render.soundfont().map(Path::toString).orElse(null), program,
                render.sampleRate(), render.startAtFirstNote(),
                render.excerptSeconds().isPresent() ? render.excerptSeconds().getAsDouble() : null,
                features().kind().name(), features().nMels(), window().windowSeconds(), window().hopSeconds(), stack));
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
        WindowRecipe recipe = WindowRecipe.of(r.build(),
                FeatureParams.builder().optKind(FeatureKind.valueOf(s.featureKind())).optNMels(s.mels()),
                new WindowSpec(s.windowSeconds(), s.hopSeconds()));
        return new PipelineSettings(recipe, s.stack() == null ? 1 : s.stack());
    }
}
