package org.cadenza.corpus;

import org.cadenza.corpus.ingest.Ingestor;
import org.cadenza.io.BadInputException;
import org.cadenza.io.audio.AudioClip;
import org.cadenza.io.audio.AudioDecoder;
import org.cadenza.io.audio.AudioLevel;
import org.cadenza.io.audio.Resampler;
import org.cadenza.io.midi.MidiInspector;
import org.cadenza.io.midi.MidiLimits;
import org.cadenza.io.score.ScoreFormat;
import org.cadenza.io.score.Scores;
import org.cadenza.corpus.catalog.MediaKind;
import org.cadenza.render.MidiRenderer;
import org.cadenza.render.RenderSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import javax.sound.midi.Sequence;

/**
 * Turns any music file Cadenza accepts into mono audio at the renderer's sample rate: MIDI is rendered,
 * recordings are decoded, mixed to mono, resampled (logged by {@link Resampler}) when their rate differs, brought to
 * a fixed level and trimmed.
 *
 * <p><b>Recordings do not depend on their container, rate, channels or gain.</b> The log-mel features are absolute
 * dB ({@code ref = 1.0}) and the trailing-silence threshold is absolute dBFS, so before this loader normalised the
 * level, the same music as a 44.1 kHz stereo WAV made with the usual equal-power upmix (each channel at -3 dB,
 * what {@code ffmpeg -ac 2} writes) and as a 22.05 kHz mono FLAC gave log-mels 3.01 dB apart in every bin and a
 * different trimmed length (a rendered Chopin prelude: 0.1 s shorter, 1,320 instead of 1,325 frames, which can cost a
 * window). Now every recording is scaled so that its
 * {@link AudioLevel#robustPeakDbfs robust peak} is {@value #RECORDING_LEVEL_DBFS} dBFS before the trim, and the same
 * audio in either form gives the same windows: the same count, the same start (0 s) and log-mel values within
 * {@value #SAME_AUDIO_TOLERANCE_DB} dB on at least 99.9 % of the bins. The rest are the mel bands above about
 * 10.5 kHz (at 22,050 Hz), where the resampler's anti-aliasing filter (flat to 0.97 of the Nyquist frequency)
 * removes what a file already at the target rate keeps. Rendered MIDI is left at the level the synthesizer gives it.
 *
 * <p>MIDI is read through {@link MidiInspector#read(Path, MidiLimits)} with {@link MidiLimits#DEFAULTS} before it is
 * rendered, and a score (MusicXML, kern) through its reader and written as MIDI ({@link Scores#sequence}): the audio route refuses the files that ingest and the notes route refuse (too long, too large, absurd
 * tempo), with the same message, before any synthesizer is made; format-2 files are read as well.
 */
public final class MusicLoader {

    /** File extensions read as MIDI. */
    public static final Set<String> MIDI_EXTENSIONS = Ingestor.MIDI_EXTENSIONS;
    /** File extensions read as recorded audio. */
    public static final Set<String> AUDIO_EXTENSIONS = Ingestor.AUDIO_EXTENSIONS;

    /**
     * Robust peak, dBFS, every decoded recording is brought to ({@link AudioLevel#normalize}): the median of rendered
     * piano MIDI at the default settings (8 piano-midi.de pieces measured -9 to -17 dBFS, median about -15), so that
     * recordings reach a model trained on rendered MIDI at the level it saw, whatever gain they were mastered with.
     */
    public static final double RECORDING_LEVEL_DBFS = -15.0;

    /**
     * Largest log-mel difference, dB, between the windows of the same audio loaded from two forms (rate, channels,
     * container, gain) on at least 99.9 % of the bins (see the class comment; checked by the tests).
     */
    public static final double SAME_AUDIO_TOLERANCE_DB = 0.5;

    private final RenderSettings settings;
    private final Supplier<MidiRenderer> renderer;

    /** A loader that renders MIDI with {@code renderer} and decodes audio to its settings. */
    public MusicLoader(MidiRenderer renderer) {
        this(renderer.settings(), () -> renderer);
    }

