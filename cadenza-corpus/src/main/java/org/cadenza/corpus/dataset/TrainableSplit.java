package org.cadenza.corpus.dataset;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.cadenza.io.CadenzaException;

/** The one check every training makes before it starts: training and validation material, and why not. */
public final class TrainableSplit {

    private TrainableSplit() {
    }

    /**
     * The reasons files were left out, for a person: {@code class glinka has 1 piece(s), fewer than 2 (3 files);
     * not MIDI (2 files)}, or {@code none}.
     */
    public static String describe(Map<String, Integer> excluded) {
        if (excluded.isEmpty()) {
            return "none";
        }
        return excluded.entrySet().stream().map(e -> String.format(Locale.ROOT, "%s (%d file%s)", e.getKey(),
                e.getValue(), e.getValue() == 1 ? "" : "s")).collect(Collectors.joining("; "));
    }

    /**
     * Refuses a training without training or validation material, saying why validation is needed and how to get it.
     *
     * @param ws       the workspace
     * @param train    training items
     * @param val      validation items
     * @param unit     what was counted ("MIDI files", "windows")
     * @param excluded why other files were left out
     * @throws CadenzaException when {@code train} or {@code val} is 0
     */
    public static void require(Path ws, long train, long val, String unit, Map<String, Integer> excluded) {
        if (train == 0) {
            throw new CadenzaException("nothing to train on in " + ws + ": no training " + unit + " (left out: "
                    + describe(excluded) + ")");
        }
        if (val == 0) {
            throw new CadenzaException("no validation " + unit + " in " + ws + " (" + train + " for training): "
                    + "Cadenza keeps the epoch or model that does best on validation pieces, stops early and "
                    + "calibrates its thresholds on them, so it needs some. With a split column from ingest, mark "
                    + "some pieces val; without one, the random split by piece sets 10 % aside (a class needs at "
                    + "least 3 pieces to give one). Left out: " + describe(excluded));
        }
    }
}
