package org.cadenza.model.embedding;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.cadenza.model.ModelJson;

/**
 * The verdict's threshold: a piece whose distance to the nearest composer anchor is above it is called "unknown".
 * Calibrated on the validation pieces of the known composers so that at most {@code falseAlarmRate} of them would
 * be flagged.
 *
 * @param threshold       distance to the nearest anchor, in [0, 2]
 * @param falseAlarmRate  the rate it was chosen for, e.g. 0.05
 * @param calibrationPieces how many validation pieces chose it
 * @param observedFalseAlarms the fraction of those pieces it flags
 */
public record OpenSetThreshold(double threshold, double falseAlarmRate, int calibrationPieces,
                               double observedFalseAlarms) {

    /** File name in a model folder. */
    public static final String FILE = "threshold.json";

    /** Writes {@code dir/}{@value #FILE}. */
    public void save(Path dir) {
        ModelJson.write(dir.resolve(FILE), this);
    }

    /** @return the threshold saved in {@code dir}, if any */
    public static Optional<OpenSetThreshold> load(Path dir) {
        Path f = dir.resolve(FILE);
        return Files.exists(f) ? Optional.of(ModelJson.read(f, OpenSetThreshold.class)) : Optional.empty();
    }
}
