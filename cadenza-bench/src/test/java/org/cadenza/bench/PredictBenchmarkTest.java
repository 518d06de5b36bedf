package org.cadenza.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;

import org.cadenza.io.CadenzaException;
import org.cadenza.io.RealData;
import org.cadenza.io.midi.MidiInspector;
import org.cadenza.io.midi.MidiLimits;
import org.cadenza.io.midi.TestMidi;
import org.cadenza.model.Architecture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The predict benchmark on a tiny model trained here, and its verdict against the limits. */
class PredictBenchmarkTest {

    @Test
    void timesWholeFilePredictionsWithATinyModel(@TempDir Path tmp) throws Exception {
        Path midi = TestMidi.melody(tmp.resolve("melody.mid"), 60, 30, 0); // 30 notes of 0.5 s: about 15 s
        TinyRun tiny = TinyRun.train(tmp, midi, List.of("low", "high"));
        assertTrue(tiny.windows() >= 5, "windows: " + tiny.windows());
        Path run = tiny.dir();

        PredictBenchResult r = PredictBenchmark.run(run, List.of(midi), new PredictBenchmark.Params(2, 1, 8),
                "cadenza bench predict run melody.mid");
        assertEquals(1, r.files().size());
        PredictBenchResult.FileTiming f = r.files().get(0);
        assertEquals(tiny.windows(), f.windows());
        assertEquals(2, f.predictSeconds().size());
        assertTrue(f.medianSeconds() > 0, r.toString());
        double midiSeconds = MidiInspector.inspect(midi, MidiLimits.DEFAULTS).durationSeconds();
        assertTrue(f.audioSeconds() > midiSeconds - 1 && f.audioSeconds() < midiSeconds + 6,
                f.audioSeconds() + " s of audio for " + midiSeconds + " s of MIDI");
        assertEquals(f.medianSeconds() * 300 / f.audioSeconds(), f.secondsPerFiveMinutes(), 1e-9);
        assertTrue(r.msPerWindowBatched() > 0 && r.msPerWindowSingle() > 0, r.toString());
        assertEquals(Architecture.SMALL, r.architecture());
        assertEquals(List.of(1, tiny.mels(), tiny.frames()), r.inputShape());
        assertEquals(1, r.members());
        String md = r.toMarkdown();
        assertTrue(md.contains("`cadenza bench predict run melody.mid`"), md);
        assertTrue(md.contains("Verdict against the issue's limits: **" + (r.passes() ? "PASS" : "FAIL") + "**"), md);
        assertTrue(md.contains("| " + f.windows() + " |"), md);
    }

    @Test
    void theVerdictFollowsTheMeasuredNumbers() {
        BenchMachine idle = new BenchMachine("test CPU", 2, "Java 17", OptionalDouble.of(0.2));
        var fast = new PredictBenchResult.FileTiming(Path.of("five-minutes.mid"), 300, 60, 0.8, List.of(2.0, 2.5, 9.0));
        assertEquals(2.5, fast.medianSeconds(), 1e-12);
        assertTrue(fast.passes());
        var slow = new PredictBenchResult.FileTiming(Path.of("half.mid"), 150, 30, 0.4, List.of(1.6, 1.4));
        assertEquals(1.5, slow.medianSeconds(), 1e-12);
        assertEquals(3.0, slow.secondsPerFiveMinutes(), 1e-12); // the limit is exclusive: 3.0 s fails
        assertFalse(slow.passes());

        PredictBenchResult good = result(idle, List.of(fast), 4.0, 6.0, 1);
        assertTrue(good.passes());
        assertTrue(good.toMarkdown().contains("Verdict against the issue's limits: **PASS**\n"), good.toMarkdown());
        assertTrue(good.toMarkdown().contains("| five-minutes.mid | 300.0 | 60 | 0.80 | 2.50 | 2.00, 2.50, 9.00 | 2.50 | PASS |"),
                good.toMarkdown());

        PredictBenchResult slowFile = result(idle, List.of(fast, slow), 4.0, 6.0, 1);
        assertFalse(slowFile.passes());
        assertTrue(slowFile.toMarkdown().contains("| half.mid | 150.0 | 30 | 0.40 | 1.50 | 1.60, 1.40 | 3.00 | FAIL |"),
                slowFile.toMarkdown());
        assertTrue(slowFile.toMarkdown().contains("**FAIL**"), slowFile.toMarkdown());

        PredictBenchResult slowSingle = result(idle, List.of(fast), 4.0, 20.5, 1);
        assertFalse(slowSingle.inferencePasses());
        assertFalse(slowSingle.passes());
        PredictBenchResult ensemble = result(idle, List.of(fast), 4.0, 6.0, 4); // 4 x 6 ms = 24 ms
        assertEquals(24.0, ensemble.modelMsPerWindowSingle(), 1e-12);
        assertFalse(ensemble.passes());
        assertTrue(ensemble.toMarkdown().contains("| 16.00 | 24.00 | FAIL |"), ensemble.toMarkdown());

        BenchMachine busy = new BenchMachine("test CPU", 2, "Java 17", OptionalDouble.of(3.1));
        String md = result(busy, List.of(fast), 4.0, 6.0, 1).toMarkdown();
        assertTrue(md.contains("**measured under load**"), md);
        assertTrue(md.contains("**PASS** (measured under load)"), md);
    }

    @Test
    void theDefaultFileIsTheAsapPieceClosestToFiveMinutes() {
        Path data = RealData.require("the default benchmark file", "asap").getParent();
        Path file = PredictBenchmark.defaultFile(data);
        assertTrue(PredictBenchmark.DEFAULT_CANDIDATES.stream().anyMatch(c -> file.endsWith(c)), file.toString());
        double seconds = MidiInspector.inspect(file, MidiLimits.DEFAULTS).durationSeconds();
        assertTrue(Math.abs(seconds - 300) < 10, file + ": " + seconds + " s");
    }

    @Test
    void noDefaultFileWithoutTheDatasets(@TempDir Path tmp) {
        CadenzaException e = assertThrows(CadenzaException.class, () -> PredictBenchmark.defaultFile(tmp));
        assertTrue(e.getMessage().contains(tmp.toString()), e.getMessage());
    }

    private static PredictBenchResult result(BenchMachine machine, List<PredictBenchResult.FileTiming> files,
            double batched, double single, int members) {
        return new PredictBenchResult("cadenza bench predict r", machine, Path.of("runs/r"), Architecture.SMALL,
                List.of(1, 128, 215), 10, members, 1, 3, 0.5, files, batched, single, 64, "DJL x, PyTorch y");
    }
}
