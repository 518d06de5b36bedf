package org.cadenza.io;

/**
 * The check of a parameter record's compact constructor, one message form for all of them:
 * {@code "<Record>: <what is wrong>"} in an {@link IllegalArgumentException}.
 *
 * <pre>{@code
 * require("SymbolicParams", bins >= 2 && bins <= 32, "durationBins must be 2-32, got " + bins);
 * }</pre>
 */
public final class Parameters {

    private Parameters() {
    }

    /**
     * @param record  the record's simple name, e.g. {@code FeatureParams}
     * @param ok      the condition the parameters must meet
     * @param message what is wrong, naming the parameter, its range and the value given
     * @throws IllegalArgumentException {@code "<record>: <message>"} when {@code ok} is false
     */
    public static void require(String record, boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(record + ": " + message);
        }
    }
}
