package org.cadenza.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.cadenza.io.audio.AudioClip;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class LogMelBenchmarkTest {

    @Test
    void javaOnlyRunReportsConsistentFigures() {
        AudioClip clip = LogMelBenchmark.testSignal(4.0, 22_050);
        LogMelBenchResult r = LogMelBenchmark.run(clip, 2, Optional.empty(), 0.2, 1);
        assertEquals(1 + 4 * 22_050 / 512, r.frames());
        assertEquals(2, r.threads());
        assertTrue(r.javaPasses() >= 2, "at least one timed pass per thread");
        assertEquals(r.frames() / 4.0, r.javaFramesPerSecondPerCore() / r.javaRealtimePerCore(), 1e-6,
                "frames/s and x real time differ by the frame rate");
        assertTrue(r.javaRealtimePerCore() > 1, "log-mel must run faster than real time: " + r.javaRealtimePerCore());
        assertTrue(r.numpy().isEmpty() && r.pythonProblem().isPresent());
        String md = r.toMarkdown();
        assertTrue(md.contains("| Cadenza (Java, JTransforms) | 2 |") && md.contains(r.machine().cpuModel()), md);
    }

    @Test
    void numpyPeerRunsOnTheSameAudioAndAgreesWithUs() throws Exception {
        Optional<Path> python = LogMelBenchmark.findPython();
        Assumptions.assumeTrue(python.isPresent(), "python3 is not on the PATH");
        Process check = new ProcessBuilder(python.get().toString(), "-c", "import numpy").start();
        Assumptions.assumeTrue(check.waitFor(60, TimeUnit.SECONDS) && check.exitValue() == 0,
                "numpy is not importable by " + python.get());
        assertTrue(LogMelBenchmark.findScript().isPresent(), "logmel_numpy.py must be found from the source tree");

        LogMelBenchResult r = LogMelBenchmark.run(LogMelBenchmark.testSignal(3.0, 22_050), 1, python, 0.2, 1);
        assertTrue(r.numpy().isPresent(), "numpy peer did not run: " + r.pythonProblem());
        assertTrue(r.numpy().get().seconds() > 0);
        assertTrue(r.maxAbsDiffDb().getAsDouble() < 0.01, "Cadenza vs numpy dB: " + r.maxAbsDiffDb());
        assertTrue(r.ratioToNumpy().isPresent());
        assertTrue(r.toMarkdown().contains("numpy " + r.numpy().get().version()), r.toMarkdown());
    }

    @Test
    void reportsAMissingInterpreterInsteadOfFailing() {
        LogMelBenchResult r = LogMelBenchmark.run(LogMelBenchmark.testSignal(1.0, 22_050), 1,
                Optional.of(Path.of("/nonexistent/python3")), 0.0, 1);
        assertTrue(r.numpy().isEmpty());
        assertTrue(r.pythonProblem().orElseThrow().contains("/nonexistent/python3"), r.pythonProblem().toString());
    }

    @Test
    void rejectsBadArguments() {
        AudioClip clip = LogMelBenchmark.testSignal(0.5, 22_050);
        assertThrows(IllegalArgumentException.class, () -> LogMelBenchmark.run(clip, 0, Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> LogMelBenchmark.testSignal(-1, 22_050));
    }
}
