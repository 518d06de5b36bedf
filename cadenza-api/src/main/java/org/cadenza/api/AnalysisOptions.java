package org.cadenza.api;

/**
 * What an analysis includes beyond the answer.
 *
 * @param top           how many composers and periods to list, &ge; 1; default 5
 * @param nearestPieces how many of the nearest known pieces the open-set answer lists, &ge; 0; default 3
 * @param explain       whether to add the timeline of windows and the features that weighed most; default false
 * @param features      how many features the explanation lists, &ge; 1; default 8
 */
public record AnalysisOptions(int top, int nearestPieces, boolean explain, int features) {

    /** Five composers, three nearest pieces, no explanation. */
    public static final AnalysisOptions DEFAULTS = new AnalysisOptions(5, 3, false, 8);

    public AnalysisOptions {
        if (top < 1 || nearestPieces < 0 || features < 1) {
            throw new IllegalArgumentException("AnalysisOptions: top >= 1, nearestPieces >= 0 and features >= 1, got "
                    + top + ", " + nearestPieces + ", " + features);
        }
    }

    /** @return these options with the explanation on or off */
    public AnalysisOptions withExplain(boolean on) {
        return new AnalysisOptions(top, nearestPieces, on, features);
    }

    /** @return these options listing {@code n} composers and periods */
    public AnalysisOptions withTop(int n) {
        return new AnalysisOptions(n, nearestPieces, explain, features);
    }
}
