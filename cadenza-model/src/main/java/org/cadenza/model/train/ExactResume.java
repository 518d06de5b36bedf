package org.cadenza.model.train;

import ai.djl.ndarray.types.DataType;

/**
 * Resumes a run exactly where its last finished epoch left it: the weights (batch-norm statistics included) from
 * that epoch's parameter file, the optimizer's moments from its optimizer file. The learning-rate schedule goes on
 * from the same update count (the loop gives it to {@link Trainee#optimizer}) and every epoch reseeds itself, so the
 * next epoch is the uninterrupted run's. Does nothing for a fresh run.
 */
final class ExactResume implements LoopListener {

    @Override
    public void onNetwork(LoopContext c) {
        if (c.resumedAfter() > 0) {
            c.block.initialize(c.model.getNDManager(), DataType.FLOAT32, c.trainee.inputShapes());
            ClassifierTraining.loadParameters(c.block, c.model.getNDManager(),
                    ClassifierTraining.weightsFile(c.runDir, c.resumedAfter()));
        }
    }

    @Override
    public void onTrainingBegin(LoopContext c) {
        OptimizerState.resume(c.optimizer, c.block, c.trainer, c.runDir, c.resumedAfter());
    }
}
