package org.cadenza.api.run;

import org.cadenza.model.run.RunFiles;
import org.cadenza.model.run.RunDataset;
import org.cadenza.corpus.ProgressListener;
import org.cadenza.corpus.Workspace;
import org.cadenza.corpus.dataset.DatasetBuilder;
import org.cadenza.corpus.dataset.DatasetSpec;
import org.cadenza.corpus.dataset.WindowDataset;
import org.cadenza.io.CadenzaException;
import org.cadenza.model.bundle.ModelBundle;
import org.cadenza.model.pipeline.PipelineSettings;
import org.cadenza.model.pipeline.WorkspaceTraining;
import org.cadenza.model.train.TrainingConfig;
import org.cadenza.model.train.TrainingListener;

import java.nio.file.Path;

/**
 * {@link WorkspaceTraining#train} plus what evaluating the run on another corpus needs: the target and window
 * selection ({@link RunDataset}, in the run manifest) and the files of each split ({@link RunFiles},
 * {@value RunFiles#FILE}). {@code cadenza train} and {@link TrialsRun} train through here.
 */
public final class TrainingRun {

    private TrainingRun() {
    }

    /**
     * Trains (or resumes) like {@link WorkspaceTraining#train} and records the run's target and window selection
     * (before training starts) and its files (after training; a resumed run writes them when it ends).
     */
    public static WorkspaceTraining.Result train(Workspace ws, PipelineSettings pipeline, DatasetSpec dataset,
                                                 TrainingConfig config, Path runDir, TrainingListener listener) {
        return train(ws, pipeline, dataset, config, runDir, listener, ProgressListener.NONE,
                Runtime.getRuntime().availableProcessors());
    }

    /**
     * The same, with the progress and threads of the render and feature jobs that make augmented copies of the
     * training files ({@link WorkspaceTraining#train(Workspace, PipelineSettings, DatasetSpec, TrainingConfig, Path,
     * TrainingListener, ProgressListener, int)}).
     */
    public static WorkspaceTraining.Result train(Workspace ws, PipelineSettings pipeline, DatasetSpec dataset,
                                                 TrainingConfig config, Path runDir, TrainingListener listener,
                                                 ProgressListener jobs, int jobThreads) {
        RunDataset.save(dataset, runDir, ws.dir());
        WorkspaceTraining.Result r = WorkspaceTraining.train(ws, pipeline, dataset, config, runDir, listener, jobs,
                jobThreads);
        RunFiles.write(ws, r.data(), runDir);
        return r;
    }

    /**
     * Adds the dataset section and {@value RunFiles#FILE} to a run trained before they existed: rebuilds its
     * dataset from {@code ws} with {@code dataset} (the options it was trained with) and checks that the training
     * split's data hash equals the one in the model bundle, so the files written are the ones it was trained on.
     *
     * @throws CadenzaException when the hashes differ (other options, or the workspace changed since)
     */
    public static WindowDataset recordExisting(Workspace ws, DatasetSpec dataset, Path runDir) {
        PipelineSettings pipeline = PipelineSettings.load(runDir);
        ModelBundle bundle = ModelBundle.load(runDir.resolve(WorkspaceTraining.MODEL_DIR));
        WindowDataset data = DatasetBuilder.buildAll(ws, pipeline.recipe(), dataset);
        if (!data.train().dataHash().equals(bundle.contract().dataHash())) {
            throw new CadenzaException(runDir + ": the training data rebuilt from " + ws.dir() + " with "
                    + dataset.key() + " has data hash " + data.train().dataHash() + ", the model was trained on "
                    + bundle.contract().dataHash() + ": give the options the run was trained with");
        }
        RunDataset.save(dataset, runDir, ws.dir());
        RunFiles.write(ws, data, runDir);
        return data;
    }
}
