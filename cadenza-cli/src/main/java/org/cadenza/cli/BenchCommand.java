package org.cadenza.cli;

import org.cadenza.bench.LogMelBenchResult;
import org.cadenza.bench.LogMelBenchmark;
import org.cadenza.bench.RenderBenchResult;
import org.cadenza.bench.RenderBenchmark;
import org.cadenza.corpus.MusicLoader;
import org.cadenza.io.CadenzaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** {@code cadenza bench}: speed, side by side with the peers. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measures speed side by side with the peers.",
                "Measures Cadenza's speed side by side with the peers on this machine and prints Markdown (the tables of docs/BENCHMARKS.md). Run on an otherwise idle machine."},
        subcommands = {BenchCommand.Render.class, BenchCommand.LogMel.class})
public final class BenchCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Where a benchmark's Markdown goes: stdout, and a file when asked. */
    static final class Output {
        @Option(names = "--append", paramLabel = "FILE.md", description = "Also append the Markdown to this file.")
        Path append;

        void emit(String markdown) {
            System.out.print(markdown);
            if (append != null) {
                try {
                    Files.writeString(append, markdown + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                            StandardOpenOption.APPEND);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot append to " + append, e);
                }
            }
        }
    }

    /** The peer program named on the command line: 'none' for none, a path, or the one {@code finder} finds. */
    static Optional<Path> peer(String option, Supplier<Optional<Path>> finder) {
        return "none".equals(option) ? Optional.empty() : option != null ? Optional.of(Path.of(option)) : finder.get();
    }

    /** {@code cadenza bench render}. */
    @Command(name = "render", mixinStandardHelpOptions = true,
            description = {"Rendering speed (seconds of audio per wall-clock second, one core) of Gervill against the",
                    "fluidsynth command line on the same files, soundfont, sample rate, polyphony and effects."})
    static final class Render implements Callable<Integer> {
        @Parameters(paramLabel = "FILE|FOLDER", arity = "1..*",
                description = {"MIDI files, or folders searched for .mid files (sorted; see --limit).",
                        "@LIST.txt reads the arguments from a file, one per line (docs/benchmarks/render-files.txt",
                        "holds the files of docs/BENCHMARKS.md). Relative paths not found here are looked up under --data."})
        List<Path> inputs;

        @Option(names = "--data", paramLabel = "DIR", defaultValue = "${env:CADENZA_DATA}",
                description = "Where relative paths are looked up. Default: $CADENZA_DATA.")
        Path data;

        @Option(names = "--limit", defaultValue = "20",
                description = "At most this many files, spread evenly over the sorted list. Default: ${DEFAULT-VALUE}.")
        int limit;

        @Option(names = "--repeats", defaultValue = "1", description = "Timed runs per file; the best counts.")
        int repeats;

        @Option(names = "--fluidsynth", paramLabel = "PATH",
                description = "The fluidsynth binary. Default: fluidsynth on the PATH; 'none' to time Gervill alone.")
        String fluidsynth;

        @Mixin
        Output output;

        @Mixin
        RenderOptions render;

        @Override
        public Integer call() {
            List<Path> files = spread(midiFiles(inputs.stream()
                    .map(p -> Files.exists(p) || p.isAbsolute() || data == null ? p : data.resolve(p)).toList()), limit);
            RenderBenchResult r = RenderBenchmark.run(files, render.settings(),
                    peer(fluidsynth, RenderBenchmark::findFluidsynth), repeats);
            output.emit(r.toMarkdown());
            return ExitCode.OK;
        }
    }

    /** {@code cadenza bench logmel}. */
    @Command(name = "logmel", mixinStandardHelpOptions = true,
            description = {"Log-mel throughput (x real time per core) against a numpy implementation of the same",
                    "pipeline and against librosa when installed, on the same audio; also the largest dB difference."})
    static final class LogMel implements Callable<Integer> {
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
        Output output;

        @Mixin
        RenderOptions render;

        @Override
        public Integer call() {
            var clip = file == null ? LogMelBenchmark.testSignal(seconds, render.settings().sampleRate())
                    : loadFile();
            LogMelBenchResult r = LogMelBenchmark.run(clip, threads, peer(python, LogMelBenchmark::findPython));
            output.emit(r.toMarkdown());
            return ExitCode.OK;
        }

        private org.cadenza.io.audio.AudioClip loadFile() {
            try (var renderer = new org.cadenza.render.MidiRenderer(render.settings())) {
                return new MusicLoader(renderer).load(file);
            }
        }
    }

    /** MIDI files named or found under folders, sorted by path. */
    static List<Path> midiFiles(List<Path> inputs) {
        List<Path> files = new ArrayList<>();
        for (Path p : inputs) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile)
                            .filter(f -> MusicLoader.MIDI_EXTENSIONS.contains(MusicLoader.extension(f)))
                            .sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list " + p, e);
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                throw new CadenzaException(p + ": no such file or folder");
            }
        }
        if (files.isEmpty()) {
            throw new CadenzaException("no MIDI files in " + inputs);
        }
        return files;
    }

    /** At most {@code limit} items, evenly spread over the list (deterministic). */
    static <T> List<T> spread(List<T> items, int limit) {
        if (limit <= 0 || items.size() <= limit) {
            return items;
        }
        List<T> out = new ArrayList<>(limit);
        for (int i = 0; i < limit; i++) {
            out.add(items.get((int) ((long) i * items.size() / limit)));
        }
        return out;
    }
}
