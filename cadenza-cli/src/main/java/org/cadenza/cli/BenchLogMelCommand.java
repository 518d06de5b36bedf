package org.cadenza.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.cadenza.bench.LogMelBenchResult;
import org.cadenza.bench.LogMelBenchmark;
import org.cadenza.corpus.MusicLoader;
import org.cadenza.io.audio.AudioClip;
import org.cadenza.render.MidiRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cadenza bench logmel}. */
@Command(name = "logmel", header = "Log-mel speed and agreement beside numpy (librosa's definitions).", mixinStandardHelpOptions = true,
        description = {"Log-mel throughput (x real time per core) against a numpy implementation of the same",
                "pipeline and against librosa when installed, on the same audio; also the largest dB difference."})
public final class BenchLogMelCommand implements Callable<Integer> {
    @Option(names = "--seconds", defaultValue = "600",
            description = "Length of the deterministic test signal in seconds. Default: ${DEFAULT-VALUE}.")
    double seconds;

    @Option(names = "--file", paramLabel = "FILE",
            description = "Benchmark on this music file instead (MIDI is rendered first, with the render options).")
    Path file;

    @Option(names = "--threads", defaultValue = "1", description = "Java worker threads. Default: ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = "--python", paramLabel = "PATH",
            description = "Python with numpy (and optionally librosa). Default: python3 on the PATH; 'none' for Java alone.")
    String python;

    @Mixin
    BenchCommand.Output output;

    @Mixin
    RenderOptions render;

    @Override
    public Integer call() {
        var clip = file == null ? LogMelBenchmark.testSignal(seconds, render.settings().sampleRate())
                : loadFile();
        LogMelBenchResult r = LogMelBenchmark.run(clip, threads, BenchCommand.peer(python, LogMelBenchmark::findPython));
        output.emit(r.toMarkdown());
        return ExitCode.OK;
    }

    private AudioClip loadFile() {
        try (var renderer = new MidiRenderer(render.settings())) {
            return new MusicLoader(renderer).load(file);
        }
    }
}
