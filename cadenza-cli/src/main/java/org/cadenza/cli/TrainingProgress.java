package org.cadenza.cli;

import java.util.Locale;
import java.util.function.Function;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.cadenza.model.train.BatchEvent;
import org.cadenza.model.train.EpochRecord;
import org.cadenza.model.train.TrainingListener;

/** A progress bar per epoch with loss, accuracy and windows/s. */
final class TrainingProgress implements TrainingListener, AutoCloseable {
    private ProgressBar bar;
    private int epoch = -1;
    private final Function<EpochRecord, String> epochLine;
    private final String batchLine;

    /** The classifier's progress: loss and accuracy. */
    TrainingProgress() {
        this(r -> String.format(Locale.ROOT, "epoch %d: train loss %.3f acc %.1f%% | val loss %.3f acc %.1f%%",
                r.epoch(), r.trainLoss(), 100 * r.trainAccuracy(), r.valLoss(), 100 * r.valAccuracy()),
                "loss %.3f acc %.1f%% %.0f win/s");
    }

    /**
     * @param epochLine what to print after each epoch (the "*" of an improvement and the seconds are appended)
     * @param batchLine format of the bar's message from running loss, running accuracy and windows/s
     */
    TrainingProgress(Function<EpochRecord, String> epochLine, String batchLine) {
        this.epochLine = epochLine;
        this.batchLine = batchLine;
    }

    @Override
    public void onBatch(BatchEvent e) {
        if (bar == null || e.epoch() != epoch) { // a new epoch, or the first of the next trial
            close();
            epoch = e.epoch();
            bar = new ProgressBarBuilder().setTaskName("epoch " + e.epoch() + "/" + e.epochs())
                    .setInitialMax(e.batches()).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500)
                    .setMaxRenderedLength(110)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
        }
        bar.stepTo(e.batch());
        bar.setExtraMessage(String.format(Locale.ROOT, batchLine, e.runningLoss(), 100 * e.runningAccuracy(),
                e.windowsPerSecond()));
    }

    @Override
    public void onEpoch(EpochRecord r, boolean improved) {
        close();
        System.err.printf(Locale.ROOT, "%s%s (%.0f s)%n", epochLine.apply(r), improved ? " *" : "", r.seconds());
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
