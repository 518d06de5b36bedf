package org.cadenza.features.instruments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import org.cadenza.io.midi.Note;
import org.cadenza.io.midi.NoteSequence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Labels of hand-built MIDI files written with javax.sound.midi and read back through NoteReader. */
class InstrumentLabelsTest {

    private static final double MIN = InstrumentLabels.DEFAULT_MIN_SOUNDING_SECONDS;
    private final InstrumentMap map = InstrumentMap.builtIn();

    @TempDir
    Path dir;

    @Test
    void stringQuartetGivesViolinViolaCello() throws Exception {
        TestMidi midi = new TestMidi();
        int[] programs = {40, 40, 41, 42};
        for (int ch = 0; ch < 4; ch++) {
            midi.track().program(ch, programs[ch], 0);
            for (int beat = 0; beat < 8; beat++) {
                midi.note(ch, 76 - 7 * ch, beat * 0.5, beat * 0.5 + 0.45);
            }
        }
        NoteSequence seq = midi.writeAndRead(dir, "quartet.mid");
        assertEquals(32, seq.notes().size());
        assertEquals(Set.of("violin", "viola", "cello"), InstrumentLabels.ofPiece(seq, map));
        assertEquals(Set.of("violin", "viola", "cello"), InstrumentLabels.ofWindow(seq, 0, 4, map, MIN));
        assertEquals(Set.of(), InstrumentLabels.ofWindow(seq, 4, 8, map, MIN), "silence after the last note");
    }

    @Test
    void programChangeInMidTrackChangesTheLabelsOfLaterWindows() throws Exception {
        // one track, channel 0: piano for 5 s, then at 5 s a program change to flute, notes until 10 s
        TestMidi midi = new TestMidi().track().program(0, 0, 0);
        for (int i = 0; i < 10; i++) {
            midi.note(0, 60 + i, i * 0.5, i * 0.5 + 0.5);
        }
        midi.program(0, 73, 5.0);
        for (int i = 0; i < 10; i++) {
            midi.note(0, 72 + i, 5.0 + i * 0.5, 5.0 + i * 0.5 + 0.5);
        }
        NoteSequence seq = midi.writeAndRead(dir, "change.mid");
        assertEquals(Set.of(0, 73), programsOf(seq), "NoteReader gives each note the program at its onset");
        assertEquals(Set.of("piano", "flute"), InstrumentLabels.ofPiece(seq, map));
        List<SortedSet<String>> w = InstrumentLabels.ofWindows(seq,
                List.of(new double[] {0, 5}, new double[] {5, 10}, new double[] {2.5, 7.5}), map, MIN);
        assertEquals(Set.of("piano"), w.get(0));
        assertEquals(Set.of("flute"), w.get(1));
        assertEquals(Set.of("flute", "piano"), w.get(2));
    }

    @Test
    void channelTenDrumsArePercussionWhateverTheProgram() throws Exception {
        TestMidi midi = new TestMidi()
                .track().program(9, 40, 0).note(9, 36, 0, 1).note(9, 38, 1, 2)  // "violin" on channel 10
                .track().program(0, 0, 0).note(0, 60, 0, 2);
        NoteSequence seq = midi.writeAndRead(dir, "drums.mid");
        assertEquals(Set.of("percussion", "piano"), InstrumentLabels.ofPiece(seq, map));
        assertEquals(Set.of("percussion", "piano"), InstrumentLabels.ofWindow(seq, 0, 2, map, MIN));
    }

    @Test
    void aShortTailSpillingIntoTheWindowDoesNotCount() throws Exception {
        // a cello chord held until 10.2 s, then the violin alone from 10 s: the window [10, 20) gets 0.2 s of cello
        TestMidi midi = new TestMidi()
                .track().program(0, 42, 0).note(0, 36, 0, 10.2).note(0, 43, 0, 10.2).note(0, 48, 0, 10.2)
                .track().program(1, 40, 0).note(1, 76, 10, 20);
        NoteSequence seq = midi.writeAndRead(dir, "tail.mid");
        // three notes' tails: 0.6 s summed, but the cello sounds only 0.2 s of the window
        assertEquals(Set.of("violin"), InstrumentLabels.ofWindow(seq, 10, 20, map, MIN));
        assertEquals(Set.of("cello", "violin"), InstrumentLabels.ofWindow(seq, 10, 20, map, 0.1));
        assertEquals(Set.of("cello", "violin"), InstrumentLabels.ofWindow(seq, 10, 20, map, 0));
        assertEquals(Set.of("cello"), InstrumentLabels.ofWindow(seq, 0, 10, map, MIN));
    }

