package org.cadenza.model;

import java.util.List;

/**
 * {@link LabeledWindows} that answer with another {@link LabeledWindows}' windows, labels, classes and shape, for
 * types that add something per window (multi-hot targets, for one).
 */
public interface ForwardingWindows extends LabeledWindows {

    /** @return the windows every answer comes from */
    LabeledWindows windows();

    @Override
    default int size() {
        return windows().size();
    }

    @Override
    default int label(int i) {
        return windows().label(i);
    }

    @Override
    default float[] window(int i) {
        return windows().window(i);
    }

    @Override
    default int mels() {
        return windows().mels();
    }

    @Override
    default int frames() {
        return windows().frames();
    }

    @Override
    default int channels() {
        return windows().channels();
    }

    @Override
    default List<String> classes() {
        return windows().classes();
    }
}
