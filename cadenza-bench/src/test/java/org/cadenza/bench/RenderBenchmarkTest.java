package org.cadenza.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;

import org.cadenza.render.ProgramPolicy;
import org.cadenza.render.RenderSettings;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderBenchmarkTest {

    @TempDir
    Path tmp;

    private static final RenderBenchResult.Machine MACHINE =
            new RenderBenchResult.Machine("Test CPU", 2, "JVM 17", "Linux", "0.00 0.00 0.00");

    @Test
    void throughputsAndRatiosAreComputedFromTheRows() {
        RenderBenchResult r = new RenderBenchResult(List.of(
                new RenderBenchResult.FileResult(Path.of("a.mid"), 10, 0.1, OptionalDouble.of(11), OptionalDouble.of(0.3), Optional.empty()),
                new RenderBenchResult.FileResult(Path.of("b.mid"), 20, 0.2, OptionalDouble.of(21), OptionalDouble.of(0.5), Optional.empty()),
                new RenderBenchResult.FileResult(Path.of("bad.mid"), 0, 0, OptionalDouble.empty(), OptionalDouble.empty(),
                        Optional.of("Gervill: no notes to render"))),
                "key", "Font.sf2:1", 1, 2.5, OptionalDouble.of(0.1), OptionalDouble.of(32), OptionalDouble.of(0.6),
                Optional.of("FluidSynth 2.3.1"),
                Optional.of("fluidsynth ..."), Optional.empty(), MACHINE);
        assertEquals(30.0, r.gervillAudioSeconds(), 1e-9);
        assertEquals(100.0, r.gervillRealtime(), 1e-9);            // 30 s / 0.3 s
        assertEquals(40.0, r.fluidsynthRealtime().getAsDouble(), 1e-9);      // 32 s / 0.8 s
        assertEquals(32.0 / 0.6, r.fluidsynthBatchRealtime().getAsDouble(), 1e-9); // all files in one call
        assertEquals(1.875, r.ratioToBatch().getAsDouble(), 1e-9);
        assertEquals(2.5, r.ratioToCli().getAsDouble(), 1e-9);
        String md = r.toMarkdown();
        assertTrue(md.contains("| Gervill (MidiRenderer) | 30.0 | 0.30 | **100.0** |"), md);
        assertTrue(md.contains("| fluidsynth CLI, all files in one call | 32.0 | 0.60 | **53.3** |"), md);
        assertTrue(md.contains("Ratio Gervill / fluidsynth: **1.87x**"), md);
        assertTrue(md.contains("| bad.mid |") && md.contains("no notes to render"), md);
        assertTrue(md.contains("Test CPU"), md);
    }

    @Test
    void benchmarksGervillAndFluidsynthOnSmallFiles() throws Exception {
        Path a = writeScale(tmp.resolve("a.mid"), 8);
        Path b = writeScale(tmp.resolve("b.mid"), 16);
        Optional<Path> fluidsynth = RenderBenchmark.findFluidsynth();
        Assumptions.assumeTrue(fluidsynth.isPresent(), "fluidsynth is not installed: skipping the peer comparison");
        RenderBenchResult r = RenderBenchmark.run(List.of(a, b), RenderSettings.DEFAULTS, fluidsynth, 1);
        assertEquals(2, r.files().size());
        for (RenderBenchResult.FileResult f : r.files()) {
            assertTrue(f.problem().isEmpty(), f.toString());
            assertTrue(f.gervillAudio() > 1.0 && f.gervillWall() > 0, f.toString());
            assertTrue(f.fluidsynthAudio().getAsDouble() > 1.0, f.toString());
        }
        // the 16-note scale is about twice as long as the 8-note one, for both renderers
        double ratio = r.files().get(1).gervillAudio() / r.files().get(0).gervillAudio();
        assertTrue(ratio > 1.6 && ratio < 2.2, "length ratio " + ratio);
        assertTrue(r.gervillRealtime() > 0);
        assertTrue(r.fluidsynthStartupSeconds().getAsDouble() > 0);
        // one call plays both scales (4 s + 8 s of notes) back to back: at least their 12 s, at most the two
        // separate calls' audio (each of which ends with its own release tail)
        double perFile = r.files().stream().mapToDouble(f -> f.fluidsynthAudio().getAsDouble()).sum();
        double batch = r.fluidsynthBatchAudio().getAsDouble();
        assertTrue(batch > 11.5 && batch <= perFile + 0.5, "batch " + batch + " s, per file " + perFile + " s");
        assertTrue(r.fluidsynthCommand().orElseThrow().contains("synth.reverb.active=0"));
        assertTrue(r.toMarkdown().contains("Ratio Gervill / fluidsynth"));
    }

    @Test
    void withoutFluidsynthOnlyGervillIsTimed() throws Exception {
        Path a = writeScale(tmp.resolve("a.mid"), 4);
        RenderBenchResult r = RenderBenchmark.run(List.of(a), RenderSettings.DEFAULTS, Optional.empty());
        assertTrue(r.fluidsynthRealtime().isEmpty());
        assertTrue(r.gervillRealtime() > 0);
        assertTrue(r.toMarkdown().contains("fluidsynth not run: no fluidsynth binary given"));
        assertFalse(r.toMarkdown().contains("Ratio"));
    }

    @Test
    void aFixedProgramCannotBeComparedWithFluidsynth() throws Exception {
        Path a = writeScale(tmp.resolve("a.mid"), 4);
        RenderSettings piano = RenderSettings.builder().optProgram(ProgramPolicy.parse("piano")).build();
        assertThrows(IllegalArgumentException.class,
                () -> RenderBenchmark.run(List.of(a), piano, Optional.of(Path.of("/usr/bin/fluidsynth"))));
    }

    @Test
    void describesTheMachine() {
        RenderBenchResult.Machine m = RenderBenchmark.machine();
        assertTrue(m.cores() >= 1);
        assertFalse(m.cpuModel().isBlank());
        assertTrue(m.jvm().contains(System.getProperty("java.runtime.version")));
    }

    /** A C major scale of {@code notes} quarter notes at 120 BPM (0.5 s each). */
    private static Path writeScale(Path file, int notes) throws Exception {
        int[] steps = {0, 2, 4, 5, 7, 9, 11};
        Sequence seq = new Sequence(Sequence.PPQ, 480);
        Track t = seq.createTrack();
        for (int i = 0; i < notes; i++) {
            int key = 60 + 12 * (i / 7) + steps[i % 7];
            t.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, 0, key, 90), i * 480L));
            t.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, 0, key, 0), i * 480L + 400));
        }
        MidiSystem.write(seq, 0, file.toFile());
        return file;
    }
}
