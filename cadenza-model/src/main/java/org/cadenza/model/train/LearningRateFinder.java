package org.cadenza.model.train;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.tracker.Tracker;
import org.cadenza.model.LabeledWindows;
import org.cadenza.model.nets.Networks;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Learning-rate range test (Smith 2015; fastai's {@code lr_find}, used by seed 000): trains a fresh network for
 * {@code steps} mini-batches while the learning rate grows exponentially from {@code minLr} to {@code maxLr},
 * recording the exponentially smoothed loss (beta 0.98, bias-corrected). Stops early once the smoothed loss exceeds
 * 4 x its minimum. Nothing is written to disk; the network is discarded.
 */
public final class LearningRateFinder {

    /** Smoothing factor of the loss curve. */
    public static final double BETA = 0.98;

    private LearningRateFinder() {
    }

    /**
     * One point of the curve.
     *
     * @param learningRate learning rate used for this step
     * @param loss the raw mini-batch loss (nats)
     * @param smoothedLoss exponentially smoothed, bias-corrected loss (nats)
     */
    public record Point(double learningRate, double loss, double smoothedLoss) {
    }

    /**
     * @param points one per step taken (at most {@code steps})
     * @param steepestLr the learning rate where the smoothed loss falls fastest against log(lr)
     * @param minLossLr the learning rate with the lowest smoothed loss
     * @param suggestedLr the suggestion: {@code steepestLr} (which falls back to {@code minLossLr / 10} when the
     *     curve has no descent before its minimum); see {@link #suggest}
     */
    public record Result(List<Point> points, double steepestLr, double minLossLr, double suggestedLr) {
    }

    /**
     * Runs the range test. Uses {@code cfg}'s architecture, optimizer, weight decay, batch size, seed and SpecAugment;
     * its schedule and epochs are ignored.
     *
     * @param minLr first learning rate, e.g. 1e-7
     * @param maxLr last learning rate, e.g. 10
     * @param steps mini-batches to run, at least 5, e.g. 100 (the training windows are cycled through as needed)
     */
    public static Result find(LabeledWindows train, TrainingConfig cfg, double minLr, double maxLr, int steps) {
        TrainingSupport.checkTrainable(train);
        if (!(minLr > 0) || !(maxLr > minLr)) {
            throw new IllegalArgumentException("need 0 < minLr < maxLr, got " + minLr + ", " + maxLr);
        }
        if (steps < 5) {
            throw new IllegalArgumentException("need at least 5 steps, got " + steps);
        }
        int n = train.size();
        int bs = Math.min(cfg.batchSize(), n);
        Tracker tracker = numUpdate -> (float) lrAt(minLr, maxLr, steps, numUpdate - 1);
        List<Point> points = new ArrayList<>();
        TrainingSupport.seedEngine(cfg.seed(), 0);
        try (Model model = Model.newInstance("cadenza-lr-find")) {
            model.setBlock(Networks.build(cfg.architecture(), train.classes().size()));
            try (Trainer trainer = TrainingSupport.newTrainer(model, TrainingSupport.optimizer(cfg, tracker, 0))) {
                trainer.initialize(TrainingSupport.inputShape(train, 1));
                Random rng = TrainingSupport.random(cfg.seed(), 0, 3);
                int[] order = TrainingSupport.permutation(n, rng);
                int pos = 0;
                double avg = 0;
                double best = Double.POSITIVE_INFINITY;
                for (int step = 0; step < steps; step++) {
                    if (pos + bs > n) {
                        order = TrainingSupport.permutation(n, rng);
                        pos = 0;
                    }
                    int[] labels = TrainingSupport.labels(train, order, pos, pos + bs);
                    float loss;
                    try (NDManager bm = trainer.getManager().newSubManager()) {
                        NDArray x = TrainingSupport.batch(bm, train, order, pos, pos + bs, cfg.specAugment(), rng);
                        try (GradientCollector gc = trainer.newGradientCollector()) {
                            NDArray l = TrainingSupport.crossEntropy(
                                    TrainingSupport.logits(trainer.forward(new NDList(x))), labels, null);
                            gc.backward(l);
                            loss = l.getFloat();
                        }
                        trainer.step();
                    }
                    pos += bs;
                    if (!Float.isFinite(loss)) {
                        break;
                    }
                    avg = BETA * avg + (1 - BETA) * loss;
                    double smoothed = avg / (1 - Math.pow(BETA, step + 1));
                    points.add(new Point(lrAt(minLr, maxLr, steps, step), loss, smoothed));
                    best = Math.min(best, smoothed);
                    if (step > 0 && smoothed > 4 * best) {
                        break;
                    }
                }
            }
        }
        return suggest(points);
    }

    /** Learning rate of 0-based step {@code step}: exponential from minLr to maxLr over {@code steps}. */
    static double lrAt(double minLr, double maxLr, int steps, int step) {
        return minLr * Math.pow(maxLr / minLr, step / (double) (steps - 1));
    }

    /**
     * Suggestion from a curve: the steepest descent of smoothed loss against log(lr) (central differences, ignoring
     * the points after the minimum); when the curve is too short for that, the minimum's lr / 10.
     */
    public static Result suggest(List<Point> points) {
        if (points.isEmpty()) {
            throw new IllegalArgumentException("the loss was not finite even at the smallest learning rate");
        }
        int argMin = 0;
        for (int i = 1; i < points.size(); i++) {
            if (points.get(i).smoothedLoss() < points.get(argMin).smoothedLoss()) {
                argMin = i;
            }
        }
        double minLossLr = points.get(argMin).learningRate();
        double steepest = minLossLr / 10;
        double bestSlope = 0;
        for (int i = 1; i < argMin; i++) {
            Point a = points.get(i - 1);
            Point b = points.get(i + 1);
            double slope = (b.smoothedLoss() - a.smoothedLoss())
                    / (Math.log(b.learningRate()) - Math.log(a.learningRate()));
            if (slope < bestSlope) {
                bestSlope = slope;
                steepest = points.get(i).learningRate();
            }
        }
        return new Result(List.copyOf(points), steepest, minLossLr, steepest);
    }
}
