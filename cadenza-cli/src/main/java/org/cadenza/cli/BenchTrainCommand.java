package org.cadenza.cli;


import org.cadenza.bench.TrainThroughputBenchmark;
import org.cadenza.bench.TrainThroughputResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cadenza bench train}. */
@Command(name = "train", mixinStandardHelpOptions = true)
public final class BenchTrainCommand extends BenchCommand.Subcommand {
    @Mixin
    ArchitectureOption model;

    @Option(names = "--windows", defaultValue = "512")
    int windows;

    @Mixin
    BenchCommand.Threads threads;

    @Option(names = "--mels", defaultValue = "128")
    int mels;

    @Option(names = "--frames", defaultValue = "215")
    int frames;

    @Mixin
    BenchCommand.Python python;

    @Override
    public Integer call() {
        threads.applyToPyTorch();
        var params = TrainThroughputBenchmark.Params.builder().optArchitecture(model.value()).optWindows(windows)
                .optThreads(threads.threads).optMels(mels).optFrames(frames)
                .optPython(python.resolve(TrainThroughputBenchmark::findPython)).build();
        TrainThroughputResult r = TrainThroughputBenchmark.run(params, output.commandLine());
        output.emit(r.toMarkdown());
        return ExitCode.OK;
    }
}
