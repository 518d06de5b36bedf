package org.cadenza.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.cadenza.bench.WhoBenchmark;
import org.cadenza.io.CadenzaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cadenza bench who}. */
@Command(name = "who", mixinStandardHelpOptions = true)
public final class BenchWhoCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE")
    Path file;

    @Mixin
    BenchCommand.Data data;

    @Option(names = "--repeats", defaultValue = "5")
    int repeats;

    @Mixin
    ModelsOption models;

    @Mixin
    BenchCommand.Output output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        String launcher = System.getProperty("cadenza.launcher");
        if (launcher == null) {
            throw new CadenzaException("bench who times the ./cadenza launcher: run it as ./cadenza bench who");
        }
        Path input = file != null ? file : data.defaultFile();
        WhoBenchmark.Result r = WhoBenchmark.run(Path.of(launcher), input,
                models.dir, repeats, BenchCommand.commandLine(spec));
        output.emit(r.toMarkdown());
        return ExitCode.OK;
    }
}
