package org.cadenza.model;

import java.util.List;

/**
 * The model's input contract: labelled log-mel windows, one item at a time (batching and shuffling happen in
 * training). Window {@code i} is a {@code float[channels() * mels() * frames()]} flattened row-major as
 * {@code [channel][mel][frame]}: element {@code (c, m, t)} sits at {@code (c * mels + m) * frames + t}. Values are
 * log-mel magnitudes as the features layer produces them (dB, typically -80..+0), no normalisation needed: every
 * network starts with a batch-norm layer. With multi-window input, {@code channels() = k} consecutive windows are
 * stacked as channels; otherwise {@code channels() = 1}.
 */
public interface LabeledWindows {

    /** @return number of windows */
    int size();

    /** @return class index of window {@code i}, in {@code [0, classes().size())} */
    int label(int i);

    /** @return window {@code i}, length {@code channels() * mels() * frames()}, layout {@code [channel][mel][frame]} */
    float[] window(int i);

    /** @return mel bands per window (rows), e.g. 128 */
    int mels();

    /** @return frames per window (columns), e.g. 216 for 5 s at 22,050 Hz and hop 512 */
    int frames();

    /** @return stacked windows per item (input channels); 1 unless multi-window input is used */
    default int channels() {
        return 1;
    }

    /** @return the class labels, index = class number */
    List<String> classes();

    /** @return length every {@link #window(int)} must have */
    default int windowLength() {
        return channels() * mels() * frames();
    }
}