    /**
     * A loader whose renderer is made only when a MIDI file needs it (so that decoding audio or skipping work does
     * not load a soundbank).
     *
     * @param settings the rendering settings; also the target rate and trim threshold of decoded audio
     * @param renderer supplies a renderer made with {@code settings}; called once per MIDI file
     */
    public MusicLoader(RenderSettings settings, Supplier<MidiRenderer> renderer) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
    }

    /**
     * Loads a file by its extension.
     *
     * @return mono audio at {@code settings.sampleRate()} Hz, trailing silence trimmed
     * @throws BadInputException when the file is missing, of an unknown kind, or cannot be read
     */
    public AudioClip load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file, "no such file");
        }
        return load(file, kindOf(file).orElseThrow(() -> new BadInputException(file, "unknown kind of file '."
                + extension(file) + "'; Cadenza reads MIDI and scores (" + String.join(", ",
                ScoreFormat.allExtensions()) + ") and audio (" + String.join(", ", AUDIO_EXTENSIONS) + ")")));
    }

    /**
     * Loads a file whose kind is known (e.g. from the catalog): MIDI is rendered; audio is decoded, mixed to mono
     * (the mean of the channels), resampled to the render rate (logged by {@link Resampler}), scaled to a robust peak
     * of {@value #RECORDING_LEVEL_DBFS} dBFS and its trailing silence trimmed like rendered audio.
     *
     * @return mono audio at {@code settings.sampleRate()} Hz
     * @throws BadInputException when the file cannot be read, is silent (no sample reaches the trim threshold
     *                           before the level is changed), or (MIDI) breaks a
     *                           {@link MidiLimits#DEFAULTS default MIDI limit}
     */
    public AudioClip load(Path file, MediaKind kind) {
        return switch (kind) {
            case MIDI, SCORE -> {
                Sequence sequence = Scores.sequence(file, MidiLimits.DEFAULTS);
                yield renderer.get().render(sequence, file);
            }
            case AUDIO -> decode(file);
            case ARCHIVE -> throw new BadInputException(file, "an archive is not music: ingest it to read its members");
        };
    }

    private AudioClip decode(Path source) {
        AudioClip clip = AudioDecoder.decode(source, settings.maxSeconds()).toMono();
        clip = Resampler.resample(clip, settings.sampleRate());
        float threshold = (float) settings.trimThresholdAmplitude();
        if (lastAbove(clip.samples(), threshold) < 0) {
            throw new BadInputException(source, String.format(Locale.ROOT,
                    "silent: no sample reaches %.1f dBFS", settings.trimThresholdDb()));
        }
        // the level first, then the trim: where the trim cuts must not depend on the gain of the file
        clip = AudioLevel.normalize(clip, RECORDING_LEVEL_DBFS);
        float[] s = clip.samples();
        int last = lastAbove(s, threshold);
        int keep = (int) Math.round(RenderSettings.TRIM_KEEP_SECONDS * settings.sampleRate());
        int end = Math.min(s.length, last + 1 + keep);
        return end == s.length ? clip : clip.slice(0, end);
    }

    /** Index of the last sample whose magnitude reaches {@code threshold}, or -1 when none does. */
    private static int lastAbove(float[] s, float threshold) {
        int last = s.length - 1;
        while (last >= 0 && Math.abs(s[last]) < threshold) {
            last--;
        }
        return last;
    }

    /** Lower-case extension without the dot, or "" when none. */
    public static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** True for files Cadenza can read as music. */
    public static boolean isMusic(Path file) {
        return kindOf(file).isPresent();
    }

    /** What a file holds by its extension: MIDI, a score or audio; empty for anything else. */
    public static Optional<MediaKind> kindOf(Path file) {
        Optional<ScoreFormat> symbolic = ScoreFormat.of(file);
        if (symbolic.isPresent()) {
            return Optional.of(symbolic.get().isScore() ? MediaKind.SCORE : MediaKind.MIDI);
        }
        return AUDIO_EXTENSIONS.contains(extension(file)) ? Optional.of(MediaKind.AUDIO) : Optional.empty();
    }
}
