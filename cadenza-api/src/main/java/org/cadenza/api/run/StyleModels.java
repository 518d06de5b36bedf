package org.cadenza.api.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.cadenza.corpus.ProgressListener;
import org.cadenza.corpus.Workspace;
import org.cadenza.corpus.dataset.DatasetSpec;
import org.cadenza.corpus.datasets.DatasetFetcher;
import org.cadenza.corpus.datasets.PublicDataset;
import org.cadenza.corpus.ingest.IngestOptions;
import org.cadenza.corpus.ingest.Ingestor;
import org.cadenza.features.tokens.TokenizerParams;
import org.cadenza.io.midi.NoteReader;
import org.cadenza.model.generation.LanguageModelConfig;
import org.cadenza.model.generation.LanguageModelRun;
import org.cadenza.model.train.TrainingListener;

/**
 * The style models {@code cadenza generate} uses when no model is named: one per composer under
 * {@code <home>/style-models/<composer>}, trained on first use from the two piano corpora (ASAP and piano-midi.de,
 * from {@code CADENZA_DATA} or downloaded from their home repositories) with the default settings. Training is
 * resumable: an interrupted first use resumes where it stopped.
 */
public final class StyleModels {

    /** Settings of the models trained on first use: the defaults, with 1,000,000 tokens per epoch and 14 epochs. */
    public static final LanguageModelConfig DEFAULT_CONFIG = LanguageModelConfig.defaults()
            .withTraining(256, 32, 1_000_000, 14, 4, 2e-3, 42);

    private StyleModels() {
    }

    /** The system property {@code cadenza.home}, else the environment's {@code CADENZA_HOME}, else {@code ~/.cadenza}. */
    public static Path home() {
        String prop = System.getProperty("cadenza.home");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        String env = System.getenv("CADENZA_HOME");
        return env == null || env.isBlank() ? Path.of(System.getProperty("user.home"), ".cadenza") : Path.of(env);
    }

    /** The run folder of the default model of {@code composer}. */
    public static Path defaultRun(Path home, String composer) {
        return home.resolve("style-models").resolve(composer.toLowerCase(Locale.ROOT));
    }

    /** Whether a trained model is in {@code run}. */
    public static boolean isTrained(Path run) {
        return Files.isRegularFile(run.resolve(LanguageModelRun.MODEL_DIR).resolve(LanguageModelRun.CONTRACT));
    }

    /**
     * The default model of {@code composer}, trained first when it is not there yet.
     *
     * @param home     where models, the workspace and downloaded corpora live
     * @param composer the composer, as the corpora name it (e.g. {@code chopin})
     * @param listener training progress
     * @param progress fetching, ingest and reading progress
     * @param threads  threads for ingest and reading
     * @return the run folder
     */
    public static Path ensure(Path home, String composer, TrainingListener listener, ProgressListener progress,
                              int threads) {
        Path run = defaultRun(home, composer);
        if (isTrained(run)) {
            return run;
        }
        DatasetFetcher fetcher = DatasetFetcher.fromEnvironment();
        Path datasets = home.resolve("datasets");
        try (Workspace ws = Workspace.open(home.resolve("style-models").resolve("workspace"))) {
            for (PublicDataset d : List.of(PublicDataset.ASAP, PublicDataset.PIANO_MIDI_DE)) {
                Path folder = fetcher.fetch(d, datasets, Optional.empty(), progress).folder();
                new Ingestor().ingest(ws, folder.resolve("labels.csv"),
                        IngestOptions.builder().optThreads(threads).build(), progress);
            }
            LanguageModelRun.train(ws, DatasetSpec.DEFAULTS, List.of(composer), TokenizerParams.defaults(),
                    NoteReader.Pedal.EXTEND, DEFAULT_CONFIG, run, listener, progress, threads);
        }
        return run;
    }
}
