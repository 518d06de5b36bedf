package org.cadenza.api.run;

import org.cadenza.model.run.RunFiles;
import org.cadenza.model.run.RunDataset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import org.cadenza.corpus.ProgressListener;
import org.cadenza.corpus.Workspace;
import org.cadenza.corpus.dataset.DatasetSpec;
import org.cadenza.corpus.dataset.LabelledSplit;
import org.cadenza.eval.plot.ExplainedVariancePlot;
import org.cadenza.model.classical.ClassicalConfig;
import org.cadenza.model.fusion.LateFusion;
import org.cadenza.model.notes.NotesSettings;
import org.cadenza.model.notes.NotesTraining;
import org.cadenza.model.pianoroll.PianoRollSettings;
import org.cadenza.model.pianoroll.PianoRollTraining;
import org.cadenza.model.train.TrainingConfig;
import org.cadenza.model.train.TrainingListener;

/**
 * Trains the routes that read notes, recording what {@link TrainingRun} records for the audio route (the run's
 * target and window selection in its run manifest, its files in {@value RunFiles#FILE}), and makes fusion
 * runs. Every method resumes: a finished member is reused.
 */
public final class RouteTrainingRun {

    /** Where {@link #fusion} trains its notes member inside the fusion run folder. */
    public static final String NOTES_MEMBER = "notes";
    /** Where {@link #fusion} trains its piano-roll member inside the fusion run folder. */
    public static final String PIANOROLL_MEMBER = "pianoroll";

    private RouteTrainingRun() {
    }

    /** The notes route ({@link NotesTraining#train}). */
    public static NotesTraining.Result notes(Workspace ws, NotesSettings settings, DatasetSpec dataset,
                                             ClassicalConfig config, Path runDir, ProgressListener progress,
                                             int threads) {
        NotesTraining.Result r = recorded(ws, dataset, runDir,
                () -> NotesTraining.train(ws, settings, dataset, config, runDir, progress, threads),
                NotesTraining.Result::split);
        if (r.model().pca().isPresent() && config.pcaVariance().isPresent()) {
            Path png = runDir.resolve(PCA_PNG);
            try {
                ExplainedVariancePlot.writePng(r.model().pca().get().explainedVarianceRatio(),
                        config.pcaVariance().getAsDouble(), png, "PCA of the standardised symbolic features ("
                                + r.model().pcaComponents().orElse(0) + " components kept)");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot write " + png, e);
            }
        }
        return r;
    }

    /**
     * The notes route trained in chunks of {@code chunkFiles} training files, for data that does not fit in memory
     * ({@link NotesTraining#trainInChunks}).
     */
    public static NotesTraining.Result notesInChunks(Workspace ws, NotesSettings settings, DatasetSpec dataset,
                                                     ClassicalConfig config, int chunkFiles, Path runDir,
                                                     ProgressListener progress, int threads) {
        return recorded(ws, dataset, runDir, () -> NotesTraining.trainInChunks(ws, settings, dataset, config,
                chunkFiles, runDir, progress, threads), NotesTraining.Result::split);
    }

    /** The explained-variance plot a notes run trained with PCA gets (seed 002's figure). */
    public static final String PCA_PNG = "pca.png";

    /** The piano-roll route ({@link PianoRollTraining#train}). */
    public static PianoRollTraining.Result pianoRoll(Workspace ws, PianoRollSettings settings, DatasetSpec dataset,
                                                     TrainingConfig config, Path runDir, TrainingListener listener,
                                                     ProgressListener progress, int threads) {
        return recorded(ws, dataset, runDir, () -> PianoRollTraining.train(ws, settings, dataset, config, runDir,
                listener, progress, threads), PianoRollTraining.Result::split);
    }

    /**
     * Runs {@code training} between what every route's run records: its dataset section before it starts, and
     * {@value RunFiles#FILE}, the files of the split it trained on ({@code split} of its result), when it ends.
     */
    private static <R> R recorded(Workspace ws, DatasetSpec dataset, Path runDir, Supplier<R> training,
                                  Function<R, LabelledSplit> split) {
        RunDataset.save(dataset, runDir, ws.dir());
        R r = training.get();
        RunFiles.write(ws, split.apply(r), dataset, runDir);
        return r;
    }

    /**
     * What a fusion run trains itself: its notes member and its piano-roll member (each optional), trained inside the
     * fusion folder; runs given by the user join them.
     *
     * @param notes     settings and model of the notes member, or null for none
     * @param classical the notes member's model
     * @param roll      settings of the piano-roll member, or null for none
     * @param network   the piano-roll member's network and training
     */
    public record Members(NotesSettings notes, ClassicalConfig classical, PianoRollSettings roll,
                          TrainingConfig network, List<Path> existing) {
    }

    /**
     * Trains the fusion run's own members (resuming), then fits the fusion weights on the validation split
     * ({@link FusionTraining#fit}); members are listed notes, piano roll, then the given runs.
     */
    public static LateFusion fusion(Workspace ws, DatasetSpec dataset, Members members, Path runDir,
                                    TrainingListener listener, ProgressListener progress, int threads) {
        List<Path> all = new ArrayList<>();
        if (members.notes() != null) {
            Path dir = runDir.resolve(NOTES_MEMBER);
            notes(ws, members.notes(), dataset, members.classical(), dir, progress, threads);
            all.add(dir);
        }
        if (members.roll() != null) {
            Path dir = runDir.resolve(PIANOROLL_MEMBER);
            pianoRoll(ws, members.roll(), dataset, members.network(), dir, listener, progress, threads);
            all.add(dir);
        }
        all.addAll(members.existing());
        return FusionTraining.fit(ws, dataset, runDir, all, progress);
    }
}
