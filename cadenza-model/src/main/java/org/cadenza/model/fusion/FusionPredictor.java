package org.cadenza.model.fusion;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.cadenza.model.pipeline.AbstractFilePredictor;
import org.cadenza.model.pipeline.FilePrediction;
import org.cadenza.model.pipeline.FilePredictor;

/**
 * Predicts files with a fusion run: every member predicts the file its own way, and their mean log-probabilities are
 * combined with the weights fit on validation ({@link LateFusion#combine}). The result holds one "window" spanning
 * the file with the fused probabilities: fusion works on whole files, since the members cut files differently.
 * A member that cannot read the file (a recording given to a run with a notes member) makes the whole prediction
 * fail with that member's message.
 */
public final class FusionPredictor extends AbstractFilePredictor {

    private final LateFusion fusion;
    private final List<FilePredictor> members;

    /** Takes ownership of {@code members} (closed with this predictor), in the order of the fusion's weights. */
    public FusionPredictor(LateFusion fusion, List<FilePredictor> members) {
        super(fusion.classes());
        this.fusion = fusion;
        this.members = List.copyOf(members);
        if (members.size() != fusion.members().size()) {
            throw new IllegalArgumentException(members.size() + " member predictors for " + fusion.members().size()
                    + " fusion members");
        }
        for (int k = 0; k < members.size(); k++) {
            if (!members.get(k).classes().equals(fusion.classes())) {
                throw new IllegalArgumentException("member " + fusion.members().get(k) + " predicts "
                        + members.get(k).classes() + ", the fusion " + fusion.classes());
            }
        }
    }

    /**
     * Opens the fusion run in {@code runDir} and its members (folders relative to it, or absolute), each with
     * {@code opener} (the application layer's, which knows every route).
     */
    public static FusionPredictor open(Path runDir, java.util.function.Function<Path, FilePredictor> opener) {
        LateFusion fusion = LateFusion.load(runDir);
        List<FilePredictor> opened = new ArrayList<>();
        try {
            for (String m : fusion.members()) {
                opened.add(opener.apply(runDir.resolve(m)));
            }
            return new FusionPredictor(fusion, opened);
        } catch (RuntimeException e) {
            opened.forEach(FilePredictor::close);
            throw e;
        }
    }

    /** The weights and what they were fit on. */
    public LateFusion fusion() {
        return fusion;
    }

    @Override
    protected FilePrediction.Result predict(Path file, long startNanos) {
        List<double[]> scores = new ArrayList<>(members.size());
        for (FilePredictor m : members) {
            scores.add(m.scores(m.predict(file)));
        }
        double[] fused = fusion.combine(scores);
        List<FilePrediction.Ranked> ranking = FilePrediction.rank(classes(), fused);
        float[] probs = new float[classes().size()];
        for (FilePrediction.Ranked r : ranking) {
            probs[classes().indexOf(r.label())] = (float) r.probability();
        }
        return new FilePrediction.Result(file, ranking, List.of(new FilePrediction.WindowResult(0.0, probs)),
                (System.nanoTime() - startNanos) / 1e9);
    }

    @Override
    public void close() {
        members.forEach(FilePredictor::close);
    }
}
