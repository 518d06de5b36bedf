package org.cadenza.model.multitask;

import org.cadenza.model.run.RunManifest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.cadenza.corpus.MusicLoader;
import org.cadenza.features.FeatureExtractor;
import org.cadenza.io.CadenzaException;
import org.cadenza.model.pipeline.AbstractFilePredictor;
import org.cadenza.model.pipeline.FilePrediction;
import org.cadenza.model.pipeline.PipelineSettings;
import org.cadenza.render.MidiRenderer;

/**
 * Predicts with an instrument run ({@link InstrumentTraining}): the file (MIDI rendered with the run's settings, or a
 * recording decoded and resampled) is cut into the run's windows, and the result holds the composer ranking (when the
 * model has the composer head) and every family's probability with its verdict at the thresholds tuned on
 * validation ({@link InstrumentThresholds}; 0.5 when the run has none).
 */
public final class InstrumentPredictor extends AbstractFilePredictor {

    private final MultiTaskModel model;
    private final PipelineSettings pipeline;
    private final InstrumentThresholds thresholds;
    private final MusicLoader loader;
    private final FeatureExtractor extractor;

    private InstrumentPredictor(MultiTaskModel model, PipelineSettings pipeline, InstrumentThresholds thresholds) {
        super(model.contract().classes());
        this.model = model;
        this.pipeline = pipeline;
        this.thresholds = thresholds;
        this.loader = new MusicLoader(new MidiRenderer(pipeline.render()));
        this.extractor = new FeatureExtractor(pipeline.features());
    }

    /** Opens an instrument run folder. */
    public static InstrumentPredictor open(Path runDir) {
        if (!InstrumentTraining.isRun(runDir)) {
            throw new CadenzaException(runDir + ": not an instrument run (its run manifest has no \"" + RunManifest.Section.INSTRUMENTS
                    + "\" section)");
        }
        PipelineSettings pipeline = PipelineSettings.load(runDir);
        MultiTaskModel model = MultiTaskModel.open(runDir.resolve("model"));
        List<String> families = model.contract().labels();
        InstrumentThresholds t = InstrumentThresholds.load(runDir).orElseGet(() -> {
            double[] half = new double[families.size()];
            java.util.Arrays.fill(half, 0.5);
            return new InstrumentThresholds(families, half, half);
        });
        return new InstrumentPredictor(model, pipeline, t);
    }

    @Override
    protected FilePrediction.Result predict(Path file, long startNanos) {
        FilePrediction.AudioWindows aw = FilePrediction.audioWindows(file, loader, extractor, pipeline.window());
        List<float[]> inputs = aw.windows();
        double[] starts = aw.startSeconds();
        MultiTaskModel.Output out = model.predict(inputs);
        List<String> families = model.contract().labels();
        List<FilePrediction.InstrumentProbability> inst = new ArrayList<>();
        for (int f = 0; f < families.size(); f++) {
            double max = 0;
            int above = 0;
            for (float[] w : out.instruments()) {
                max = Math.max(max, w[f]);
                above += w[f] >= thresholds.window()[f] ? 1 : 0;
            }
            inst.add(new FilePrediction.InstrumentProbability(families.get(f), max, thresholds.piece()[f],
                    max >= thresholds.piece()[f], above / (double) inputs.size()));
        }
        inst.sort(Comparator.comparingDouble(FilePrediction.InstrumentProbability::probability).reversed());
        FilePrediction.Result composers = out.composers().isPresent()
                ? FilePrediction.result(file, classes(), starts, out.composers().get(), startNanos)
                : new FilePrediction.Result(file, List.of(), List.of(), 0);
        return new FilePrediction.Result(file, composers.ranking(), composers.windows(),
                (System.nanoTime() - startNanos) / 1e9, inst);
    }

    @Override
    public void close() {
        model.close();
    }
}
