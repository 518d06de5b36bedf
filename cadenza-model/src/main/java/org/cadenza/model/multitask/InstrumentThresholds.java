package org.cadenza.model.multitask;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.cadenza.model.ModelJson;

/**
 * The decision thresholds of an instrument head, one per family, tuned on the validation split: for single windows
 * and for whole pieces (a piece's probability is the largest of its windows').
 *
 * @param families the families, in output order
 * @param window   per family, the window-level threshold (present when probability &ge; threshold)
 * @param piece    per family, the piece-level threshold
 */
public record InstrumentThresholds(List<String> families, double[] window, double[] piece) {

    /** File name in a run folder. */
    public static final String FILE = "thresholds.json";

    public InstrumentThresholds {
        families = List.copyOf(families);
        if (window.length != families.size() || piece.length != families.size()) {
            throw new IllegalArgumentException(families.size() + " families but " + window.length + " window and "
                    + piece.length + " piece thresholds");
        }
    }

    /** Writes {@code dir/}{@value #FILE}. */
    public void save(Path dir) {
        ModelJson.write(dir.resolve(FILE), this);
    }

    /** @return the thresholds saved in {@code dir}, if any */
    public static Optional<InstrumentThresholds> load(Path dir) {
        Path f = dir.resolve(FILE);
        return Files.exists(f) ? Optional.of(ModelJson.read(f, InstrumentThresholds.class)) : Optional.empty();
    }
}
