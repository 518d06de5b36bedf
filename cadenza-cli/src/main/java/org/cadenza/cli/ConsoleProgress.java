package org.cadenza.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.cadenza.corpus.ProgressListener;

import java.io.PrintStream;

/**
 * Shows the progress of long work on stderr: items done / total, rate, ETA and the number of failures.
 * Also the only place that prints per-item failures as they happen, so batch runs stay readable.
 */
public final class ConsoleProgress implements ProgressListener {

    private final PrintStream err;
    private ProgressBar bar;
    private long failed;
    private String task = "";

    public ConsoleProgress() {
        this(System.err);
    }

    ConsoleProgress(PrintStream err) {
        this.err = err;
    }

    @Override
    public synchronized void start(String task, long total) {
        finish();
        this.task = task;
        this.failed = 0;
        bar = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(total > 0 ? total : -1)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(500)
                .setMaxRenderedLength(110)
                .showSpeed()
                .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(err))
                .build();
    }

    @Override
    public synchronized void advance(String item, boolean ok) {
        if (bar == null) {
            return;
        }
        if (!ok) {
            failed++;
            bar.setExtraMessage(failed + " failed");
        }
        bar.step();
    }

    @Override
    public synchronized void finish() {
        if (bar != null) {
            bar.close();
            bar = null;
            if (failed > 0) {
                err.println(task + ": " + failed + " failed (see the report below or `cadenza status`)");
            }
        }
    }
}
