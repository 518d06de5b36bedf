package org.cadenza.corpus;

import org.cadenza.features.FeatureExtractor;
import org.cadenza.features.FeatureParams;
import org.cadenza.features.Spectrogram;
import org.cadenza.features.plot.SpectrogramPlot;
import org.cadenza.io.audio.AudioClip;
import org.cadenza.render.MidiRenderer;
import org.cadenza.render.RenderSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Draws the spectrogram of one music file (MIDI rendered on the fly, audio decoded) as a PNG picture. */
public final class SpectrogramPicture {

    /** What part of the file to draw. */
    public record Span(double startSeconds, double maxSeconds) {
        /** The whole file. */
        public static final Span ALL = new Span(0, Double.POSITIVE_INFINITY);

        public Span {
            if (startSeconds < 0 || !(maxSeconds > 0)) {
                throw new IllegalArgumentException("span needs start >= 0 s and length > 0 s, got "
                        + startSeconds + " s, " + maxSeconds + " s");
            }
        }
    }

    /** What was drawn. */
    public record Drawn(Path png, double seconds, int frames, int bins) {
    }

    private SpectrogramPicture() {
    }

    /**
     * @param input  a MIDI or audio file
     * @param render how MIDI is rendered (its sample rate is also the analysis rate)
     * @param params the features to draw; its sample rate is replaced by the render rate
     * @param span   the part of the file to draw
     * @param png    the picture to write (folders are created)
     */
    public static Drawn draw(Path input, RenderSettings render, FeatureParams params, Span span, Path png) {
        AudioClip clip;
        try (MidiRenderer renderer = new MidiRenderer(render)) {
            clip = new MusicLoader(renderer).load(input);
        }
        int from = (int) Math.min(clip.frames(), Math.round(span.startSeconds() * clip.sampleRate()));
        long to = Double.isInfinite(span.maxSeconds()) ? clip.frames()
                : Math.min(clip.frames(), from + Math.round(span.maxSeconds() * clip.sampleRate()));
        if (to <= from) {
            throw new IllegalArgumentException(input + " lasts " + String.format("%.1f", clip.durationSeconds())
                    + " s: nothing to draw from " + span.startSeconds() + " s");
        }
        AudioClip part = clip.slice(from, (int) to);
        FeatureParams p = params.toBuilder().optSampleRate(clip.sampleRate()).build();
        Spectrogram s = new FeatureExtractor(p).compute(part);
        try {
            Path parent = png.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder of " + png, e);
        }
        SpectrogramPlot.writePng(s, png, input.getFileName() + " (" + p.kind().name().toLowerCase() + ")");
        return new Drawn(png, part.durationSeconds(), s.frames(), s.bins());
    }
}
