package org.cadenza.cli;

import java.util.Arrays;
import java.util.Locale;

import org.cadenza.corpus.dataset.TrainableSplit;
import org.cadenza.model.notes.NotesTraining;
import org.cadenza.model.train.EpochRecord;
import org.cadenza.model.train.TrainingResult;

/** What {@code cadenza train} prints about a finished training. */
final class TrainingReport {
    private TrainingReport() {
    }

    /** One line: the status, the best epoch and its validation accuracy and loss. */
    static String best(TrainingResult t) {
        EpochRecord best = t.best();
        return String.format(Locale.ROOT, "%s: best epoch %d of %d, validation accuracy %.1f %% (window level), loss %.3f%n",
                t.status(), t.bestEpoch(), t.history().size(), 100 * best.valAccuracy(), best.valLoss());
    }

    /** The notes route's classes with their training windows and pieces, timings, and what was left out. */
    static String notes(NotesTraining.Result r) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "notes route: %d classes, %d training windows of %d pieces; features %.1f s,"
                + " training %.1f s%n", r.split().classes().size(), Arrays.stream(r.windowsPerClass()).sum(),
                Arrays.stream(r.piecesPerClass()).sum(), r.featureSeconds(), r.trainingSeconds()));
        for (int c = 0; c < r.split().classes().size(); c++) {
            b.append(String.format(Locale.ROOT, "  %-16s %6d windows %4d pieces%n", r.split().classes().get(c),
                    r.windowsPerClass()[c], r.piecesPerClass()[c]));
        }
        if (!r.split().excluded().isEmpty()) {
            b.append("left out: ").append(TrainableSplit.describe(r.split().excluded())).append('\n');
        }
        r.problems().forEach(p -> b.append("left out: ").append(p).append('\n'));
        return b.toString();
    }
}
