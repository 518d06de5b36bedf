package org.cadenza.features.pianoroll;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where the fixed-length windows of a {@link PianoRoll} start: the piano-roll counterpart of the audio route's
 * {@code Windower}. Each start is read with {@link PianoRoll#window(int, int)}.
 *
 * <p>The rule, with durations converted by {@link PianoRoll#framesFor} ({@code round(seconds * fps)}):
 * <ol>
 *   <li>The first window starts at the first <em>sounding</em> frame (any frame-roll value above 0) among the
 *       frames that begin at or after {@code fromSeconds} (frame {@code ceil(fromSeconds * fps)} onwards), so
 *       leading silence is skipped. No sounding frame there: no windows.</li>
 *   <li>The span looked at is that first frame up to {@code maxSeconds} later ({@code framesFor(maxSeconds)}
 *       frames) or the end of the roll, whichever comes first; {@link Double#POSITIVE_INFINITY} means to the end.</li>
 *   <li>Windows start every hop inside the span. A window that fits in the span is kept; the last one, reaching
 *       past the span's end, is kept when at least half a window of it ({@code 2 * covered >= windowFrames}) lies
 *       inside the span. Its content past the roll's end is zero padding ({@link PianoRoll#window}); where
 *       {@code maxSeconds} cut the span, it holds the roll's real frames.</li>
 *   <li>Windows whose frames (inside the roll) hold no sounding note are skipped (a long rest, a silent gap between
 *       movements).</li>
 * </ol>
 */
public final class PianoRollWindows {

    private PianoRollWindows() {
    }

    /**
     * Start frames of the windows of {@code roll}, increasing; see the class comment for the rule.
     *
     * @param windowSeconds window length in seconds, at least one frame after rounding
     * @param hopSeconds    seconds between window starts, at least one frame after rounding
     * @param fromSeconds   look for the first sounding frame from here, seconds, finite, &gt;= 0
     * @param maxSeconds    only this many seconds from the first window's start, &gt; 0;
     *                      {@link Double#POSITIVE_INFINITY} for all
     * @return start frames for {@link PianoRoll#window(int, int)} with {@code framesFor(windowSeconds)} frames;
     *         empty when nothing sounds at or after {@code fromSeconds}
     * @throws IllegalArgumentException when a duration is out of range, naming it
     */
    public static List<Integer> starts(PianoRoll roll, double windowSeconds, double hopSeconds, double fromSeconds,
                                       double maxSeconds) {
        Objects.requireNonNull(roll, "roll");
        PianoRollParams p = roll.params();
        int win = atLeastOneFrame("windowSeconds", windowSeconds, p);
        int hop = atLeastOneFrame("hopSeconds", hopSeconds, p);
        if (!(fromSeconds >= 0) || Double.isInfinite(fromSeconds)) {
            throw new IllegalArgumentException("PianoRollWindows: fromSeconds must be finite and >= 0, got "
                    + fromSeconds);
        }
        if (!(maxSeconds > 0)) {
            throw new IllegalArgumentException("PianoRollWindows: maxSeconds must be > 0 (POSITIVE_INFINITY for all),"
                    + " got " + maxSeconds);
        }
        int frames = roll.frames();
        double fromFrame = Math.ceil(fromSeconds * p.framesPerSecond() - 1e-9);
        List<Integer> out = new ArrayList<>();
        if (fromFrame >= frames) {
            return out;
        }
        int first = firstSounding(roll, (int) fromFrame, frames);
        if (first < 0) {
            return out;
        }
        long end = frames;
        if (!Double.isInfinite(maxSeconds)) {
            end = Math.min(end, first + (long) Math.max(1, Math.round(maxSeconds * p.framesPerSecond())));
        }
        for (long s = first; s < end; s += hop) {
            long covered = Math.min(win, end - s);
            if (2 * covered < win) {
                break;
            }
            int start = (int) s;
            if (firstSounding(roll, start, (int) Math.min(frames, s + win)) >= 0) {
                out.add(start);
            }
        }
        return out;
    }

    private static int atLeastOneFrame(String name, double seconds, PianoRollParams p) {
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("PianoRollWindows: " + name + " must be a finite number of seconds > 0,"
                    + " got " + seconds);
        }
        int n = PianoRoll.framesFor(seconds, p);
        if (n < 1) {
            throw new IllegalArgumentException("PianoRollWindows: " + name + " = " + seconds + " s is less than one"
                    + " frame at " + p.framesPerSecond() + " frames/s (" + p.secondsPerFrame() + " s a frame)");
        }
        return n;
    }

    /** The first frame in {@code [from, to)} where the frame roll has a value above 0, or -1. */
    private static int firstSounding(PianoRoll roll, int from, int to) {
        float[][] frame = roll.frame();
        for (int t = from; t < to; t++) {
            for (float v : frame[t]) {
                if (v > 0) {
                    return t;
                }
            }
        }
        return -1;
    }
}
