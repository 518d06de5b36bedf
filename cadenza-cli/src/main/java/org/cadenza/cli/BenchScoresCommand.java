package org.cadenza.cli;

import java.nio.file.Path;
import java.util.List;

import org.cadenza.bench.ScoreReadBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code cadenza bench scores}: files per second reading MIDI, MusicXML and kern with the notes route's features. */
@Command(name = "scores", mixinStandardHelpOptions = true)
public final class BenchScoresCommand extends BenchCommand.Subcommand {
    @Parameters(arity = "1..*", paramLabel = "FILE|FOLDER")
    List<Path> inputs;

    @Mixin
    DataFolderOption data;

    @Mixin
    BenchCommand.Threads threads;

    @Override
    public Integer call() {
        ScoreReadBenchmark.Result r = ScoreReadBenchmark.run(inputs.stream().map(data::resolve).toList(),
                threads.threads, output.commandLine(), new ConsoleProgress());
        output.emit(r.toMarkdown());
        return r.failures().isEmpty() ? ExitCode.OK : ExitCode.PARTIAL;
    }
}
