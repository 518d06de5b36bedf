package org.cadenza.cli;

import org.cadenza.bench.LogMelBenchResult;
import org.cadenza.bench.LogMelBenchmark;
import org.cadenza.bench.PredictBenchResult;
import org.cadenza.bench.PredictBenchmark;
import org.cadenza.bench.TrainThroughputBenchmark;
import org.cadenza.bench.TrainThroughputResult;
import org.cadenza.bench.RenderBenchResult;
import org.cadenza.bench.RenderBenchmark;
import org.cadenza.corpus.MusicLoader;
import org.cadenza.io.CadenzaException;
import org.cadenza.model.Architecture;
import org.cadenza.model.ModelRuntime;
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
        subcommands = {BenchCommand.Who.class, BenchCommand.Render.class, BenchCommand.LogMel.class, BenchCommand.Predict.class,
                BenchCommand.Train.class})
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

    /** {@code cadenza bench who}. */
    @Command(name = "who", mixinStandardHelpOptions = true,
            description = {"How long `cadenza who FILE` takes as a user runs it: a new process each time through the",
                    "launcher, JVM start and model loading included, with the default models trained; with the",
                    "launcher's class-data sharing archive and without, side by side, PASS/FAIL against 2 s.",
                    "Without FILE: the asap piece closest to 5 minutes among a fixed list under $CADENZA_DATA."})
    static final class Who implements Callable<Integer> {
        @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "A MIDI file.")
        Path file;

        @Option(names = "--data", paramLabel = "DIR", defaultValue = "${env:CADENZA_DATA}",
                description = "The datasets folder for the default file. Default: $CADENZA_DATA.")
        Path data;

        @Option(names = "--repeats", defaultValue = "5",
                description = "Timed runs per setting after an untimed one; the median counts. Default: ${DEFAULT-VALUE}.")
        int repeats;

        @Mixin
        ModelsOption models;

        @Mixin
        Output output;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            String launcher = System.getProperty("cadenza.launcher");
            if (launcher == null) {
                throw new CadenzaException("bench who times the ./cadenza launcher: run it as ./cadenza bench who");
            }
            Path input = file;
            if (input == null) {
                if (data == null) {
                    throw new CadenzaException("no FILE given and CADENZA_DATA is unset: name a MIDI file, or set "
                            + "CADENZA_DATA (or --data) to the datasets folder holding asap/");
                }
                input = PredictBenchmark.defaultFile(data);
            }
            org.cadenza.bench.WhoBenchmark.Result r = org.cadenza.bench.WhoBenchmark.run(Path.of(launcher), input,
                    models.dir, repeats, commandLine(spec));
            output.emit(r.toMarkdown());
            return ExitCode.OK;
        }
    }

    /** {@code cadenza bench predict}. */
    @Command(name = "predict", mixinStandardHelpOptions = true,
            description = {"Prediction speed with the model loaded: per file the wall time of a whole prediction",
                    "(render or decode, features, windows, inference, ranking; median of --repeats after a warm-up)",
                    "and inference alone per window, with PASS/FAIL against the issue's limits (under 3 s for a",
                    "5-minute file, at most 20 ms per window). Without FILE: the asap piece closest to 5 minutes",
                    "among a fixed list under $CADENZA_DATA."})
    static final class Predict implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "RUN", description = "A run folder made by `cadenza train` (or its model/ folder).")
        Path run;

        @Parameters(index = "1..*", arity = "0..*", paramLabel = "FILE",
                description = "MIDI or audio files. Default: the asap file closest to 300 s among a fixed list under --data.")
        List<Path> files = new ArrayList<>();

        @Option(names = "--data", paramLabel = "DIR", defaultValue = "${env:CADENZA_DATA}",
                description = "The datasets folder for the default file. Default: $CADENZA_DATA.")
        Path data;

        @Option(names = "--repeats", defaultValue = "3",
                description = "Timed predictions per file after a warm-up; the median counts. Default: ${DEFAULT-VALUE}.")
        int repeats;

        @Option(names = "--threads", defaultValue = "1", description = "PyTorch threads. Default: ${DEFAULT-VALUE}.")
        int threads;

        @Option(names = "--inference-windows", defaultValue = "64",
                description = "Random windows timed for inference alone. Default: ${DEFAULT-VALUE}.")
        int inferenceWindows;

        @Mixin
        Output output;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            ModelRuntime.setThreads(threads);
            List<Path> inputs = files;
            if (inputs.isEmpty()) {
                if (data == null) {
                    throw new CadenzaException("no FILE given and CADENZA_DATA is unset: name MIDI files, or set "
                            + "CADENZA_DATA (or --data) to the datasets folder holding asap/");
                }
                inputs = List.of(PredictBenchmark.defaultFile(data));
            }
            PredictBenchResult r = PredictBenchmark.run(run, inputs,
                    new PredictBenchmark.Params(repeats, threads, inferenceWindows), commandLine(spec));
            output.emit(r.toMarkdown());
            return ExitCode.OK;
        }
    }

    /** {@code cadenza bench train}. */
    @Command(name = "train", mixinStandardHelpOptions = true,
            description = {"Training throughput (windows per second) of Cadenza's network beside the same network",
                    "written in PyTorch under Python (scripts/bench/train_throughput.py; Debian: python3-torch), on",
                    "random log-mel-shaped windows, batch 32, AdamW, SpecAugment on, the same thread count; checks",
                    "that both networks have the same parameter list."})
    static final class Train implements Callable<Integer> {
        @Option(names = "--model", defaultValue = "small",
                description = "Network: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
        Architecture model;

        @Option(names = "--windows", defaultValue = "512",
                description = "Random training windows per epoch (the second epoch is timed). Default: ${DEFAULT-VALUE}.")
        int windows;

        @Option(names = "--threads", defaultValue = "1", description = "PyTorch threads on both sides. Default: ${DEFAULT-VALUE}.")
        int threads;

        @Option(names = "--mels", defaultValue = "128", description = "Mel rows per window. Default: ${DEFAULT-VALUE}.")
        int mels;

        @Option(names = "--frames", defaultValue = "216",
                description = "Frames per window (216 = 5 s at 22,050 Hz, hop 512). Default: ${DEFAULT-VALUE}.")
        int frames;

        @Option(names = "--python", paramLabel = "PATH",
                description = "Python with torch. Default: the first of python3 on the PATH and /usr/bin/python3 that imports torch; 'none' for Cadenza alone.")
        String python;

        @Mixin
        Output output;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            ModelRuntime.setThreads(threads);
            var params = TrainThroughputBenchmark.Params.builder().optArchitecture(model).optWindows(windows)
                    .optThreads(threads).optMels(mels).optFrames(frames)
                    .optPython(peer(python, TrainThroughputBenchmark::findPython)).build();
            TrainThroughputResult r = TrainThroughputBenchmark.run(params, commandLine(spec));
            output.emit(r.toMarkdown());
            return ExitCode.OK;
        }
    }

    /** The command line as typed, for a benchmark report: {@code cadenza} and the original arguments. */
    static String commandLine(picocli.CommandLine.Model.CommandSpec spec) {
        return "cadenza " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
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
