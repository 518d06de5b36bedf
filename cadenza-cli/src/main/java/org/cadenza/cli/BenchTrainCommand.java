package org.cadenza.cli;

import java.util.concurrent.Callable;

import org.cadenza.bench.TrainThroughputBenchmark;
import org.cadenza.bench.TrainThroughputResult;
import org.cadenza.model.Architecture;
import org.cadenza.model.ModelRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cadenza bench train}. */
@Command(name = "train", header = "Training throughput of Cadenza's network beside the same network in PyTorch under Python.", mixinStandardHelpOptions = true,
        description = {"Training throughput (windows per second) of Cadenza's network beside the same network",
                "written in PyTorch under Python (scripts/bench/train_throughput.py; Debian: python3-torch), on",
                "random log-mel-shaped windows, batch 32, AdamW, SpecAugment on, the same thread count; checks",
                "that both networks have the same parameter list."})
public final class BenchTrainCommand implements Callable<Integer> {
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
    BenchCommand.Output output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ModelRuntime.setThreads(threads);
        var params = TrainThroughputBenchmark.Params.builder().optArchitecture(model).optWindows(windows)
                .optThreads(threads).optMels(mels).optFrames(frames)
                .optPython(BenchCommand.peer(python, TrainThroughputBenchmark::findPython)).build();
        TrainThroughputResult r = TrainThroughputBenchmark.run(params, BenchCommand.commandLine(spec));
        output.emit(r.toMarkdown());
        return ExitCode.OK;
    }
}
