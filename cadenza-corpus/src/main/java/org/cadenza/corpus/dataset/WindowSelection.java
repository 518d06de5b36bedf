package org.cadenza.corpus.dataset;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Which windows of each file are used.
 *
 * <p>Windows keep the length and hop of the {@code WindowSpec}. With {@link StartAt#FILE_START} they lie on the
 * grid of {@code WindowIndex} (window {@code k} starts at frame {@code k * hop}); with {@link StartAt#FIRST_SOUND}
 * the grid starts at the first sounding frame instead. With {@code firstSeconds}, only the windows {@code k} (counted
 * from that start) with {@code k * hopSeconds + windowSeconds <= firstSeconds} are kept, in nominal seconds of the
 * {@code WindowSpec} (not rounded frames): 180 s of 5-s windows every 5 s gives exactly 36 windows.
 *
 * <p>The first sounding frame is found from the cached spectrogram: the first frame whose loudest bin is within
 * {@code silenceDb} of the loudest bin of the whole file (LOGMEL values are dB already; STFT values are converted
 * with {@code 10 log10(max(v, 1e-10))}). Rendered MIDI is digital silence before the first note, which the
 * features clip at {@code max - topDb} (80 dB by default), so any threshold below 80 dB finds the first note.
 * MFCC features have no per-band level and are refused for {@link StartAt#FIRST_SOUND}.
 *
 * @param firstSeconds only the first this many seconds of each file (counted from the start point), in seconds,
 *                     &gt; 0; default empty = the whole file
 * @param startAt      where counting starts; default {@link StartAt#FILE_START}
 * @param silenceDb    for {@link StartAt#FIRST_SOUND}: how far below the file's loudest bin, in dB, a frame's loudest
 *                     bin may be and still count as sounding; default {@value #DEFAULT_SILENCE_DB}; &gt; 0
 */
public record WindowSelection(Optional<Double> firstSeconds, StartAt startAt, double silenceDb) {

    /** Default silence threshold in dB below the file's loudest bin. */
    public static final double DEFAULT_SILENCE_DB = 60.0;

    /** Every window of every file, from the file start. */
    public static final WindowSelection ALL = new WindowSelection(Optional.empty(), StartAt.FILE_START,
            DEFAULT_SILENCE_DB);

    /** Where windows start. */
    public enum StartAt {
        /** At the first frame of the file. */
        FILE_START,
        /** At the first sounding frame (leading near-silence skipped). */
        FIRST_SOUND
    }

    public WindowSelection {
        Objects.requireNonNull(firstSeconds, "firstSeconds");
        Objects.requireNonNull(startAt, "startAt");
        firstSeconds.ifPresent(s -> {
            if (!(s > 0) || !Double.isFinite(s)) {
                throw new IllegalArgumentException("WindowSelection: firstSeconds must be finite and > 0, got " + s);
            }
        });
        if (!(silenceDb > 0) || !Double.isFinite(silenceDb)) {
            throw new IllegalArgumentException("WindowSelection: silenceDb must be finite and > 0, got " + silenceDb);
        }
    }

    /** The first {@code seconds} of each file, counted from the file start. */
    public static WindowSelection firstSeconds(double seconds) {
        return new WindowSelection(Optional.of(seconds), StartAt.FILE_START, DEFAULT_SILENCE_DB);
    }

    /** The first {@code seconds} of each file, counted from the first sounding frame (the benchmark's choice). */
    public static WindowSelection firstSecondsFromFirstSound(double seconds) {
        return new WindowSelection(Optional.of(seconds), StartAt.FIRST_SOUND, DEFAULT_SILENCE_DB);
    }

    /** Canonical text for data hashes. */
    public String key() {
        return "first=" + firstSeconds.map(String::valueOf).orElse("all") + ";start="
                + startAt.name().toLowerCase(Locale.ROOT) + (startAt == StartAt.FIRST_SOUND ? ";silence_db="
                + silenceDb : "");
    }
}
