package org.cadenza.corpus.dataset;

/**
 * Shares of pieces per split, per class. Each share is in {@code [0, 1]}, train &gt; 0, and they sum to 1
 * (within 1e-9).
 *
 * @param train share of pieces for training; default 0.7
 * @param val   share for validation; default 0.1
 * @param test  share for testing; default 0.2 (seed 001 used 0.2 for validation and 0.1 for test: write
 *              {@code new SplitRatios(0.7, 0.2, 0.1)} to follow it)
 */
public record SplitRatios(double train, double val, double test) {

    /** 70 / 10 / 20. */
    public static final SplitRatios DEFAULT = new SplitRatios(0.7, 0.1, 0.2);

    public SplitRatios {
        for (double v : new double[] {train, val, test}) {
            if (!(v >= 0 && v <= 1)) {
                throw new IllegalArgumentException("SplitRatios: each share must be in [0, 1], got " + train + " / "
                        + val + " / " + test);
            }
        }
        if (!(train > 0)) {
            throw new IllegalArgumentException("SplitRatios: the training share must be > 0, got " + train);
        }
        if (Math.abs(train + val + test - 1) > 1e-9) {
            throw new IllegalArgumentException("SplitRatios: shares must sum to 1, got " + train + " + " + val
                    + " + " + test + " = " + (train + val + test));
        }
    }

    /**
     * Pieces per split for a class of {@code n} pieces, as {@code [train, val, test]}. Rule: {@code test =
     * round(n * test)} and {@code val = round(n * val)} (half up); then at least one test piece when
     * {@code n >= 2} and at least one validation piece when {@code n >= 3} (for shares &gt; 0); training keeps the
     * rest and at least one piece: while it would have none, the larger of val/test (val on a tie) gives one back.
     * So n = 1: 1/0/0; n = 2: 1/0/1; n = 3: 1/1/1; n = 4: 2/1/1; n = 5: 3/1/1; n = 10: 7/1/2; n = 20: 14/2/4.
     */
    public int[] counts(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("negative piece count " + n);
        }
        int nTest = (int) Math.round(n * test);
        int nVal = (int) Math.round(n * val);
        if (test > 0 && n >= 2) {
            nTest = Math.max(1, nTest);
        }
        if (val > 0 && n >= 3) {
            nVal = Math.max(1, nVal);
        }
        while (n > 0 && n - nTest - nVal < 1) {
            if (nVal >= nTest && nVal > 0) {
                nVal--;
            } else {
                nTest--;
            }
        }
        return new int[] {n - nVal - nTest, nVal, nTest};
    }

    @Override
    public String toString() {
        return train + "/" + val + "/" + test;
    }
}
