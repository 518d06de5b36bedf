package org.cadenza.cli;

import org.cadenza.corpus.Workspace;
import org.cadenza.corpus.ingest.IngestOptions;
import org.cadenza.corpus.ingest.IngestReport;
import org.cadenza.corpus.ingest.Ingestor;
import org.cadenza.io.midi.MidiLimits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code cadenza ingest}: catalogue a collection. */
@Command(name = "ingest", mixinStandardHelpOptions = true)
public final class IngestCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FOLDER|labels.csv")
    Path input;

    @Option(names = {"-w", "--workspace"}, paramLabel = "DIR", required = true)
    Path workspace;

    @Option(names = "--root", paramLabel = "DIR")
    Path root;

    @Option(names = "--max-minutes", paramLabel = "MIN", defaultValue = "180")
    double maxMinutes;

    @Mixin
    ThreadsOption threads;

    @Option(names = {"-v", "--verbose"})
    boolean verbose;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        IngestOptions.Builder opts = IngestOptions.builder()
                .optMidiLimits(MidiLimits.DEFAULTS.withMaxSeconds(maxMinutes * 60))
                .optMaxAudioSeconds(maxMinutes * 60);
        if (threads.threads > 0) {
            opts.optThreads(threads.resolve());
        }
        if (root != null) {
            opts.optCsvRoot(root);
        }
        try (Workspace ws = Workspace.open(workspace)) {
            IngestReport report = new Ingestor().ingest(ws, input, opts.build(), new ConsoleProgress());
            json.print(verbose ? report.toText() : Reports.brief(report.toText(), 25),
                    () -> ResultDocuments.ingest(report));
            return report.hasProblems() ? ExitCode.PARTIAL : ExitCode.OK;
        }
    }
}
