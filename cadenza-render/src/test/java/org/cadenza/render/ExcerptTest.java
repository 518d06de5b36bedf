package org.cadenza.render;

import static org.cadenza.render.TestMidi.PPQ;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import javax.sound.midi.Sequence;
import javax.sound.midi.Track;

import org.cadenza.io.BadInputException;
import org.cadenza.io.RealData;
import org.cadenza.io.audio.AudioClip;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link RenderSettings#startAtFirstNote()} and {@link RenderSettings#excerptSeconds()}. */
class ExcerptTest {

    private static final Path NAME = Path.of("excerpt.mid");
    private static final RenderSettings PIANO = RenderSettings.builder().optProgram(ProgramPolicy.parse("piano")).build();
    private static final int RATE = RenderSettings.DEFAULT_SAMPLE_RATE;
    private static MidiRenderer piano;
    private static MidiRenderer fromFirstNote;

    @BeforeAll
    static void open() {
        piano = new MidiRenderer(PIANO);
        fromFirstNote = new MidiRenderer(PIANO.toBuilder().optStartAtFirstNote(true).build());
    }

    @AfterAll
    static void close() {
        piano.close();
        fromFirstNote.close();
    }

    private static MidiRenderer renderer(RenderSettings s) {
        return new MidiRenderer(s);
    }

    /** A note every half second (a C major scale, repeated) for {@code seconds}. */
    private static Sequence scale(int seconds) {
        Sequence seq = TestMidi.sequence();
        Track t = seq.createTrack();
        int[] keys = {60, 62, 64, 65, 67, 69, 71, 72};
        for (int i = 0; i < 2 * seconds; i++) {
            TestMidi.note(t, 0, keys[i % keys.length], 90, (long) i * PPQ, (long) (i + 1) * PPQ);
        }
        return seq;
    }

    @Test
    void leadingSilenceIsDroppedFromTheFirstNote() {
        // A4 at 10 s (tick 9600) for 1 s
        Sequence seq = TestMidi.singleNote(69, 20 * PPQ, 22 * PPQ, null);
        AudioClip kept = piano.render(seq, NAME);
        assertEquals(10.0, TestMidi.onsetSeconds(kept.samples(), RATE, 1e-4f), 0.003, "default: onsets keep their time");

        AudioClip clip = fromFirstNote.render(seq, NAME);
        assertEquals(0.0, TestMidi.onsetSeconds(clip.samples(), RATE, 1e-4f), 0.003, "audio starts at the note");
        assertTrue(clip.durationSeconds() > 1.0 && clip.durationSeconds() < 1.0 + RenderSettings.RELEASE_LIMIT_SECONDS,
                "the note and its release, no leading silence: " + clip.durationSeconds());
        assertEquals(kept.durationSeconds() - 10.0, clip.durationSeconds(), 0.4, "10 s shorter");
        double at440 = TestMidi.dftMagnitude(clip.samples(), (int) (0.1 * RATE), (int) (0.9 * RATE), RATE, 440);
        double at400 = TestMidi.dftMagnitude(clip.samples(), (int) (0.1 * RATE), (int) (0.9 * RATE), RATE, 400);
        assertTrue(at440 > 5 * at400, "still an A4");
    }

    @Test
    void eventsBeforeTheFirstNoteStillTakeEffect() {
        // a violin program change at 0 s and the note at 5 s: the note must still sound as a violin
        Sequence late = TestMidi.singleNote(67, 10 * PPQ, 12 * PPQ, 40);
        Sequence early = TestMidi.singleNote(67, 0, 2 * PPQ, 40);
        Sequence pianoNote = TestMidi.singleNote(67, 0, 2 * PPQ, null);
        try (MidiRenderer original = renderer(RenderSettings.DEFAULTS.toBuilder().optStartAtFirstNote(true).build())) {
            AudioClip lateViolin = original.render(late, NAME);
            AudioClip earlyViolin = original.render(early, NAME);
            AudioClip piano0 = original.render(pianoNote, NAME);
            assertEquals(0.0, TestMidi.onsetSeconds(lateViolin.samples(), RATE, 1e-4f), 0.003);
            double sameViolin = relativeError(lateViolin.samples(), earlyViolin.samples());
            assertTrue(sameViolin < 1e-3, "sounds like the same violin note at 0 s: relative error " + sameViolin);
            double notPiano = relativeError(lateViolin.samples(), piano0.samples());
            assertTrue(notPiano > 0.1, "not the default piano: relative difference " + notPiano);
        }
    }

    /** Energy of {@code a - b} over the energy of {@code b}, on their common length. */
    private static double relativeError(float[] a, float[] b) {
        int n = Math.min(a.length, b.length);
        double diff = 0;
        double energy = 0;
        for (int i = 0; i < n; i++) {
            diff += Math.pow(a[i] - b[i], 2);
            energy += Math.pow(b[i], 2);
        }
        return diff / energy;
    }

    @Test
    void fromTheFirstNoteANoteAtZeroIsSampleExact() {
        // the gervill-1 default (kept so that cached renders stay valid) plays events of the first 20 ms one control
        // period (220 frames) late; rendering from the first note places them exactly: the same first note, 220 frames
        // earlier (the next notes, at 0.5 s and on, are on time in both)
        Sequence seq = scale(3);
        float[] late = piano.render(seq, NAME).samples();
        float[] exact = fromFirstNote.render(seq, NAME).samples();
        assertEquals(0.0, TestMidi.onsetSeconds(exact, RATE, 1e-4f), 0.001);
        int period = (int) (RATE / RenderSettings.CONTROL_RATE_HZ);
        assertEquals((double) period / RATE, TestMidi.onsetSeconds(late, RATE, 1e-4f), 0.001);
        int firstNote = (int) (0.45 * RATE);
        assertArrayEquals(Arrays.copyOfRange(late, period, period + firstNote), Arrays.copyOf(exact, firstNote));
    }

