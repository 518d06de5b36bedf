package org.cadenza.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.cadenza.bench.PredictBenchResult;
import org.cadenza.bench.PredictBenchmark;
import org.cadenza.model.ModelRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cadenza bench predict}. */
@Command(name = "predict", header = "Prediction speed with the model loaded, against the limits.", mixinStandardHelpOptions = true,
        description = {"Prediction speed with the model loaded: per file the wall time of a whole prediction",
                "(render or decode, features, windows, inference, ranking; median of --repeats after a warm-up)",
                "and inference alone per window, with PASS/FAIL against the issue's limits (under 3 s for a",
                "5-minute file, at most 20 ms per window). Without FILE: the asap piece closest to 5 minutes",
                "among a fixed list under $CADENZA_DATA."})
public final class BenchPredictCommand implements Callable<Integer> {
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
    BenchCommand.Output output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ModelRuntime.setThreads(threads);
        List<Path> inputs = files;
        if (inputs.isEmpty()) {
            inputs = List.of(BenchCommand.defaultFile(data));
        }
        PredictBenchResult r = PredictBenchmark.run(run, inputs,
                new PredictBenchmark.Params(repeats, threads, inferenceWindows), BenchCommand.commandLine(spec));
        output.emit(r.toMarkdown());
        return ExitCode.OK;
    }
}