    @Test
    void soundingTimeIsSummedOverSeparateNotes() {
        // violin: four notes of 0.1 s at 0, 1, 2, 3 s: 0.4 s in [0, 4); 0.2 s in [1.5, 3.5)
        List<Note> notes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            notes.add(new Note(70, i, i + 0.1, 80, 0, 40, 0));
        }
        NoteSequence seq = NoteSequence.of(notes);
        assertEquals(Set.of("violin"), InstrumentLabels.ofWindow(seq, 0, 4, map, MIN));
        assertEquals(Set.of(), InstrumentLabels.ofWindow(seq, 1.5, 3.5, map, MIN));
        assertEquals(Set.of("violin"), InstrumentLabels.ofWindow(seq, 1.5, 3.5, map, 0.2 - 1e-9));
    }

    @Test
    void ofWindowsAgreesWithOfWindowOnManyOverlappingWindows() {
        List<Note> notes = new ArrayList<>();
        int[] programs = {0, 40, 42, 60, 73};
        java.util.Random rnd = new java.util.Random(7);
        for (int i = 0; i < 400; i++) {
            double on = rnd.nextDouble() * 100;
            notes.add(new Note(40 + rnd.nextInt(40), on, on + rnd.nextDouble() * 2, 80, rnd.nextInt(6),
                    programs[rnd.nextInt(programs.length)], 0));
        }
        NoteSequence seq = NoteSequence.of(notes);
        List<double[]> spans = new ArrayList<>();
        for (double t = 0; t < 100; t += 1.5) {
            spans.add(new double[] {t, t + 3});
        }
        spans.add(new double[] {200, 230});
        List<SortedSet<String>> all = InstrumentLabels.ofWindows(seq, spans, map, MIN);
        assertEquals(spans.size(), all.size());
        for (int i = 0; i < spans.size(); i++) {
            double[] s = spans.get(i);
            assertEquals(bruteForce(seq, s[0], s[1]), all.get(i), "window " + s[0] + " .. " + s[1]);
        }
        assertEquals(Set.of(), all.get(all.size() - 1));
    }

    @Test
    void badSpansAndThresholdsAreRefused() {
        NoteSequence seq = NoteSequence.of(List.of(Note.of(60, 0, 1, 80)));
        assertThrows(IllegalArgumentException.class, () -> InstrumentLabels.ofWindow(seq, 2, 2, map, MIN));
        assertThrows(IllegalArgumentException.class, () -> InstrumentLabels.ofWindow(seq, 0, Double.NaN, map, MIN));
        assertThrows(IllegalArgumentException.class, () -> InstrumentLabels.ofWindow(seq, 0, 1, map, -0.1));
        assertThrows(IllegalArgumentException.class,
                () -> InstrumentLabels.ofWindows(seq, List.of(new double[] {0}), map, MIN));
    }

    @Test
    void multiHotFollowsTheVocabularyOrderAndIgnoresDroppedFamilies() {
        SortedSet<String> labels = new TreeSet<>(List.of("cello", "tuba", "violin"));
        assertArrayEquals(new float[] {0, 1, 0, 1}, InstrumentLabels.multiHot(labels,
                List.of("viola", "violin", "piano", "cello")));
        assertArrayEquals(new float[] {0, 0}, InstrumentLabels.multiHot(new TreeSet<>(), List.of("a", "b")));
        assertThrows(IllegalArgumentException.class,
                () -> InstrumentLabels.multiHot(labels, List.of("cello", "cello")));
    }

    private static Set<Integer> programsOf(NoteSequence seq) {
        Set<Integer> out = new TreeSet<>();
        seq.notes().forEach(n -> out.add(n.program()));
        return out;
    }

    /** The definition, step by step: per family, its sounding time on a 1 ms grid over the window. */
    private SortedSet<String> bruteForce(NoteSequence seq, double from, double to) {
        java.util.Map<String, Integer> ms = new java.util.TreeMap<>();
        int steps = (int) Math.round((to - from) * 1000);
        for (int k = 0; k < steps; k++) {
            double t = from + (k + 0.5) / 1000;
            Set<String> now = new TreeSet<>();
            for (Note n : seq.notes()) {
                if (n.onsetSeconds() <= t && t < n.offsetSeconds()) {
                    now.add(map.familyOf(n.program(), n.channel()));
                }
            }
            now.forEach(f -> ms.merge(f, 1, Integer::sum));
        }
        SortedSet<String> exact = InstrumentLabels.ofWindow(seq, from, to, map, MIN);
        SortedSet<String> out = new TreeSet<>();
        ms.forEach((family, count) -> {
            double seconds = count / 1000.0;
            // within 2 ms of the threshold a 1 ms grid cannot decide: take the exact answer's word for it
            if (seconds >= MIN + 0.002 || (seconds > MIN - 0.002 && exact.contains(family))) {
                out.add(family);
            }
        });
        return out;
    }
}
