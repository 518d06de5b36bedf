package org.cadenza.corpus;

import org.cadenza.corpus.ingest.Ingestor;
import org.cadenza.io.BadInputException;
import org.cadenza.io.audio.AudioClip;
import org.cadenza.io.audio.AudioDecoder;
import org.cadenza.io.audio.Resampler;
import org.cadenza.render.MidiRenderer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Turns any music file Cadenza accepts into mono audio at the renderer's sample rate: MIDI is rendered,
 * recordings are decoded, mixed to mono and resampled (logged by {@link Resampler}) when their rate differs.
 */
public final class MusicLoader {

    /** File extensions read as MIDI. */
    public static final Set<String> MIDI_EXTENSIONS = Ingestor.MIDI_EXTENSIONS;
    /** File extensions read as recorded audio. */
    public static final Set<String> AUDIO_EXTENSIONS = Ingestor.AUDIO_EXTENSIONS;

    private final MidiRenderer renderer;

    public MusicLoader(MidiRenderer renderer) {
        this.renderer = Objects.requireNonNull(renderer, "renderer");
    }

    /**
     * @return mono audio at {@code renderer.settings().sampleRate()} Hz
     * @throws BadInputException when the file is missing, of an unknown kind, or cannot be read
     */
    public AudioClip load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file, "no such file");
        }
        String ext = extension(file);
        if (MIDI_EXTENSIONS.contains(ext)) {
            return renderer.render(file);
        }
        if (AUDIO_EXTENSIONS.contains(ext)) {
            AudioClip clip = AudioDecoder.decode(file).toMono();
            return Resampler.resample(clip, renderer.settings().sampleRate());
        }
        throw new BadInputException(file, "unknown kind of file '." + ext + "'; Cadenza reads MIDI ("
                + String.join(", ", MIDI_EXTENSIONS) + ") and audio (" + String.join(", ", AUDIO_EXTENSIONS) + ")");
    }

    /** Lower-case extension without the dot, or "" when none. */
    public static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** True for files Cadenza can read as music. */
    public static boolean isMusic(Path file) {
        String ext = extension(file);
        return MIDI_EXTENSIONS.contains(ext) || AUDIO_EXTENSIONS.contains(ext);
    }
}