    @Test
    void theExcerptIsAPrefixOfTheWholeRenderCutAtItsEnd() {
        Sequence seq = scale(8);
        float[] whole = piano.render(seq, NAME).samples();
        try (MidiRenderer r = renderer(PIANO.toBuilder().optExcerptSeconds(3.0).build())) {
            float[] excerpt = r.render(seq, NAME).samples();
            assertEquals(3 * RATE, excerpt.length, "exactly 3 s");
            assertArrayEquals(Arrays.copyOf(whole, 3 * RATE), excerpt, "the first 3 s of the whole render");
        }
        // the cut falls in a release tail: one note from 0 to 1 s, excerpt 1.2 s; the tail is cut there
        Sequence one = TestMidi.singleNote(60, 0, 2 * PPQ, null);
        float[] full = piano.render(one, NAME).samples();
        assertTrue(full.length > 1.3 * RATE, "the release goes on past 1.2 s: " + full.length);
        try (MidiRenderer r = renderer(PIANO.toBuilder().optExcerptSeconds(1.2).build())) {
            float[] cut = r.render(one, NAME).samples();
            assertEquals(Math.round(1.2 * RATE), cut.length);
            assertArrayEquals(Arrays.copyOf(full, cut.length), cut);
        }
    }

    @Test
    void anExcerptLongerThanThePieceChangesNothing() {
        Sequence seq = scale(2);
        try (MidiRenderer r = renderer(PIANO.toBuilder().optExcerptSeconds(60).build())) {
            assertArrayEquals(piano.render(seq, NAME).samples(), r.render(seq, NAME).samples(),
                    "trailing silence trimmed as always");
        }
    }

    @Test
    void excerptCountsFromTheFirstNote() {
        // 10 s of silence, then 8 s of scale; 2-s excerpt from the first note
        Sequence seq = TestMidi.sequence();
        Track t = seq.createTrack();
        for (int i = 0; i < 16; i++) {
            TestMidi.note(t, 0, 60 + i, 90, (long) (20 + i) * PPQ, (long) (21 + i) * PPQ);
        }
        RenderSettings s = PIANO.toBuilder().optStartAtFirstNote(true).optExcerptSeconds(2.0).build();
        try (MidiRenderer r = renderer(s)) {
            AudioClip clip = r.render(seq, NAME);
            assertEquals(2 * RATE, clip.samples().length);
            assertEquals(0.0, TestMidi.onsetSeconds(clip.samples(), RATE, 1e-4f), 0.003);
            float[] whole = fromFirstNote.render(seq, NAME).samples();
            assertArrayEquals(Arrays.copyOf(whole, 2 * RATE), clip.samples());
        }
        // counted from the file's start, a 5-s excerpt holds only silence: refused, with the reason
        try (MidiRenderer r = renderer(PIANO.toBuilder().optExcerptSeconds(5).build())) {
            BadInputException e = assertThrows(BadInputException.class, () -> r.render(seq, NAME));
            assertTrue(e.problem().contains("first note is at 10.0 s"), e.problem());
        }
    }

    @Test
    void renderingStopsAtTheExcerptEnd() {
        // two hours of triads, a chord every half second: rendering all of it takes far longer than the 2-s time
        // limit (a single-note hour takes 2.6 s here), the 2-s excerpt a few milliseconds. maxSeconds applies to what
        // is rendered, so the 2-hour file passes a 60-s limit.
        Sequence seq = TestMidi.sequence();
        Track t = seq.createTrack();
        for (int i = 0; i < 2 * 7200; i++) {
            for (int k : new int[] {48, 52, 55}) {
                TestMidi.note(t, 0, k + i % 12, 90, (long) i * PPQ, (long) (i + 1) * PPQ);
            }
        }
        RenderSettings s = PIANO.toBuilder().optExcerptSeconds(2.0).optTimeLimit(Duration.ofSeconds(2))
                .optMaxSeconds(60).build();
        try (MidiRenderer r = renderer(s)) {
            AudioClip clip = r.render(seq, NAME);
            assertEquals(2.0, clip.durationSeconds(), 1e-9);
        }
        // an excerpt longer than maxSeconds still respects it: 15 s of music, a 20-s excerpt, a 10-s limit
        RenderSettings longExcerpt = PIANO.toBuilder().optExcerptSeconds(20).optMaxSeconds(10).build();
        try (MidiRenderer r = renderer(longExcerpt)) {
            org.cadenza.io.ResourceLimitException e = assertThrows(org.cadenza.io.ResourceLimitException.class,
                    () -> r.render(scale(15), NAME));
            assertTrue(e.problem().startsWith("15 s of music"), e.problem());
        }
    }

    @Test
    void aRealFileSilentFor268SecondsStartsAtItsFirstNote() {
        // the asap-composer10 peers found this performance silent for its first 268 s
        Path midi = RealData.require("the test on a real MIDI file", "asap", "bach", "Fugue", "bwv_880", "Sun02.mid");
        RenderSettings s = RenderSettings.DEFAULTS.toBuilder().optStartAtFirstNote(true).optExcerptSeconds(10).build();
        try (MidiRenderer r = renderer(s)) {
            AudioClip clip = r.render(midi);
            assertEquals(10.0, clip.durationSeconds(), 1e-9);
            assertTrue(TestMidi.onsetSeconds(clip.samples(), RATE, 1e-3f) < 0.05,
                    "sound within 50 ms: " + TestMidi.onsetSeconds(clip.samples(), RATE, 1e-3f));
        }
    }
}
