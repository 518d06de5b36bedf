/** Labels CSV reading ({@link org.cadenza.corpus.labels.LabelsCsv}): path, composer, piece id, period, split. */
package org.cadenza.corpus.labels;
