/**
 * The dataset layer of the classifiers: targets (composer, period, one composer against the rest), the built-in
 * composer -&gt; period table, splits strictly by piece (random per class, a split file, or the catalog's split
 * column) with a leak check, filters and balancing, window selection (first N seconds, from the first sound),
 * and lazy loading of window data from the feature cache. Entry point: {@link org.cadenza.corpus.dataset.DatasetBuilder}.
 */
package org.cadenza.corpus.dataset;
