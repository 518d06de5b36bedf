package org.cadenza.render;

import static org.cadenza.render.TestMidi.PPQ;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.Track;

import org.cadenza.io.BadInputException;
import org.cadenza.io.ResourceLimitException;
import org.cadenza.io.audio.AudioClip;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MidiRendererTest {

    private static final RenderSettings PIANO = RenderSettings.builder().optProgram(ProgramPolicy.parse("piano")).build();
    private static MidiRenderer piano;
    private static MidiRenderer original;

    @TempDir
    Path tmp;

    @BeforeAll
    static void open() {
        piano = new MidiRenderer(PIANO);
        original = new MidiRenderer(RenderSettings.DEFAULTS);
    }

    @AfterAll
    static void close() {
        piano.close();
        original.close();
    }

    @Test
    void a4NoteRendersMonoAudioAt440Hz() {
        // A4 from 0.5 s to 1.5 s (120 BPM, 480 ticks per quarter = 0.5 s)
        AudioClip clip = piano.render(TestMidi.singleNote(69, PPQ, 3 * PPQ, null), Path.of("a4.mid"));
        assertEquals(1, clip.channels());
        assertEquals(RenderSettings.DEFAULT_SAMPLE_RATE, clip.sampleRate());
        int rate = clip.sampleRate();
        float[] x = clip.samples();
        int from = (int) (0.6 * rate);
        int to = (int) (1.1 * rate);
        double bestHz = TestMidi.dominantHz(x, from, to, rate, 100, 2000, 1);
        assertEquals(440.0, bestHz, 4.0, "dominant frequency of a rendered A4");
        double best = TestMidi.dftMagnitude(x, from, to, rate, bestHz);
        double octaveBelow = TestMidi.dftMagnitude(x, from, to, rate, 220.0);
        assertTrue(best > 5 * octaveBelow, "440 Hz clearly dominates 220 Hz");
    }

    @Test
    void lengthIsTheNotePlusItsTrimmedReleaseTail() {
        AudioClip clip = piano.render(TestMidi.singleNote(69, PPQ, 3 * PPQ, null), Path.of("a4.mid"));
        double noteEnd = 1.5;
        double d = clip.durationSeconds();
        assertTrue(d > noteEnd + RenderSettings.TRIM_KEEP_SECONDS,
                "the note sounds until its note-off and then releases: " + d + " s");
        assertTrue(d < noteEnd + RenderSettings.RELEASE_LIMIT_SECONDS, "no long silent tail: " + d + " s");
        assertTrimmedTail(clip, PIANO);
        // nothing audible before the onset at 0.5 s (leading silence is kept)
        double onset = TestMidi.onsetSeconds(clip.samples(), clip.sampleRate(), 1e-4f);
        assertEquals(0.5, onset, 0.003);
    }

    @Test
    void trailingSilenceAfterTheLastNoteIsCut() {
        // the note ends at 1.0 s, but a silent controller event at 10 s makes the MIDI 10 s long
        Sequence seq = TestMidi.singleNote(60, 0, 2 * PPQ, null);
        TestMidi.controller(seq.getTracks()[0], 0, 7, 100, 20 * PPQ);
        AudioClip clip = piano.render(seq, Path.of("tail.mid"));
        assertTrue(clip.durationSeconds() < 1.0 + RenderSettings.RELEASE_LIMIT_SECONDS,
                "silence up to the 10 s event is cut: " + clip.durationSeconds());
        assertTrimmedTail(clip, PIANO);
    }

    /** The last TRIM_KEEP_SECONDS are below the threshold and the sample just before them is not. */
    private static void assertTrimmedTail(AudioClip clip, RenderSettings s) {
        float[] x = clip.samples();
        int keep = (int) Math.round(RenderSettings.TRIM_KEEP_SECONDS * clip.sampleRate());
        double thr = s.trimThresholdAmplitude();
        int lastLoud = x.length - keep - 1;
        assertTrue(Math.abs(x[lastLoud]) >= thr, "sample before the kept tail reaches the threshold");
        for (int i = lastLoud + 1; i < x.length; i++) {
            assertTrue(Math.abs(x[i]) < thr, "kept tail is below the threshold at " + i);
        }
    }

    @Test
    void tempoChangeMovesTheOnsetToTheHandComputedTime() {
        // conductor track: 120 BPM, then 60 BPM from tick 960 (= 1.0 s); note on track 1 at tick 1440:
        // 1.0 s + 480 ticks at 1 s per quarter = 2.0 s (at a constant 120 BPM it would be 1.5 s)
        Sequence seq = TestMidi.tempoChangeThenNote();
        AudioClip clip = piano.render(seq, Path.of("tempo.mid"));
        assertEquals(2.0, TestMidi.onsetSeconds(clip.samples(), clip.sampleRate(), 1e-4f), 0.003);
        // note-off at tick 1920 = 2.5 s: still sounding just before, released afterwards
        assertTrue(clip.durationSeconds() > 2.5);

        Sequence steady = TestMidi.sequence();
        TestMidi.note(steady.createTrack(), 0, 60, 100, 3 * PPQ, 4 * PPQ);
        AudioClip steadyClip = piano.render(steady, Path.of("steady.mid"));
        assertEquals(1.5, TestMidi.onsetSeconds(steadyClip.samples(), steadyClip.sampleRate(), 1e-4f), 0.003);
    }

    @Test
    void fixedProgramReplacesProgramChangesAndDropsDrums() {
        Sequence violin = TestMidi.singleNote(67, 0, 2 * PPQ, 40);
        Sequence plain = TestMidi.singleNote(67, 0, 2 * PPQ, null);
        AudioClip violinAsPiano = piano.render(violin, Path.of("violin.mid"));
        AudioClip plainOriginal = original.render(plain, Path.of("plain.mid"));
        assertArrayEquals(plainOriginal.samples(), violinAsPiano.samples(),
                "with a fixed piano the violin program change is ignored");
        AudioClip violinOriginal = original.render(violin, Path.of("violin.mid"));
        assertFalse(Arrays.equals(violinOriginal.samples(), plainOriginal.samples()),
                "with the original policy the violin sounds different from the piano");

        Sequence withDrums = TestMidi.singleNote(67, 0, 2 * PPQ, 40);
        TestMidi.note(withDrums.getTracks()[0], 9, 38, 120, PPQ / 2, PPQ);
        assertArrayEquals(violinAsPiano.samples(), piano.render(withDrums, Path.of("drums.mid")).samples(),
                "the snare on channel 10 is dropped under a fixed program");
        assertFalse(Arrays.equals(violinOriginal.samples(), original.render(withDrums, Path.of("drums.mid")).samples()),
                "the snare is heard with the original policy");
    }

    @Test
    void fixedOrganSoundsDifferentFromFixedPiano() {
        Sequence seq = TestMidi.singleNote(60, 0, 2 * PPQ, null);
        try (MidiRenderer organ = new MidiRenderer(RenderSettings.builder().optProgram(ProgramPolicy.parse("organ")).build())) {
            AudioClip o = organ.render(seq, Path.of("organ.mid"));
            AudioClip p = piano.render(seq, Path.of("piano.mid"));
            assertFalse(Arrays.equals(o.samples(), p.samples()));
        }
    }

    @Test
    void drumsOnlyUnderAFixedProgramIsBadInput() {
        Sequence seq = TestMidi.sequence();
        TestMidi.note(seq.createTrack(), 9, 36, 100, 0, PPQ);
        BadInputException e = assertThrows(BadInputException.class, () -> piano.render(seq, Path.of("drums.mid")));
        assertTrue(e.getMessage().startsWith("drums.mid: "), e.getMessage());
        assertTrue(e.problem().contains("percussion"), e.problem());
        assertTrue(original.render(seq, Path.of("drums.mid")).durationSeconds() > 0.2);
    }

    @Test
    void timeLimitStopsTheRenderWithAResourceLimitException() {
        RenderSettings tiny = PIANO.toBuilder().optTimeLimit(Duration.ofNanos(1)).build();
        Sequence seq = TestMidi.singleNote(60, 0, 60 * PPQ, null);
        try (MidiRenderer r = new MidiRenderer(tiny)) {
            ResourceLimitException e = assertThrows(ResourceLimitException.class, () -> r.render(seq, Path.of("long.mid")));
            assertTrue(e.getMessage().startsWith("long.mid: rendering took longer than the limit"), e.getMessage());
        }
    }

    @Test
    void piecesLongerThanMaxSecondsAreRefused() {
        RenderSettings shortOnly = PIANO.toBuilder().optMaxSeconds(10).build();
        Sequence seq = TestMidi.singleNote(60, 0, 30 * PPQ, null); // 15 s
        try (MidiRenderer r = new MidiRenderer(shortOnly)) {
            ResourceLimitException e = assertThrows(ResourceLimitException.class, () -> r.render(seq, Path.of("x.mid")));
            assertTrue(e.problem().contains("15 s"), e.problem());
        }
    }

    @Test
    void renderingIsDeterministicAndThreadSafe() throws Exception {
        Sequence a = TestMidi.singleNote(60, 0, 2 * PPQ, 0);
        Sequence b = TestMidi.sequence();
        Track t = b.createTrack();
        TestMidi.program(t, 0, 48, 0);
        TestMidi.program(t, 1, 73, 0);
        for (int i = 0; i < 8; i++) {
            TestMidi.note(t, 0, 55 + i, 90, i * PPQ / 2, i * PPQ / 2 + PPQ);
            TestMidi.note(t, 1, 72 - i, 90, i * PPQ / 2, i * PPQ / 2 + PPQ / 2);
        }
        TestMidi.note(t, 9, 42, 100, 0, PPQ);
        float[] expectA = original.render(a, Path.of("a.mid")).samples();
        float[] expectB = original.render(b, Path.of("b.mid")).samples();
        assertArrayEquals(expectB, original.render(b, Path.of("b.mid")).samples(), "same input, same samples");

        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<float[]>> results = pool.invokeAll(List.of(
                    () -> original.render(b, Path.of("b.mid")).samples(),
                    () -> original.render(a, Path.of("a.mid")).samples(),
                    () -> original.render(b, Path.of("b.mid")).samples(),
                    () -> original.render(a, Path.of("a.mid")).samples(),
                    () -> original.render(b, Path.of("b.mid")).samples(),
                    () -> original.render(b, Path.of("b.mid")).samples()));
            for (int i = 0; i < results.size(); i++) {
                float[] expected = i == 1 || i == 3 ? expectA : expectB;
                assertArrayEquals(expected, results.get(i).get(), "concurrent render " + i);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void renderFromAFileAndItsErrors() throws Exception {
        Path mid = tmp.resolve("note.mid");
        Sequence seq = TestMidi.singleNote(64, 0, PPQ, null);
        MidiSystem.write(seq, 1, mid.toFile());
        assertArrayEquals(piano.render(seq, mid).samples(), piano.render(mid).samples());

        Path garbage = tmp.resolve("garbage.mid");
        Files.write(garbage, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
        BadInputException bad = assertThrows(BadInputException.class, () -> piano.render(garbage));
        assertEquals(garbage, bad.file());
        // the same message as ingest and the notes route give (MidiInspector, the one gate)
        assertTrue(bad.problem().contains("not a Standard MIDI File"), bad.problem());

        Path missing = tmp.resolve("missing.mid");
        BadInputException gone = assertThrows(BadInputException.class, () -> piano.render(missing));
        assertEquals(missing, gone.file());
        assertTrue(gone.problem().contains("not found") || gone.problem().contains("no such file"), gone.problem());
    }

    @Test
    void outputStaysWithinFullScale() {
        // 24 loud notes at once: Gervill's limiter keeps the sum within [-1, 1]
        Sequence seq = TestMidi.sequence();
        Track t = seq.createTrack();
        for (int k = 0; k < 24; k++) {
            TestMidi.note(t, k % 8, 36 + 2 * k, 127, 0, 2 * PPQ);
        }
        float[] x = piano.render(seq, Path.of("loud.mid")).samples();
        for (float v : x) {
            assertTrue(v >= -1f && v <= 1f, "sample " + v);
        }
    }

    @Test
    void otherSampleRatesAreHonoured() {
        try (MidiRenderer r = new MidiRenderer(PIANO.toBuilder().optSampleRate(16_000).build())) {
            AudioClip clip = r.render(TestMidi.singleNote(69, 0, 2 * PPQ, null), Path.of("a4.mid"));
            assertEquals(16_000, clip.sampleRate());
            double at440 = TestMidi.dftMagnitude(clip.samples(), 1600, 12000, 16_000, 440);
            double at400 = TestMidi.dftMagnitude(clip.samples(), 1600, 12000, 16_000, 400);
            assertTrue(at440 > 10 * at400);
        }
    }
}
