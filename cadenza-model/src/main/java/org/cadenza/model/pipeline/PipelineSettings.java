package org.cadenza.model.pipeline;

import org.cadenza.corpus.WindowRecipe;
import org.cadenza.corpus.Workspace;
import org.cadenza.corpus.jobs.RenderJob;
import org.cadenza.features.FeatureKind;
import org.cadenza.features.FeatureParams;
import org.cadenza.features.WindowSpec;
import org.cadenza.model.run.RunManifest;
import org.cadenza.model.bundle.InputContract;
import org.cadenza.model.bundle.SoundbankUnavailableException;
import org.cadenza.render.ProgramPolicy;
import org.cadenza.render.RenderSettings;
import org.cadenza.render.Soundbanks;
import org.cadenza.render.UsedSoundbank;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How music becomes model input: the {@link WindowRecipe} (rendering, features and windows, which the corpus layer
 * uses to make the training windows) and how many consecutive windows form one input. Stored beside a trained model
 * (section {@value #RunManifest.Section.PIPELINE} of its {@link RunManifest}) so that {@code predict} makes its input exactly as training did; the bundle's
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
 * <p><b>The soundbank is recorded as used.</b> A trained run's render settings name the soundbank its training audio
 * was really rendered with ({@link #asRenderedIn(Workspace)}: the render job's record in the workspace catalog, not
 * what the default soundfont resolves to at training time), by path and SHA-256, or the JDK's built-in bank; predict
 * renders with exactly that bank and refuses where it is missing or differs ({@link #requireSoundbankHere()}). Runs
 * made before this was recorded load with the bank unknown (a warning, once per process).
 *
 * @param recipe    how the windows are made (render settings, feature parameters at the render rate, window spec)
 * @param stack     consecutive windows of a file stacked as the input's channels (seed 002; see {@link WindowStacking}),
 *                  &ge; 1; default 1 (one window per input)
 * @param soundbank the soundbank the training audio was rendered with (then {@code recipe.render()} is pinned to
 *                  it); empty before training, and in runs made before Cadenza recorded it
 */
public record PipelineSettings(WindowRecipe recipe, int stack, Optional<UsedSoundbank> soundbank) {


    private static final Logger LOG = LoggerFactory.getLogger(PipelineSettings.class);
    private static final AtomicBoolean WARNED_UNKNOWN = new AtomicBoolean();

    public PipelineSettings {
        Objects.requireNonNull(recipe, "recipe");
        Objects.requireNonNull(soundbank, "soundbank");
        if (stack < 1) {
            throw new IllegalArgumentException("stack must be >= 1 windows, got " + stack);
        }
    }

    /** Settings whose soundbank is not recorded yet ({@link #asRenderedIn(Workspace)} records it). */
    public PipelineSettings(WindowRecipe recipe, int stack) {
        this(recipe, stack, Optional.empty());
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
        return new PipelineSettings(recipe, stack, soundbank);
    }

    /**
     * These settings as {@code ws}'s audio was really rendered with them ({@link RenderJob#renderedWith}): the render
     * settings pinned to the soundbank the render job recorded for them, and that bank. When the default soundfont
     * changed between {@code cadenza render} and now, this is the bank of the audio, not the new default.
     */
    public PipelineSettings asRenderedIn(Workspace ws) {
        RenderJob.RenderedWith r = RenderJob.renderedWith(ws, render());
        return new PipelineSettings(recipe.withRender(r.settings()), stack, r.soundbank());
    }

    /**
     * Refuses to render MIDI here with another soundbank than the training audio's: the recorded soundfont file is
     * missing, or its content (SHA-256) differs, or these settings resolve to another bank. Settings whose bank is not
     * recorded (runs made before it was) pass, with a warning once per process.
     *
     * @throws SoundbankUnavailableException naming the bank of the training audio and what is found here
     */
    public void requireSoundbankHere() {
        if (soundbank.isEmpty()) {
            if (WARNED_UNKNOWN.compareAndSet(false, true)) {
                LOG.warn("this run does not record which soundbank its training audio was rendered with (made before "
                        + "Cadenza recorded it); MIDI is rendered with {}: if predictions disagree with evaluate, "
                        + "train again", UsedSoundbank.of(render().soundfont()).describe());
            }
            return;
        }
        UsedSoundbank trained = soundbank.get();
        Optional<Path> here = Soundbanks.resolve(render().soundfont());
        String problem;
        if (trained.isJdk()) {
            problem = here.isEmpty() ? null : "these settings render with " + here.get() + " instead";
        } else if (here.isEmpty()) {
            problem = "these settings render with the JDK's built-in bank instead";
        } else if (here.get().equals(trained.file().get())) {
            problem = trained.unavailableReason().orElse(null);
        } else {
            UsedSoundbank other = new UsedSoundbank(here, Optional.empty());
            problem = other.unavailableReason().orElse(null);
            if (problem == null && trained.sha256().isPresent()) {
                String sha = UsedSoundbank.sha256(here.get());
                problem = sha.equals(trained.sha256().get()) ? null
                        : "these settings render with " + here.get() + " (sha256 " + sha + ")";
            }
        }
        if (problem != null) {
            String name = trained.file().map(f -> f.getFileName().toString()).orElse("the JDK's built-in bank");
            throw new SoundbankUnavailableException("this model was trained on audio rendered with "
                    + trained.describe() + "; " + name + " is not available here (" + problem + "): install it"
                    + trained.file().map(f -> " at " + f).orElse("")
                    + ", or train the model again with the soundfonts you have");
        }
    }

    /** The contract a model trained on these settings records. */
    public InputContract inputContract() {
        return new InputContract(features().key(), window().toString(), render().key());
    }

    /**
     * The JSON form (plain fields; {@code stack} is absent, i.e. null, in runs made before it existed). The soundbank
     * the training audio was rendered with is {@code soundbankBuiltIn} true (the JDK's bank) or
     * {@code soundbankFile} with {@code soundbankSha256}; all three absent (null) = not recorded (older runs).
     */
    public record Stored(String soundfont, String program, int sampleRate, boolean startAtFirstNote, Double excerptSeconds,
                  String featureKind, int mels, double windowSeconds, double hopSeconds, Integer stack,
                  Boolean soundbankBuiltIn, String soundbankFile, String soundbankSha256) {
    }

    /** Writes these settings into {@code dir}'s run manifest. */
    public void save(Path dir) {
        RenderSettings render = render();
        String program = render.program() instanceof ProgramPolicy.Fixed f ? Integer.toString(f.program()) : "original";
        RunManifest.put(dir, RunManifest.Section.PIPELINE, new Stored(render.soundfont().map(Path::toString).orElse(null), program,
                render.sampleRate(), render.startAtFirstNote(),
                render.excerptSeconds().isPresent() ? render.excerptSeconds().getAsDouble() : null,
                features().kind().name(), features().nMels(), window().windowSeconds(), window().hopSeconds(), stack,
                soundbank.map(UsedSoundbank::isJdk).orElse(null),
                soundbank.flatMap(UsedSoundbank::file).map(Path::toString).orElse(null),
                soundbank.flatMap(UsedSoundbank::sha256).orElse(null)));
    }

    /** Reads the settings from {@code dir}'s run manifest (or the pipeline.json of an older run). */
    public static PipelineSettings load(Path dir) {
        Stored s = RunManifest.require(dir, RunManifest.Section.PIPELINE, Stored.class);
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
        Optional<UsedSoundbank> bank = Boolean.TRUE.equals(s.soundbankBuiltIn()) ? Optional.of(UsedSoundbank.jdk())
                : s.soundbankFile() == null ? Optional.empty()
                : Optional.of(new UsedSoundbank(Optional.of(Path.of(s.soundbankFile())),
                        Optional.ofNullable(s.soundbankSha256())));
        return new PipelineSettings(recipe, s.stack() == null ? 1 : s.stack(), bank);
    }
}
