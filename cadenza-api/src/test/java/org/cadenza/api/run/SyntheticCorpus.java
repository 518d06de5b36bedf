package org.cadenza.api.run;

import org.cadenza.corpus.ProgressListener;
import org.cadenza.corpus.Workspace;
import org.cadenza.corpus.dataset.DatasetSpec;
import org.cadenza.corpus.ingest.IngestOptions;
import org.cadenza.corpus.ingest.IngestReport;
import org.cadenza.corpus.ingest.Ingestor;
import org.cadenza.corpus.jobs.FeatureJob;
import org.cadenza.corpus.jobs.JobReport;
import org.cadenza.corpus.jobs.RenderJob;
import org.cadenza.features.FeatureKind;
import org.cadenza.features.FeatureParams;
import org.cadenza.features.WindowSpec;
import org.cadenza.io.midi.TestMidi;
import org.cadenza.model.Architecture;
import org.cadenza.model.pipeline.PipelineSettings;
import org.cadenza.model.train.TrainingConfig;
import org.cadenza.model.train.TrainingListener;
import org.cadenza.render.RenderSettings;
import org.cadenza.render.Soundbanks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Tiny separable corpora for the run tests: "composers" that differ clearly (basso plays low notes on a bass,
 * soprano high notes on a flute, alto middle notes on a clarinet), written with javax.sound.midi, catalogued from a
 * labels CSV, rendered with the small GM bank and featurised with 40 mel bands; windows of 2 s every 0.5 s.
 */
final class SyntheticCorpus {

    static final PipelineSettings PIPELINE;

    static {
        RenderSettings render = RenderSettings.builder().optSoundfont(Soundbanks.installed(Soundbanks.TIMGM6MB))
                .build();
        PIPELINE = new PipelineSettings(render, FeatureParams.builder().optKind(FeatureKind.LOGMEL)
                .optSampleRate(render.sampleRate()).optNMels(40).build(), WindowSpec.parse("2s/500ms"));
    }

    /** Pitch and GM program of each composer. */
    static int[] voice(String composer) {
        return switch (composer) {
            case "basso" -> new int[] {36, 32};
            case "soprano" -> new int[] {72, 73};
            case "alto" -> new int[] {55, 71};
            default -> throw new IllegalArgumentException(composer);
        };
    }

    private SyntheticCorpus() {
    }

    /**
     * A melody for {@code composer}, the {@code k}-th of its pieces (a little higher each): {@code notes} quarter
     * notes at 120 BPM (0.5 s each), {@link TestMidi#melody}.
     */
    static void piece(Path file, String composer, int k, int notes) throws IOException {
        int[] v = voice(composer);
        TestMidi.melody(file, v[0] + k, notes, v[1]);
    }

    /** Ingests {@code labelsCsv} into a new workspace at {@code wsDir}; returns it open. */
    static Workspace ingest(Path labelsCsv, Path wsDir, int expected) {
        Workspace ws = Workspace.open(wsDir);
        IngestReport in = new Ingestor().ingest(ws, labelsCsv, IngestOptions.DEFAULTS, ProgressListener.NONE);
        assertEquals(expected, in.ingested(), in.toText());
        return ws;
    }

    /** Renders and featurises every file of {@code ws} with {@link #PIPELINE}. */
    static void renderAndFeaturise(Workspace ws, int expected) {
        JobReport r = new RenderJob().run(ws, PIPELINE.render(), 2, ProgressListener.NONE);
        assertEquals(expected, r.done(), r.problems().toString());
        JobReport f = new FeatureJob().run(ws, PIPELINE.features(), PIPELINE.render(), 2, ProgressListener.NONE);
        assertEquals(expected, f.done(), f.problems().toString());
    }

    /** Trains the small CNN on {@code ws} (default dataset, {@link #PIPELINE}) for {@code epochs} epochs into run. */
    static void trainSmall(Workspace ws, int epochs, Path run) {
        TrainingRun.train(ws, PIPELINE, DatasetSpec.DEFAULTS, TrainingConfig.builder()
                .optArchitecture(Architecture.SMALL).optEpochs(epochs).build(), run, TrainingListener.NONE);
    }

    /**
     * The training corpus {@code dsA}: 6 pieces of basso and 6 of soprano, one file each ({@code dsA/basso/p0.mid},
     * ...), 16 notes (8 s) each; catalogued from {@code dsA/labels.csv} into {@code wsDir}, rendered, featurised.
     */
    static Workspace trainingCorpus(Path root, Path wsDir) throws IOException {
        return trainingCorpus(root, wsDir, "basso", "soprano");
    }

    /**
     * The same corpus with the basso voice labelled {@code low} and the soprano voice {@code high} (e.g. real
     * composer names, for the period target), catalogued from {@code root/dsA-<low>-<high>/labels.csv}.
     */
    static Workspace trainingCorpus(Path root, Path wsDir, String low, String high) throws IOException {
        boolean plain = low.equals("basso") && high.equals("soprano");
        Path ds = root.resolve(plain ? "dsA" : "dsA-" + low + "-" + high);
        StringBuilder csv = new StringBuilder("path,composer,piece_id\n");
        for (String v : new String[] {"basso", "soprano"}) {
            String c = v.equals("basso") ? low : high;
            for (int k = 0; k < 6; k++) {
                String path = c + "/p" + k + ".mid";
                piece(ds.resolve(path), v, k, 16);
                csv.append(path).append(',').append(c).append(',').append(c).append("/p").append(k).append('\n');
            }
        }
        Files.writeString(ds.resolve("labels.csv"), csv);
        Workspace ws = ingest(ds.resolve("labels.csv"), wsDir, 12);
        renderAndFeaturise(ws, 12);
        return ws;
    }
}
