package org.cadenza.io;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The public datasets under {@code $CADENZA_DATA} (one folder per dataset: {@code asap/}, {@code piano-midi-de/},
 * {@code midi-classics/}, each with a {@code labels.csv}), for the tests that read real files. Where they are not
 * there, such a test is skipped by a JUnit assumption that says what was skipped, never passed silently. Shared with
 * the other modules' tests through cadenza-io's test jar.
 */
public final class RealData {

    /** The environment variable naming the datasets folder. */
    public static final String VARIABLE = "CADENZA_DATA";

    private RealData() {
    }

    /** @return the folder {@code $CADENZA_DATA}, when the variable is set and not blank */
    public static Optional<Path> root() {
        String data = System.getenv(VARIABLE);
        return data == null || data.isBlank() ? Optional.empty() : Optional.of(Path.of(data));
    }

    /**
     * @param skipped what the test does, for the message when it is skipped ("the symbolic features of a real file")
     * @return the folder {@code $CADENZA_DATA}; the test is skipped when the variable is not set
     */
    public static Path requireRoot(String skipped) {
        Optional<Path> root = root();
        assumeTrue(root.isPresent(), VARIABLE + " is not set: skipping " + skipped);
        return root.get();
    }

    /**
     * @param skipped what the test does, for the message when it is skipped
     * @param first   the first name under {@code $CADENZA_DATA}, usually the dataset ({@code asap})
     * @param more    the names below it
     * @return the file or folder {@code $CADENZA_DATA/first/more...}; the test is skipped when the variable is not
     *     set or nothing is there
     */
    public static Path require(String skipped, String first, String... more) {
        Path path = requireRoot(skipped).resolve(Path.of(first, more));
        assumeTrue(Files.exists(path), path + " is not in " + VARIABLE + ": skipping " + skipped);
        return path;
    }
}
