package org.cadenza.cli;

import java.nio.file.Path;

import org.cadenza.bench.LogMelBenchResult;
import org.cadenza.bench.LogMelBenchmark;
import org.cadenza.corpus.MusicLoader;
import org.cadenza.io.audio.AudioClip;
import org.cadenza.render.MidiRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cadenza bench logmel}. */
@Command(name = "logmel", mixinStandardHelpOptions = true)
public final class BenchLogMelCommand extends BenchCommand.Subcommand {
    @Option(names = "--seconds", defaultValue = "600")
    double seconds;

    @Option(names = "--file", paramLabel = "FILE")
    Path file;

    @Mixin
    BenchCommand.Threads threads;

    @Mixin
    BenchCommand.Python python;

    @Mixin
    RenderOptions render;

    @Override
    public Integer call() {
        var clip = file == null ? LogMelBenchmark.testSignal(seconds, render.settings().sampleRate())
                : loadFile();
        LogMelBenchResult r = LogMelBenchmark.run(clip, threads.threads, python.resolve(LogMelBenchmark::findPython));
        output.emit(r.toMarkdown());
        return ExitCode.OK;
    }

    private AudioClip loadFile() {
        try (var renderer = new MidiRenderer(render.settings())) {
            return new MusicLoader(renderer).load(file);
        }
    }
}
