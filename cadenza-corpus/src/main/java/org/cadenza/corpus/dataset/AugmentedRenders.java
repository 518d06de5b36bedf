package org.cadenza.corpus.dataset;

import org.cadenza.corpus.ProgressListener;
import org.cadenza.corpus.WindowRecipe;
import org.cadenza.corpus.Workspace;
import org.cadenza.corpus.catalog.CatalogFile;
import org.cadenza.corpus.jobs.FeatureJob;
import org.cadenza.corpus.jobs.JobReport;
import org.cadenza.corpus.jobs.RenderJob;
import org.cadenza.features.FeatureParams;
import org.cadenza.features.WindowSpec;
import org.cadenza.render.Augmentation;
import org.cadenza.render.RenderSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.Objects;

/**
 * Makes the augmented copies a {@link DatasetSpec#trainAugmentations()} asks for: every MIDI file of the training
 * split is rendered again per augmentation (transposed and/or at another tempo, with
 * {@link DatasetSpec#augmentedRender}) and featurised, through the ordinary {@link RenderJob} and {@link FeatureJob}:
 * resumable, parallel, with progress, one problem per bad file. Validation and test files are never augmented, so
 * nothing of them reaches training. Recordings have no MIDI to change and are left out.
 */
public final class AugmentedRenders {

    private AugmentedRenders() {
    }

    /** What one augmentation's preparation did. */
    public record Report(Augmentation augmentation, RenderSettings settings, JobReport render, JobReport features) {
    }

    /**
     * Renders and featurises the augmented copies of the training files that are missing; a rerun skips what
     * exists.
     *
     * @param ws       the workspace (its original rendering must be featurised: the split is built from it)
     * @param fp       feature parameters of the dataset
     * @param rendered render settings of the original windows
     * @param spec     windows
     * @param ds       the dataset; nothing happens without {@link DatasetSpec#trainAugmentations()}
     * @param threads  worker threads, &ge; 1
     * @param progress one task per augmentation and stage
     * @return one report per augmentation, in the spec's order
     */
    public static List<Report> prepare(Workspace ws, FeatureParams fp, RenderSettings rendered, WindowSpec spec,
                                       DatasetSpec ds, int threads, ProgressListener progress) {
        return prepare(ws, new WindowRecipe(rendered, fp, spec), ds, threads, progress);
    }

    /**
     * As {@link #prepare(Workspace, FeatureParams, RenderSettings, WindowSpec, DatasetSpec, int, ProgressListener)},
     * for the windows of {@code recipe} (the original rendering, features and windows of the dataset).
     */
    public static List<Report> prepare(Workspace ws, WindowRecipe recipe, DatasetSpec ds, int threads,
                                       ProgressListener progress) {
        Objects.requireNonNull(ds, "ds");
        if (ds.trainAugmentations().isEmpty()) {
            return List.of();
        }
        FeatureParams fp = recipe.features();
        RenderSettings rendered = recipe.render();
        WindowSpec spec = recipe.window();
        DatasetSpec plain = ds.toBuilder().optTrainAugmentations(List.of()).build();
        SplitAssignment assignment = DatasetBuilder.buildAll(ws, recipe, plain).assignment();
        List<CatalogFile> midi = new ArrayList<>();
        new TreeMap<>(assignment.splitOfFile()).forEach((id, split) -> {
            if (split == Split.TRAIN) {
                CatalogFile f = ws.catalog().findById(id).orElseThrow();
                if (f.kind().hasNotes()) {
                    midi.add(f);
                }
            }
        });
        List<Report> out = new ArrayList<>();
        for (Augmentation a : ds.trainAugmentations()) {
            RenderSettings settings = ds.augmentedRender(rendered, a, spec);
            JobReport r = new RenderJob().run(ws, settings, threads, progress, midi);
            JobReport f = new FeatureJob().run(ws, fp, settings, threads, progress, midi);
            out.add(new Report(a, settings, r, f));
        }
        return out;
    }
}
