package org.cadenza.api.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.cadenza.corpus.ProgressListener;
import org.cadenza.corpus.Workspace;
import org.cadenza.corpus.dataset.DatasetSpec;
import org.cadenza.corpus.jobs.FeatureJob;
import org.cadenza.corpus.jobs.JobReport;
import org.cadenza.corpus.jobs.RenderJob;
import org.cadenza.features.FeatureKind;
import org.cadenza.features.FeatureParams;
import org.cadenza.features.WindowSpec;
import org.cadenza.model.Architecture;
import org.cadenza.model.ModelJson;
import org.cadenza.model.run.RunManifest;
import org.cadenza.model.bundle.Classifier;
import org.cadenza.model.bundle.ModelBundle;
import org.cadenza.model.bundle.SoundbankUnavailableException;
import org.cadenza.model.pipeline.FilePrediction;
import org.cadenza.model.pipeline.PipelineSettings;
import org.cadenza.model.pipeline.WorkspaceTraining;
import org.cadenza.model.train.TrainingConfig;
import org.cadenza.model.train.TrainingListener;
import org.cadenza.render.MidiRenderer;
import org.cadenza.render.RenderSettings;
import org.cadenza.render.Soundbanks;
import org.cadenza.render.UsedSoundbank;
import org.cadenza.corpus.WindowRecipe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A run records the soundbank its training audio was really rendered with: rendered with the default when no
 * soundfont is installed (the JDK's bank), trained after a soundfont "appeared", the run names the JDK's bank and
 * predict renders with it; a recorded soundfont that is missing or has other content is refused by name.
 */
class SoundbankRecordTest {

    private static final Path SMALL = Soundbanks.TIMGM6MB;

    @AfterEach
    void defaultSearchBack() {
        System.clearProperty(Soundbanks.SEARCH_PATH_PROPERTY);
    }

    private static PipelineSettings defaults() {
        RenderSettings render = RenderSettings.DEFAULTS;
        return new PipelineSettings(WindowRecipe.of(render,
                FeatureParams.builder().optKind(FeatureKind.LOGMEL).optNMels(40), WindowSpec.parse("2s/500ms")));
    }

    @Test
    void aSoundfontInstalledBetweenRenderAndTrainDoesNotChangeWhatTheRunRecords(@TempDir Path tmp) throws Exception {
        assumeTrue(Files.isRegularFile(SMALL), "needs a soundfont to install later (timgm6mb-soundfont)");
        Path late = tmp.resolve("sf2/Late.sf2");
        System.setProperty(Soundbanks.SEARCH_PATH_PROPERTY, late.toString());
        assertEquals(Optional.empty(), Soundbanks.defaultSoundfont(), "nothing installed yet: the JDK's bank");
        PipelineSettings pipeline = defaults();

        Path ds = tmp.resolve("dsA");
        StringBuilder csv = new StringBuilder("path,composer,piece_id\n");
        for (String v : new String[] {"basso", "soprano"}) {
            for (int k = 0; k < 6; k++) {
                String path = v + "/p" + k + ".mid";
                SyntheticCorpus.piece(ds.resolve(path), v, k, 16);
                csv.append(path).append(',').append(v).append(',').append(v).append("/p").append(k).append('\n');
            }
        }
        Files.writeString(ds.resolve("labels.csv"), csv);
        try (Workspace ws = SyntheticCorpus.ingest(ds.resolve("labels.csv"), tmp.resolve("ws"), 12)) {
            JobReport r = new RenderJob().run(ws, pipeline.render(), 2, ProgressListener.NONE);
            assertEquals(12, r.done(), r.problems().toString());
            JobReport f = new FeatureJob().run(ws, pipeline.features(), pipeline.render(), 2, ProgressListener.NONE);
            assertEquals(12, f.done(), f.problems().toString());
            String renderedKey = pipeline.render().key();
            assertTrue(renderedKey.contains("soundfont=" + Soundbanks.JDK_EMERGENCY), renderedKey);

            // the soundfont appears between render and train
            Files.createDirectories(late.getParent());
            Files.copy(SMALL, late);
            assertEquals(Optional.of(late), Soundbanks.defaultSoundfont());
            assertFalse(pipeline.render().key().equals(renderedKey), "the default now resolves to the new file");

            Path run = tmp.resolve("run");
            TrainingConfig config = TrainingConfig.builder().optArchitecture(Architecture.SMALL).optEpochs(1)
                    .optSeed(7).build();
            WorkspaceTraining.Result trained = TrainingRun.train(ws, pipeline, DatasetSpec.builder().optSeed(100)
                    .build(), config, run, TrainingListener.NONE);
            assertTrue(trained.data().train().size() > 0, "trained on the audio rendered before");

            // the run records the bank the audio was made with, and predict renders with it
            PipelineSettings stored = PipelineSettings.load(run);
            assertEquals(Optional.of(UsedSoundbank.jdk()), stored.soundbank());
            assertEquals(renderedKey, stored.render().key(), "the run's render key is the training audio's");
            ModelBundle bundle = ModelBundle.load(run.resolve(WorkspaceTraining.MODEL_DIR));
            assertEquals(renderedKey, bundle.contract().input().renderKey());
            try (MidiRenderer renderer = new MidiRenderer(stored.render())) {
                assertEquals(Soundbanks.JDK_EMERGENCY, renderer.soundbank().identity(),
                        "predict renders with the JDK's bank although " + late + " is the default now");
            }
            try (Classifier classifier = Classifier.open(bundle);
                 FilePrediction prediction = new FilePrediction(classifier, stored)) {
                FilePrediction.Result result = prediction.predict(ds.resolve("basso/p0.mid"));
                assertEquals(2, result.ranking().size());
            }

            // a run trained with a soundfont file records its path and hash; predict refuses where it is gone
            PipelineSettings withFile = new PipelineSettings(stored.recipe().withRender(
                    stored.render().toBuilder().optSoundfont(late).build()), 1,
                    Optional.of(UsedSoundbank.of(Optional.of(late))));
            withFile.requireSoundbankHere();
            Path copy = tmp.resolve("copy");
            Files.createDirectories(copy);
            withFile.save(copy);
            PipelineSettings reloaded = PipelineSettings.load(copy);
            assertEquals(withFile.soundbank(), reloaded.soundbank());
            assertEquals(64, reloaded.soundbank().orElseThrow().sha256().orElseThrow().length());

            Files.write(late, new byte[] {1, 2, 3}, java.nio.file.StandardOpenOption.APPEND);
            SoundbankUnavailableException changed = assertThrows(SoundbankUnavailableException.class,
                    reloaded::requireSoundbankHere);
            assertTrue(changed.getMessage().contains("trained on audio rendered with Late.sf2 (" + late + ", sha256 "
                    + withFile.soundbank().get().sha256().get() + ")"), changed.getMessage());
            assertTrue(changed.getMessage().contains("other content"), changed.getMessage());

            Files.delete(late);
            try (Classifier classifier = Classifier.open(bundle)) {
                SoundbankUnavailableException gone = assertThrows(SoundbankUnavailableException.class,
                        () -> new FilePrediction(classifier, reloaded).close());
                assertTrue(gone.getMessage().contains("Late.sf2 is not available here"), gone.getMessage());
                assertTrue(gone.getMessage().contains("does not exist"), gone.getMessage());
                assertTrue(gone.getMessage().contains("install it at " + late), gone.getMessage());
            }

            // a run made before the bank (and the run manifest) was recorded still predicts (bank unknown, a warning)
            ObjectNode json = (ObjectNode) ModelJson.mapper().readTree(run.resolve(RunManifest.FILE).toFile())
                    .get(RunManifest.Section.PIPELINE.key());
            json.remove("soundbankBuiltIn");
            json.remove("soundbankFile");
            json.remove("soundbankSha256");
            json.putNull("soundfont");
            Path oldRun = Files.createDirectories(run.resolveSibling("old-run"));
            Files.writeString(oldRun.resolve("pipeline.json"), json.toPrettyString());
            PipelineSettings old = PipelineSettings.load(oldRun);
            assertEquals(Optional.empty(), old.soundbank());
            try (Classifier classifier = Classifier.open(bundle);
                 FilePrediction prediction = new FilePrediction(classifier, old)) {
                assertEquals(2, prediction.predict(ds.resolve("soprano/p0.mid")).ranking().size());
            }
        }
    }
}
