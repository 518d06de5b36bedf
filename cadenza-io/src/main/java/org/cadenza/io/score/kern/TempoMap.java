package org.cadenza.io.score.kern;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Quarter notes to seconds under the {@code *MM} tempo changes of a kern file, each in force from its line on, in
 * every spine.
 */
final class TempoMap {

    private final List<Double> quarters = new ArrayList<>();  // where each tempo starts, quarter notes
    private final List<Double> seconds = new ArrayList<>();   // seconds at that point
    private final List<Double> perQuarter = new ArrayList<>(); // seconds per quarter note from there

    /** @param bpm the tempo before any {@code *MM}, quarter notes per minute */
    TempoMap(double bpm) {
        quarters.add(0.0);
        seconds.add(0.0);
        perQuarter.add(60.0 / bpm);
    }

    /** A tempo of {@code bpm} quarter notes per minute from {@code at} on ({@code at} never before the last change). */
    void change(Quarters at, double bpm) {
        double q = at.toDouble();
        int last = quarters.size() - 1;
        if (q <= quarters.get(last)) {
            perQuarter.set(last, 60.0 / bpm); // the later of two changes at one time wins
            return;
        }
        seconds.add(seconds(at));
        quarters.add(q);
        perQuarter.add(60.0 / bpm);
    }

    /** Seconds from the start at {@code time} quarter notes. */
    double seconds(Quarters time) {
        double q = time.toDouble();
        int i = Collections.binarySearch(quarters, q);
        if (i < 0) {
            i = Math.max(0, -i - 2);
        }
        return seconds.get(i) + (q - quarters.get(i)) * perQuarter.get(i);
    }
}
