package org.cadenza.features.symbolic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.cadenza.io.midi.Note;

/**
 * The 86 features that {@link FeatureSet#EXTENDED} adds after the base ones (their table is in
 * {@code docs/SYMBOLIC_FEATURES.md}), in order:
 * <ol>
 *   <li>{@code family_*} (16): proportion of pitched notes per General MIDI instrument family ({@code program / 8}:
 *       piano, chromatic percussion, organ, ..., sound effects).</li>
 *   <li>{@code parts_log}, {@code voices_log}: {@code ln(1 + n)} of the distinct tracks, and of the distinct
 *       (track, channel, program) triples, that hold pitched notes.</li>
 *   <li>{@code relative_ioi_m4 .. _p4} (9): inter-onset intervals between onset groups as {@code round(log2(ioi /
 *       median ioi))}, clipped to -4..4: the rhythm in units of the piece's own pulse, the same at any tempo (a
 *       score read at a default tempo, a performance, a sequence).</li>
 *   <li>{@code relative_duration_m4 .. _p4} (9): note durations the same way, in units of the median inter-onset
 *       interval.</li>
 *   <li>{@code melody_signed_interval_m12 .. _p12} (25) and {@code bass_signed_interval_m12 .. _p12} (25): the
 *       melody's and the bass line's intervals with their direction, clipped to an octave either way (the peers'
 *       top-voice interval histogram).</li>
 * </ol>
 * Percussion is left out, as everywhere in {@link SymbolicFeatures}. Histograms hold proportions (all 0 when they
 * counted nothing), as in {@link SymbolicFeatures}.
 */
final class TempoFreeFeatures {

    static final String[] FAMILIES = {"piano", "chromatic_percussion", "organ", "guitar", "bass", "strings",
            "ensemble", "brass", "reed", "pipe", "synth_lead", "synth_pad", "synth_effects", "ethnic", "percussive",
            "sound_effects"};
    private static final int RELATIVE = 4;
    private static final int SIGNED = 12;
    /** The names, in order. */
    static final List<String> NAMES = List.copyOf(buildNames());

    private TempoFreeFeatures() {
    }

    private static List<String> buildNames() {
        List<String> n = new ArrayList<>();
        for (String f : FAMILIES) {
            n.add("family_" + f);
        }
        n.addAll(List.of("parts_log", "voices_log"));
        for (String what : List.of("relative_ioi", "relative_duration")) {
            for (int k = -RELATIVE; k <= RELATIVE; k++) {
                n.add(what + "_" + signed(k));
            }
        }
        for (String line : List.of("melody", "bass")) {
            for (int d = -SIGNED; d <= SIGNED; d++) {
                n.add(line + "_signed_interval_" + signed(d));
            }
        }
        return n;
    }

    private static String signed(int k) {
        return (k < 0 ? "m" : "p") + Math.abs(k);
    }

    /**
     * @param pitched     the pitched notes, in onset order
     * @param iois        the inter-onset intervals of the onset groups, seconds
     * @param melody      the melody line's pitches
     * @param bass        the bass line's pitches
     */
    static double[] compute(List<Note> pitched, double[] iois, List<Integer> melody, List<Integer> bass) {
        double[] out = new double[NAMES.size()];
        int o = 0;
        Set<Integer> tracks = new HashSet<>();
        Set<List<Integer>> voices = new HashSet<>();
        for (Note n : pitched) {
            out[o + n.program() / 8] += 1.0 / pitched.size();
            tracks.add(n.track());
            voices.add(List.of(n.track(), n.channel(), n.program()));
        }
        o += FAMILIES.length;
        out[o++] = Math.log1p(tracks.size());
        out[o++] = Math.log1p(voices.size());
        double pulse = SymbolicFeatures.Stats.of(Arrays.stream(iois).filter(v -> v > 0).toArray()).median();
        if (pulse > 0) {
            for (double ioi : iois) {
                out[o + relativeBin(ioi, pulse)] += 1.0 / iois.length;
            }
            for (Note n : pitched) {
                out[o + 2 * RELATIVE + 1 + relativeBin(n.durationSeconds(), pulse)] += 1.0 / pitched.size();
            }
        }
        o += 2 * (2 * RELATIVE + 1);
        o = signedIntervals(out, o, melody);
        signedIntervals(out, o, bass);
        return out;
    }

    private static int relativeBin(double seconds, double pulse) {
        if (!(seconds > 0)) {
            return 0;
        }
        long k = Math.round(Math.log(seconds / pulse) / Math.log(2));
        return (int) Math.max(-RELATIVE, Math.min(RELATIVE, k)) + RELATIVE;
    }

    private static int signedIntervals(double[] out, int o, List<Integer> line) {
        int n = line.size() - 1;
        for (int i = 0; i < n; i++) {
            int d = Math.max(-SIGNED, Math.min(SIGNED, line.get(i + 1) - line.get(i)));
            out[o + d + SIGNED] += 1.0 / n;
        }
        return o + 2 * SIGNED + 1;
    }
}
