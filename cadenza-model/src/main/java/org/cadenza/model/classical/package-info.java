/**
 * Classical models over feature tables, through <a href="https://tribuo.org">Tribuo</a> 4.3.2 (plain Java, no DJL):
 * k-nearest neighbours, linear SGD with hinge, log, modified Huber and perceptron losses, AdaBoost over
 * depth-limited CART trees, random forests, extra trees and LibLinear's L2 logistic regression.
 * <p>
 * A {@link org.cadenza.model.classical.FeatureTable} (named columns, one row per window or piece, one label per row)
 * goes into {@link org.cadenza.model.classical.ClassicalModel#train}, which standardises the columns (statistics of
 * the training rows only), optionally projects them on the {@link org.cadenza.model.classical.Pca} components that
 * keep a given share of the variance, and trains the Tribuo trainer that
 * {@link org.cadenza.model.classical.ClassicalConfig} names. The model answers class probabilities in a fixed,
 * sorted class order and saves itself as Tribuo's protobuf file plus a JSON sidecar.
 * {@link org.cadenza.model.classical.IncrementalTraining} trains over chunks that do not fit in memory together.
 */
package org.cadenza.model.classical;
