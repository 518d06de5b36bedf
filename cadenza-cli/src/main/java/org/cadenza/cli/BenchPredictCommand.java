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
@Command(name = "predict", mixinStandardHelpOptions = true)
public final class BenchPredictCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN")
    Path run;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "FILE")
    List<Path> files = new ArrayList<>();

    @Mixin
    BenchCommand.Data data;

    @Option(names = "--repeats", defaultValue = "3")
    int repeats;

    @Mixin
    BenchCommand.Threads threads;

    @Option(names = "--inference-windows", defaultValue = "64")
    int inferenceWindows;

    @Mixin
    BenchCommand.Output output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ModelRuntime.setThreads(threads.threads);
        List<Path> inputs = files;
        if (inputs.isEmpty()) {
            inputs = List.of(data.defaultFile());
        }
        PredictBenchResult r = PredictBenchmark.run(run, inputs,
                new PredictBenchmark.Params(repeats, threads.threads, inferenceWindows), BenchCommand.commandLine(spec));
        output.emit(r.toMarkdown());
        return ExitCode.OK;
    }
}
