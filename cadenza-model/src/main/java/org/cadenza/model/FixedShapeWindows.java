package org.cadenza.model;

import java.util.List;

/**
 * {@link LabeledWindows} whose classes and window shape are fixed when they are made; subclasses hold the windows and
 * labels in their own form (16-bit fixed point, bytes).
 */
public abstract class FixedShapeWindows implements LabeledWindows {

    private final List<String> classes;
    private final int mels;
    private final int frames;
    private final int channels;

    /**
     * @param classes  class labels (copied)
     * @param mels     rows per window (mel bands, or pitches of a piano roll)
     * @param frames   frames per window
     * @param channels stacked windows per item
     */
    protected FixedShapeWindows(List<String> classes, int mels, int frames, int channels) {
        this.classes = List.copyOf(classes);
        this.mels = mels;
        this.frames = frames;
        this.channels = channels;
    }

    @Override
    public final int mels() {
        return mels;
    }

    @Override
    public final int frames() {
        return frames;
    }

    @Override
    public final int channels() {
        return channels;
    }

    @Override
    public final List<String> classes() {
        return classes;
    }
}
