package org.cadenza.model.train;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Pins the learning curves of small deterministic trainings (one PyTorch thread, fixed seeds): the figures in
 * {@value #FILE} were recorded before the four trainings (classifier, multi-task, embedding,
 * language model) were moved onto one epoch loop, so a refactoring of the loop
 * that changes any figure fails here. A legitimate change of the numbers (another DJL or PyTorch version, another
 * CPU) shows the new figures in the failure message, as rows of that file ready to paste.
 */
public final class PinnedHistory {

    /** Absolute tolerance of every pinned figure. */
    public static final double TOLERANCE = 1e-6;

    /**
     * The pinned histories, a resource beside this class: one CSV row per epoch, {@code history, best_epoch, epoch},
     * then the five figures of {@link #assertPinned(String, double[][], List)}.
     */
    public static final String FILE = "pinned-histories.csv";

    private PinnedHistory() {
    }

    /** The pinned figures of {@code history} in {@value #FILE}, one row per epoch as {@link #assertPinned} takes. */
    public static double[][] figures(String history) {
        return rows(history).stream().map(r -> Arrays.copyOfRange(r, 2, r.length)).toArray(double[][]::new);
    }

    /** {@link #assertPinned(String, double[][], int, TrainingOutcome)} with the figures and best epoch pinned for it. */
    public static void assertPinned(String history, TrainingOutcome run) {
        assertPinned(history, figures(history), (int) rows(history).get(0)[0], run);
    }

    /** The rows of {@code history} in {@value #FILE}, epochs in order: best epoch, epoch, the five figures. */
    private static List<double[]> rows(String history) {
        List<double[]> rows = new ArrayList<>();
        try (InputStream in = PinnedHistory.class.getResourceAsStream(FILE)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] cells = line.split(",");
                if (cells[0].equals(history)) {
                    rows.add(Arrays.stream(cells).skip(1).mapToDouble(Double::parseDouble).toArray());
                    assertEquals(rows.size(), (int) rows.get(rows.size() - 1)[1], history + ": epochs in order in "
                            + FILE);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no history '" + history + "' in " + FILE);
        }
        return rows;
    }

    /**
     * @param expected per epoch {train loss, train accuracy, validation loss, validation accuracy, learning rate}
     */
    public static void assertPinned(String what, double[][] expected, List<EpochRecord> actual) {
        assertPinned(what, expected, actual, "?");
    }

    private static void assertPinned(String what, double[][] expected, List<EpochRecord> actual, String bestEpoch) {
        String paste = "\n" + what + " figures of this run, as rows of " + FILE + ":\n" + rows(what, bestEpoch, actual);
        assertEquals(expected.length, actual.size(), "epochs" + paste);
        for (int e = 0; e < expected.length; e++) {
            double[] got = row(actual.get(e));
            assertEquals(e + 1, actual.get(e).epoch());
            for (int k = 0; k < got.length; k++) {
                assertEquals(expected[e][k], got[k], TOLERANCE, what + ", epoch " + (e + 1) + ", column " + k
                        + paste);
            }
        }
    }

    /** {@link #assertPinned(String, double[][], List)} of the run's history, and its best epoch. */
    public static void assertPinned(String what, double[][] expected, int bestEpoch, TrainingOutcome run) {
        assertPinned(what, expected, run.history(), String.valueOf(run.bestEpoch()));
        assertEquals(bestEpoch, run.bestEpoch(), what + ": best epoch");
    }

    /** Asserts that a resumed run's history is the uninterrupted run's, figure by figure (not the timings). */
    public static void assertSameHistory(List<EpochRecord> whole, List<EpochRecord> resumed) {
        assertEquals(whole.size(), resumed.size(), "epochs");
        for (int e = 0; e < whole.size(); e++) {
            double[] a = row(whole.get(e));
            double[] b = row(resumed.get(e));
            assertEquals(whole.get(e).epoch(), resumed.get(e).epoch());
            for (int k = 0; k < a.length; k++) {
                assertEquals(a[k], b[k], TOLERANCE, "epoch " + (e + 1) + ", column " + k);
            }
        }
    }

    /** The uninterrupted run and the run that was killed and then resumed. */
    public record Resumed<R extends TrainingOutcome>(R whole, R resumed) {
    }

    /**
     * Trains once without a break in {@code dir/whole}, then in {@code dir/killed}: killed at each
     * {@code {epoch, batch}} of {@code kills} in turn ({@link #killAt}), then run once more to the end. Asserts that
     * the resumed run completes with the uninterrupted run's figures and best epoch.
     *
     * @param train trains into a run folder with a listener, resuming what the folder holds
     */
    public static <R extends TrainingOutcome> Resumed<R> assertResumes(Path dir,
            BiFunction<Path, TrainingListener, R> train, int[]... kills) {
        R whole = train.apply(dir.resolve("whole"), TrainingListener.NONE);
        Path killed = dir.resolve("killed");
        for (int[] kill : kills) {
            assertThrows(Killed.class, () -> train.apply(killed, killAt(kill[0], kill[1])));
        }
        R resumed = train.apply(killed, TrainingListener.NONE);
        assertEquals(TrainingResult.Status.COMPLETED, resumed.status());
        assertSameHistory(whole.history(), resumed.history());
        assertEquals(whole.bestEpoch(), resumed.bestEpoch());
        return new Resumed<>(whole, resumed);
    }

    private static double[] row(EpochRecord r) {
        return new double[] {r.trainLoss(), r.trainAccuracy(), r.valLoss(), r.valAccuracy(), r.learningRate()};
    }

    /** @return the history as rows of {@value #FILE} */
    public static String rows(String history, String bestEpoch, List<EpochRecord> h) {
        StringBuilder s = new StringBuilder();
        for (EpochRecord r : h) {
            s.append(history).append(',').append(bestEpoch).append(',').append(r.epoch());
            for (double v : row(r)) {
                s.append(',').append(String.format(Locale.ROOT, "%.10g", v));
            }
            s.append('\n');
        }
        return s.toString();
    }

    /** A listener that kills the run (throws, as a crash would) at batch {@code batch} of epoch {@code epoch}. */
    public static TrainingListener killAt(int epoch, int batch) {
        return new TrainingListener() {
            @Override
            public void onBatch(BatchEvent event) {
                if (event.epoch() == epoch && event.batch() == batch) {
                    throw new Killed();
                }
            }
        };
    }

    /**
     * A listener that asks the run to stop, as a user would (the run ends INTERRUPTED and can be resumed), once
     * {@code epochs} epochs have finished or once {@code batchesOfNextEpoch} batches of the next epoch have.
     */
    public static TrainingListener stopAfter(int epochs, int batchesOfNextEpoch) {
        return new TrainingListener() {
            int done;
            int batches;

            @Override
            public void onBatch(BatchEvent event) {
                batches = event.batch();
            }

            @Override
            public void onEpoch(EpochRecord record, boolean improved) {
                done++;
                batches = 0;
            }

            @Override
            public boolean stopRequested() {
                return done >= epochs || batches >= batchesOfNextEpoch;
            }
        };
    }

    /** {@link #stopAfter(int, int)} at the end of epoch {@code epochs}. */
    public static TrainingListener stopAfter(int epochs) {
        return stopAfter(epochs, Integer.MAX_VALUE);
    }

    /** What {@link #killAt} throws. */
    public static final class Killed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Killed() {
            super("killed for the test");
        }
    }
}
