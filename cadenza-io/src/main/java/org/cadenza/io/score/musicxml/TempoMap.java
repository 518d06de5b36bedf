package org.cadenza.io.score.musicxml;

import java.util.Arrays;
import java.util.List;

/**
 * Score time (quarter notes from the start of the first measure) to seconds, under tempo changes that apply from
 * their position on; {@link #DEFAULT_BPM} before the first.
 */
final class TempoMap {

    /** Tempo before any tempo mark, quarter notes per minute: 120 (MusicXML and MIDI's default). */
    static final double DEFAULT_BPM = 120.0;

    private final double[] quarters;  // change positions, the first 0
    private final double[] seconds;   // seconds at each change
    private final double[] secPerQuarter;

    /**
     * @param changes {quarter position, BPM} pairs, sorted by position, at most one per position, BPM &gt; 0
     */
    TempoMap(List<double[]> changes) {
        int n = changes.size() + (changes.isEmpty() || changes.get(0)[0] > 0 ? 1 : 0);
        quarters = new double[n];
        seconds = new double[n];
        secPerQuarter = new double[n];
        int i = 0;
        if (n > changes.size()) {
            secPerQuarter[i++] = 60.0 / DEFAULT_BPM;
        }
        for (double[] c : changes) {
            quarters[i] = c[0];
            secPerQuarter[i] = 60.0 / c[1];
            if (i > 0) {
                seconds[i] = seconds[i - 1] + (quarters[i] - quarters[i - 1]) * secPerQuarter[i - 1];
            }
            i++;
        }
    }

    /** Seconds at {@code quarter} (&gt;= 0) quarter notes from the start. */
    double seconds(double quarter) {
        int i = Arrays.binarySearch(quarters, quarter);
        if (i < 0) {
            i = Math.max(0, -i - 2);
        }
        return seconds[i] + (quarter - quarters[i]) * secPerQuarter[i];
    }
}
