package org.cadenza.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.cadenza.corpus.MusicLoader;
import org.cadenza.corpus.dataset.WindowLoader;
import org.cadenza.features.FeatureExtractor;
import org.cadenza.features.FeatureParams;
import org.cadenza.features.FeatureWindow;
import org.cadenza.features.WindowSpec;
import org.cadenza.features.Windower;
import org.cadenza.model.Architecture;
import org.cadenza.model.InMemoryWindows;
import org.cadenza.model.bundle.ModelBundle;
import org.cadenza.model.pipeline.PipelineSettings;
import org.cadenza.model.pipeline.WorkspaceTraining;
import org.cadenza.model.train.ClassifierTraining;
import org.cadenza.model.train.TrainingConfig;
import org.cadenza.model.train.TrainingListener;
import org.cadenza.model.train.TrainingResult;
import org.cadenza.render.MidiRenderer;
import org.cadenza.render.RenderSettings;

/**
 * A run folder for the prediction benchmarks' tests ({@code model/} + the pipeline settings): a SMALL network trained
 * for one epoch on one MIDI file's own 2-s windows (default render and log-mel settings), labelled with two classes
 * in turn. Shared with cadenza-cli's tests through this module's test jar.
 *
 * @param dir     the run folder
 * @param windows how many windows the file gave (each one a training window)
 * @param mels    mel bands per window
 * @param frames  frames per window
 */
public record TinyRun(Path dir, int windows, int mels, int frames) {

    /**
     * Trains the run in {@code tmp/run} (the checkpoints in {@code tmp/training}).
     *
     * @param classes two class names; window {@code i} is labelled {@code classes[i % 2]}
     */
    public static TinyRun train(Path tmp, Path midi, List<String> classes) {
        RenderSettings render = RenderSettings.builder().build();
        PipelineSettings pipeline = new PipelineSettings(render,
                FeatureParams.builder().optSampleRate(render.sampleRate()).build(), new WindowSpec(2.0, 2.0));
        List<FeatureWindow> windows;
        try (MidiRenderer renderer = new MidiRenderer(render)) {
            windows = Windower.windows(new FeatureExtractor(pipeline.features())
                    .compute(new MusicLoader(renderer).load(midi)), pipeline.window());
        }
        int mels = windows.get(0).spectrogram().bins();
        int frames = windows.get(0).spectrogram().frames();
        List<float[]> data = new ArrayList<>();
        int[] labels = new int[windows.size()];
        for (int i = 0; i < windows.size(); i++) {
            data.add(WindowLoader.melMajor(windows.get(i).spectrogram(), 0, frames));
            labels[i] = i % 2;
        }
        InMemoryWindows train = new InMemoryWindows(classes, mels, frames, data, labels);
        TrainingResult trained = ClassifierTraining.train(train, train.subset(new int[] {0, 1}),
                TrainingConfig.builder().optArchitecture(Architecture.SMALL).optEpochs(1).build(),
                tmp.resolve("training"), TrainingListener.NONE);
        Path run = tmp.resolve("run");
        ModelBundle.create(run.resolve(WorkspaceTraining.MODEL_DIR), trained, pipeline.inputContract(), "test");
        pipeline.save(run);
        return new TinyRun(run, windows.size(), mels, frames);
    }
}
