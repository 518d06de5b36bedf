package org.cadenza.features.pianoroll;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.cadenza.io.Parameters;
import org.cadenza.io.midi.Note;
import org.cadenza.io.midi.NoteSequence;

/**
 * Onset and frame rolls of a piece: which pitches sound, and which start, in each time frame. The symbolic input of
 * the piano-roll CNN, made straight from the notes with no rendering (the two rolls of Onsets and Frames, Hawthorne
 * et al. 2018).
 *
 * <p>Definitions, with {@code fps = params.framesPerSecond()}:
 * <ul>
 *   <li>Frame {@code t} covers {@code [t / fps, (t + 1) / fps)} seconds; pitch index {@code p} is MIDI key
 *       {@code params.lowestPitch() + p}.</li>
 *   <li>Frame roll: a note {@code [onset, offset)} sounds in every frame its span overlaps, i.e. frames
 *       {@code floor(onset * fps)} to {@code ceil(offset * fps) - 1}; a note shorter than a frame (even of zero
 *       length) still marks the frame of its onset.</li>
 *   <li>Onset roll: the {@code params.onsetFrames()} frames starting at {@code floor(onset * fps)}, whatever the
 *       note's length.</li>
 *   <li>A marked cell holds 1 ({@link RollValue#BINARY}) or {@code velocity / 127} ({@link RollValue#VELOCITY});
 *       where notes of one pitch overlap, the larger value. Unmarked cells are 0.</li>
 *   <li>Percussion (MIDI channel 10, {@link Note#isPercussion()}) and pitches outside
 *       {@code [lowestPitch, highestPitch]} are left out; so is whatever lies at or past the end of the roll.</li>
 * </ul>
 * Frame boundaries are computed with a tolerance of 1e-9 frame, so a note starting at exactly {@code 0.1 s} at 10
 * frames/s starts in frame 1 despite floating-point rounding.
 *
 * <p>Immutable by convention: never mutate {@link #frame()} or {@link #onset()}; {@link #slice} copies.
 *
 * @param frame  the frame roll, shape {@code [time][pitch]}, values in [0, 1]
 * @param onset  the onset roll, same shape
 * @param params the parameters the rolls were made with
 */
public record PianoRoll(float[][] frame, float[][] onset, PianoRollParams params) {

    private static final double EPS = 1e-9;

    public PianoRoll {
        Parameters.nonNull("frame, onset, params", frame, onset, params);
        if (frame.length != onset.length) {
            throw new IllegalArgumentException("PianoRoll: the frame roll has " + frame.length
                    + " frames but the onset roll " + onset.length);
        }
        int pitches = params.pitches();
        for (int t = 0; t < frame.length; t++) {
            checkRow(frame[t], "frame", t, pitches);
            checkRow(onset[t], "onset", t, pitches);
        }
    }

    private static void checkRow(float[] row, String roll, int t, int pitches) {
        if (row == null || row.length != pitches) {
            throw new IllegalArgumentException("PianoRoll: " + roll + " roll frame " + t + " has "
                    + (row == null ? "no row" : row.length + " pitches") + ", expected " + pitches);
        }
    }

    /**
     * The rolls of {@code notes} over {@code [0, durationSeconds)}: {@code ceil(durationSeconds * fps)} frames (the
     * last, possibly partial, frame included), so a piece of 10.0 s at 16 frames/s has 160 frames and one of 10.01 s
     * has 161. Notes need not be sorted.
     *
     * @param durationSeconds length of the roll in seconds, finite, &gt;= 0 (usually the last note's offset)
     * @throws IllegalArgumentException when the duration is negative, not finite, or more than
     *                                  {@link Integer#MAX_VALUE} frames
     */
    public static PianoRoll of(List<Note> notes, double durationSeconds, PianoRollParams p) {
        Objects.requireNonNull(notes, "notes");
        Objects.requireNonNull(p, "params");
        if (!(durationSeconds >= 0) || Double.isInfinite(durationSeconds)) {
            throw new IllegalArgumentException("PianoRoll: duration must be a finite number of seconds >= 0, got "
                    + durationSeconds);
        }
        double fps = p.framesPerSecond();
        double exactFrames = Math.ceil(durationSeconds * fps - EPS);
        if (exactFrames > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("PianoRoll: " + durationSeconds + " s at " + fps
                    + " frames/s is too many frames");
        }
        int frames = (int) Math.max(0, exactFrames);
        int pitches = p.pitches();
        float[][] frame = new float[frames][pitches];
        float[][] onset = new float[frames][pitches];
        for (Note n : notes) {
            int pitch = n.pitch() - p.lowestPitch();
            if (n.isPercussion() || pitch < 0 || pitch >= pitches) {
                continue;
            }
            long first = (long) Math.floor(n.onsetSeconds() * fps + EPS);
            if (first >= frames) {
                continue;
            }
            long end = Math.max(first + 1, (long) Math.ceil(n.offsetSeconds() * fps - EPS));
            float v = p.value() == RollValue.BINARY ? 1f : n.velocity() / 127f;
            int f0 = (int) first;
            int f1 = (int) Math.min(frames, end);
            for (int t = f0; t < f1; t++) {
                frame[t][pitch] = Math.max(frame[t][pitch], v);
            }
            int o1 = (int) Math.min(frames, first + p.onsetFrames());
            for (int t = f0; t < o1; t++) {
                onset[t][pitch] = Math.max(onset[t][pitch], v);
            }
        }
        return new PianoRoll(frame, onset, p);
    }

