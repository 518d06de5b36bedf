package org.cadenza.corpus.copies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.cadenza.corpus.ContentHash;
import org.cadenza.io.midi.NoteReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Byte, note and near copies of tiny MIDI pieces: each kind found, the strongest kind wins, unrelated pieces and
 * recordings are not copies.
 */
class CopyIndexTest {

    private static final NearCopyRule RULE = NearCopyRule.DEFAULT;

    private static Fingerprint print(Path f) throws Exception {
        return Fingerprint.of(f, ContentHash.of(f), RULE);
    }

    /** The training melody with every 20th pitch changed (the first at note 3, so the opening differs). */
    private static int[] varied(int[] melody) {
        int[] p = melody.clone();
        for (int i = 3; i < p.length; i += 20) {
            p[i] = p[i] == 84 ? 60 : p[i] + 1;
        }
        return p;
    }

    @Test
    void findsEachKindOfCopy(@TempDir Path tmp) throws Exception {
        int[] melody = CopyMidi.melody(1, 200);
        Path training = CopyMidi.write(tmp.resolve("train/t.mid"), melody, CopyMidi.Style.PLAIN);
        Path other = CopyMidi.write(tmp.resolve("train/u.mid"), CopyMidi.melody(7, 200), CopyMidi.Style.PLAIN);
        Map<String, Fingerprint> files = new LinkedHashMap<>();
        files.put("t", print(training));
        files.put("u", print(other));
        CopyIndex<String> index = new CopyIndex<>(files, RULE);

        Path bytes = Files.copy(training, tmp.resolve("byte.mid"));
        // the same notes in other bytes: resolution 960, the tempo event twice, another track name, other velocities
        Path notes = CopyMidi.write(tmp.resolve("notes.mid"), melody,
                new CopyMidi.Style(960, 120, "Klavier", 50, 0, true));
        assertNotEquals(ContentHash.of(training), ContentHash.of(notes));
        // a performance: slower, a rolled accompaniment 20 ms late, one pitch in 20 changed
        Path near = CopyMidi.write(tmp.resolve("near.mid"), varied(melody),
                new CopyMidi.Style(480, 100, "Piano", 80, 0.02, false));
        Path unrelated = CopyMidi.write(tmp.resolve("unrelated.mid"), CopyMidi.melody(2, 200), CopyMidi.Style.PLAIN);

        CopyIndex.Match<String> b = index.copyOf(print(bytes)).orElseThrow();
        assertEquals(CopyKind.BYTE, b.kind());
        assertEquals("t", b.of());
        CopyIndex.Match<String> n = index.copyOf(print(notes)).orElseThrow();
        assertEquals(CopyKind.NOTES, n.kind());
        assertEquals("t", n.of());
        CopyIndex.Match<String> m = index.copyOf(print(near)).orElseThrow();
        assertEquals(CopyKind.NEAR, m.kind());
        assertEquals("t", m.of());
        // 10 changes kill at most 80 of 193 shingles
        assertTrue(m.containment() >= 0.55 && m.containment() < 1, "containment " + m.containment());
        assertEquals(Optional.empty(), index.copyOf(print(unrelated)));
        assertTrue(index.maxContainment(print(unrelated)) < 0.05, "" + index.maxContainment(print(unrelated)));
    }

    @Test
    void theSameOpeningIsANearCopyEvenWhenTheRestDiffers(@TempDir Path tmp) throws Exception {
        int[] a = CopyMidi.melody(3, 1000);
        int[] b = CopyMidi.melody(4, 1000);
        System.arraycopy(a, 0, b, 0, 120);
        Path fa = CopyMidi.write(tmp.resolve("a.mid"), a, CopyMidi.Style.PLAIN);
        Path fb = CopyMidi.write(tmp.resolve("b.mid"), b, CopyMidi.Style.PLAIN);
        CopyIndex<String> index = new CopyIndex<>(Map.of("a", print(fa)), RULE);
        CopyIndex.Match<String> m = index.copyOf(print(fb)).orElseThrow();
        assertEquals(CopyKind.NEAR, m.kind());
        assertTrue(m.containment() < RULE.minContainment(), "by the opening, not the shingles: " + m.containment());
        // one pitch changed in the opening (120 pitches: 60 melody notes and their accompaniment): no longer a copy
        b[50] = b[50] == 84 ? 60 : b[50] + 1;
        Path fc = CopyMidi.write(tmp.resolve("c.mid"), b, CopyMidi.Style.PLAIN);
        assertEquals(Optional.empty(), index.copyOf(print(fc)));
    }

