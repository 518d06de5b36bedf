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
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Catalogues a collection of music files in a workspace.",
                "",
                "FOLDER: labels come from the folder names, <composer>/.../<file>; the piece id is the path without",
                "  the extension (a labels CSV gives better piece ids). .zip archives are read safely.",
                "CSV: columns path, composer, piece_id[, period][, split] (extra columns ignored; work_id, when",
                "  present, is used as the piece id so that movements stay together). Paths relative to the CSV.",
                "",
                "Composer names are normalised ('Bach, J.S.', 'J. S. Bach', 'BACH' -> bach) with the editable",
                "alias table WORKSPACE/aliases.csv. Every file is validated; bad files are quarantined with the",
                "reason and the run goes on. Files seen before are skipped. Your files are never changed."})
public final class IngestCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FOLDER|labels.csv", description = "What to catalogue.")
    Path input;

    @Option(names = {"-w", "--workspace"}, paramLabel = "DIR", required = true,
            description = "The workspace folder (created when missing).")
    Path workspace;

    @Option(names = "--root", paramLabel = "DIR",
            description = "Folder the CSV's relative paths are relative to (default: the CSV's folder), e.g. "
                    + "--root $CADENZA_DATA/asap for a benchmark split.csv kept elsewhere.")
    Path root;

    @Option(names = "--max-minutes", paramLabel = "MIN", defaultValue = "180",
            description = "Longest acceptable piece in minutes; longer files are quarantined. Default: ${DEFAULT-VALUE}.")
    double maxMinutes;

    @Mixin
    ThreadsOption threads;

    @Option(names = {"-v", "--verbose"}, description = "List every quarantined and duplicate file.")
    boolean verbose;

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
            System.out.print(verbose ? report.toText() : Reports.brief(report.toText(), 25));
            return report.hasProblems() ? ExitCode.PARTIAL : ExitCode.OK;
        }
    }
}
