package org.cadenza.model.classical;

/** How feature columns are scaled before PCA and the learner. */
public enum Scaling {
    /** The raw values. */
    NONE,
    /**
     * Standardisation: each column minus its mean, divided by its population standard deviation (ddof 0, as
     * scikit-learn's {@code StandardScaler}), both measured on the training rows only; a constant column is only
     * centred. The default.
     */
    STANDARD
}