    @Test
    void noteHashIgnoresBytesButNotTiming(@TempDir Path tmp) throws Exception {
        int[] melody = CopyMidi.melody(5, 40);
        Path plain = CopyMidi.write(tmp.resolve("plain.mid"), melody, CopyMidi.Style.PLAIN);
        Path resaved = CopyMidi.write(tmp.resolve("resaved.mid"), melody,
                new CopyMidi.Style(96, 120, "another name", 127, 0, true));
        Path slower = CopyMidi.write(tmp.resolve("slower.mid"), melody,
                new CopyMidi.Style(480, 119, "Piano", 80, 0, false));
        String h = NoteHash.of(NoteReader.read(plain, org.cadenza.io.midi.MidiLimits.DEFAULTS,
                NoteReader.Pedal.IGNORE));
        assertEquals(64, h.length());
        assertEquals(h, print(resaved).noteHash().orElseThrow());
        assertEquals(h, print(plain).noteHash().orElseThrow());
        assertNotEquals(h, print(slower).noteHash().orElseThrow());
        // a 1-s rest before the first note does not count
        assertEquals(NoteHash.of(org.cadenza.io.midi.NoteSequence.of(java.util.List.of(
                        org.cadenza.io.midi.Note.of(60, 0, 0.5, 80), org.cadenza.io.midi.Note.of(64, 0.5, 1, 80)))),
                NoteHash.of(org.cadenza.io.midi.NoteSequence.of(java.util.List.of(
                        org.cadenza.io.midi.Note.of(60, 1, 1.5, 90), org.cadenza.io.midi.Note.of(64, 1.5, 2, 90)))));
    }

    @Test
    void recordingsAndBadFilesAreComparedByContentOnly(@TempDir Path tmp) throws Exception {
        Path wav = Files.write(tmp.resolve("x.wav"), new byte[] {'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'A', 'V', 'E'});
        Fingerprint w = print(wav);
        assertEquals(Optional.of("a recording"), w.notesProblem());
        assertTrue(w.noteHash().isEmpty() && w.profile().isEmpty());
        Path bad = Files.write(tmp.resolve("bad.mid"), new byte[] {'M', 'T', 'h', 'd', 0, 0, 0, 6, 0});
        Fingerprint f = print(bad);
        assertTrue(f.notesProblem().isPresent() && f.noteHash().isEmpty(), f.toString());
        Fingerprint missing = Fingerprint.of(tmp.resolve("gone.mid"), "abc", RULE);
        assertTrue(missing.notesProblem().orElseThrow().startsWith("missing"), missing.toString());

        // a recording is still found as a byte copy
        CopyIndex<String> index = new CopyIndex<>(Map.of("w", w), RULE);
        Path copy = Files.copy(wav, tmp.resolve("y.wav"));
        assertEquals(CopyKind.BYTE, index.copyOf(print(copy)).orElseThrow().kind());
        assertFalse(index.copyOf(print(bad)).isPresent());
        assertEquals(Map.of("w", "a recording"), index.withoutNotes());
    }

    @Test
    void refusesAnImpossibleRule() {
        assertThrows(IllegalArgumentException.class, () -> RULE.withMinContainment(1.5));
        assertThrows(IllegalArgumentException.class, () -> new NearCopyRule(120, 0.05, 8, 9, 50, 0.25));
    }
}
