package org.cadenza.model.train;

/**
 * Writes a checkpoint after every epoch: the weights ({@code checkpoint/epoch-NNNN.params}), the optimizer's
 * moments ({@code checkpoint/optimizer-NNNN.bin}), then the commit point {@code checkpoint/state.json} and
 * {@code history.csv}; files of other epochs than the last and the best are deleted. A run killed before the commit
 * resumes from the previous epoch.
 */
final class Checkpointing implements LoopListener {

    @Override
    public void onEpochEnd(LoopContext c, EpochRecord record) {
        ClassifierTraining.saveParameters(c.block, ClassifierTraining.weightsFile(c.runDir, record.epoch()));
        OptimizerState.save(c.optimizer, c.block, ClassifierTraining.optimizerFile(c.runDir, record.epoch()));
        ClassifierTraining.commit(c.runDir, c.state());
    }
}
