package org.cadenza.model.multitask;

import java.util.List;

import org.cadenza.model.LabeledWindows;

/**
 * Windows with a composer class ({@link #label}) and a set of labels, as multi-hot targets: which instrument
 * families sound in the window.
 */
public interface MultiLabelWindows extends LabeledWindows {

    /** @return the multi-label names (instrument families), index = target column */
    List<String> labelNames();

    /** @return window {@code i}'s targets, one 0 or 1 per {@link #labelNames()} entry */
    float[] targets(int i);
}