    /** The rolls of a whole piece: {@link #of(List, double, PianoRollParams)} up to {@code seq.durationSeconds()}. */
    public static PianoRoll of(NoteSequence seq, PianoRollParams p) {
        Objects.requireNonNull(seq, "seq");
        return of(seq.notes(), seq.durationSeconds(), p);
    }

    /**
     * Frames in {@code seconds} at the parameters' frame rate: {@code round(seconds * fps)}.
     *
     * @throws IllegalArgumentException when {@code seconds} is negative or not finite, or the count exceeds
     *                                  {@link Integer#MAX_VALUE}
     */
    public static int framesFor(double seconds, PianoRollParams p) {
        Objects.requireNonNull(p, "params");
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("PianoRoll: seconds must be finite and >= 0, got " + seconds);
        }
        long frames = Math.round(seconds * p.framesPerSecond());
        if (frames > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("PianoRoll: " + seconds + " s is too many frames");
        }
        return (int) frames;
    }

    /** Number of time frames. */
    public int frames() {
        return frame.length;
    }

    /** Number of pitch rows ({@link PianoRollParams#pitches()}). */
    public int pitches() {
        return params.pitches();
    }

    /** Seconds per frame: {@code 1 / framesPerSecond}. */
    public double secondsPerFrame() {
        return params.secondsPerFrame();
    }

    /** Seconds covered by the frames: {@code frames * secondsPerFrame}. */
    public double durationSeconds() {
        return frames() * secondsPerFrame();
    }

    /**
     * Frames {@code [fromFrame, toFrame)} as a new roll (rows copied), frame {@code fromFrame} becoming frame 0.
     *
     * @throws IndexOutOfBoundsException unless {@code 0 <= fromFrame <= toFrame <= frames()}
     */
    public PianoRoll slice(int fromFrame, int toFrame) {
        if (fromFrame < 0 || toFrame < fromFrame || toFrame > frames()) {
            throw new IndexOutOfBoundsException("PianoRoll: slice " + fromFrame + ".." + toFrame + " of a roll with "
                    + frames() + " frames");
        }
        float[][] f = new float[toFrame - fromFrame][];
        float[][] o = new float[toFrame - fromFrame][];
        for (int t = fromFrame; t < toFrame; t++) {
            f[t - fromFrame] = frame[t].clone();
            o[t - fromFrame] = onset[t].clone();
        }
        return new PianoRoll(f, o, params);
    }

    /**
     * The CNN input for frames {@code [startFrame, startFrame + frames)}: a new array of {@code 2 * pitches * frames}
     * values laid out {@code [channel][pitch][frame]} row-major, channel 0 the frame roll and 1 the onset roll, so
     * element {@code (c, p, t)} is at {@code (c * pitches + p) * frames + t} (the tensor {@code (2, pitches, frames)}
     * of a batch {@code (batch, 2, 88, frames)}). Frames at or past the roll's end are 0 (zero padding).
     *
     * @param startFrame first frame, &gt;= 0 (may lie past the end: all zeros)
     * @param frames     window length in frames, &gt;= 1
     * @throws IllegalArgumentException when {@code startFrame < 0}, {@code frames < 1} or the window is too large for
     *                                  one array
     */
    public float[] window(int startFrame, int frames) {
        if (startFrame < 0 || frames < 1) {
            throw new IllegalArgumentException("PianoRoll: a window needs startFrame >= 0 and frames >= 1, got "
                    + startFrame + " and " + frames);
        }
        int pitches = pitches();
        long size = 2L * pitches * frames;
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("PianoRoll: a window of " + frames + " frames x " + pitches
                    + " pitches x 2 channels is too large for one array");
        }
        float[] out = new float[(int) size];
        int available = (int) Math.max(0, Math.min(frames, (long) frames() - startFrame));
        for (int t = 0; t < available; t++) {
            float[] f = frame[startFrame + t];
            float[] o = onset[startFrame + t];
            for (int p = 0; p < pitches; p++) {
                out[p * frames + t] = f[p];
                out[(pitches + p) * frames + t] = o[p];
            }
        }
        return out;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PianoRoll r && params.equals(r.params) && Arrays.deepEquals(frame, r.frame)
                && Arrays.deepEquals(onset, r.onset);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * params.hashCode() + Arrays.deepHashCode(frame)) + Arrays.deepHashCode(onset);
    }

    @Override
    public String toString() {
        return "PianoRoll[" + frames() + " frames x " + pitches() + " pitches, " + params.key() + "]";
    }
}
