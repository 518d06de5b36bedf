package org.cadenza.cli;

import java.nio.file.Path;

import org.cadenza.bench.WhoBenchmark;
import org.cadenza.io.CadenzaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code cadenza bench who}. */
@Command(name = "who", mixinStandardHelpOptions = true)
public final class BenchWhoCommand extends BenchCommand.Subcommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE")
    Path file;

    @Mixin
    DataFolderOption data;

    @Mixin
    BenchCommand.Repeats repeats = new BenchCommand.Repeats(5);

    @Mixin
    ModelsOption models;

    @Override
    public Integer call() {
        String launcher = System.getProperty("cadenza.launcher");
        if (launcher == null) {
            throw new CadenzaException("bench who times the ./cadenza launcher: run it as ./cadenza bench who");
        }
        Path input = file != null ? file : data.defaultFile();
        WhoBenchmark.Result r = WhoBenchmark.run(Path.of(launcher), input,
                models.dir, repeats.repeats, output.commandLine());
        output.emit(r.toMarkdown());
        return ExitCode.OK;
    }
}
