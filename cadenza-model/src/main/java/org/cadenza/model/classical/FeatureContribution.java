package org.cadenza.model.classical;

/**
 * How much one input feature pushed a linear model towards a class, averaged over the rows explained
 * ({@link ClassicalModel#contributions}).
 *
 * @param feature      the feature's name as the model sees it (a symbolic feature, or a PCA component)
 * @param value        the mean of the feature's value as the model sees it: standardised (z-score against the
 *                     training rows), or the PCA component's score
 * @param contribution the mean of {@code weight x value} for the class, in the model's score units (logits for
 *                     logistic regression): positive pushes towards the class, negative away from it
 */
public record FeatureContribution(String feature, double value, double contribution) {
}
