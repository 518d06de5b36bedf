package org.cadenza.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.cadenza.bench.PredictBenchResult;
import org.cadenza.bench.PredictBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cadenza bench predict}. */
@Command(name = "predict", mixinStandardHelpOptions = true)
public final class BenchPredictCommand extends BenchCommand.Subcommand {
    @Parameters(index = "0", paramLabel = "RUN")
    Path run;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "FILE")
    List<Path> files = new ArrayList<>();

    @Mixin
    DataFolderOption data;

    @Mixin
    BenchCommand.Repeats repeats = new BenchCommand.Repeats(3);

    @Mixin
    BenchCommand.Threads threads;

    @Option(names = "--inference-windows", defaultValue = "64", paramLabel = "N")
    int inferenceWindows;

    @Override
    public Integer call() {
        threads.applyToPyTorch();
        List<Path> inputs = files;
        if (inputs.isEmpty()) {
            inputs = List.of(data.defaultFile());
        }
        PredictBenchResult r = PredictBenchmark.run(run, inputs,
                new PredictBenchmark.Params(repeats.repeats, threads.threads, inferenceWindows), output.commandLine());
        output.emit(r.toMarkdown());
        return ExitCode.OK;
    }
}
