package org.cadenza.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.cadenza.corpus.Workspace;
import org.cadenza.api.run.StyleEvaluation;
import org.cadenza.model.ModelRuntime;
import org.cadenza.model.generation.SamplingSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cadenza style-eval}: how close a style model's music is to its composer's. */
@Command(name = "style-eval", header = "Measures how close a style model's music is to its composer's, beside baselines.", mixinStandardHelpOptions = true,
        description = {"Evaluates a style model on the workspace it was trained from, with the same split by piece:",
                "its negative log-likelihood per token on the composer's held-out files (beside a uniform guess, a",
                "unigram model and other composers' pieces); then N pieces it writes, N random-token pieces, the",
                "composer's real held-out pieces and other composers' are each compared with the composer's",
                "training pieces in the manner of MGEval (pitch-class, interval, inter-onset and note-length",
                "histograms, note density, range), checked for degeneracy (one note repeated, silence, a collapsed",
                "range) and, with --judge, scored for style fidelity: the probability a classifier trained on the",
                "same workspace and split gives the composer. Writes style-eval.md, CSVs and every piece as MIDI.",
                "Example: cadenza style-eval runs/style-chopin ws --judge runs/notes --out runs/style-chopin/eval"})
public final class StyleEvalCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN", description = "The style model's run folder.")
    Path model;

    @Parameters(index = "1", arity = "0..1", paramLabel = "WORKSPACE", hidden = true,
            description = "The workspace it was trained on, as -w gives it (the older form).")
    Path workspace;

    @Option(names = {"-w", "--workspace"}, paramLabel = "DIR",
            description = "The workspace: a folder made by `cadenza ingest ... -w DIR`. Default: $CADENZA_WORKSPACE.")
    Path workspaceOption;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--judge", paramLabel = "RUN",
            description = "A classifier run trained on the same workspace (e.g. `cadenza train WS --input notes`).")
    Path judge;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The output folder.")
    Path out;

    @Option(names = "--composer", description = "For a model of several composers: which one. Default: its first.")
    String composer;

    @Option(names = "--pieces", defaultValue = "20", description = "Generated (and random) pieces. Default: ${DEFAULT-VALUE}.")
    int pieces;

    @Option(names = "--seconds", defaultValue = "60", description = "Length of every piece and excerpt. Default: ${DEFAULT-VALUE}.")
    double seconds;

    @Option(names = "--temperature", defaultValue = "1.0", description = "Sampling temperature. Default: ${DEFAULT-VALUE}.")
    double temperature;

    @Option(names = "--top-k", defaultValue = "0", description = "Top-k (0 = off). Default: ${DEFAULT-VALUE}.")
    int topK;

    @Option(names = "--top-p", defaultValue = "0.95", description = "Top-p. Default: ${DEFAULT-VALUE}.")
    double topP;

    @Option(names = "--max-reference", defaultValue = "80",
            description = "Training pieces in the reference set at most. Default: ${DEFAULT-VALUE}.")
    int maxReference;

    @Option(names = "--max-others", defaultValue = "30",
            description = "Other composers' held-out pieces at most. Default: ${DEFAULT-VALUE}.")
    int maxOthers;

    @Mixin
    ThreadsOption threads;

    @Override
    public Integer call() {
        WorkspaceArgument w = new WorkspaceArgument();
        w.option = workspaceOption;
        w.positional = workspace;
        w.mixee = spec;
        workspace = w.dir();
        int n = threads.resolve();
        ModelRuntime.setThreads(1);
        StyleEvaluation.Settings s = new StyleEvaluation.Settings(Optional.ofNullable(composer), pieces, seconds,
                new SamplingSettings(temperature, topK, topP, 42, true), maxReference, maxOthers, n);
        try (Workspace ws = WorkspaceOption.existing(workspace)) {
            StyleEvaluation.Result r = StyleEvaluation.run(model, ws, Optional.ofNullable(judge), out, s,
                    new ConsoleProgress());
            StyleEvaluation.Likelihood l = r.likelihood();
            System.out.printf(Locale.ROOT, "held-out NLL per token: model %.3f (perplexity %.1f), unigram %.3f, "
                    + "uniform %.3f; other composers as %s %.3f%n", l.model().nll(), l.model().perplexity(),
                    l.unigram(), l.uniform(), r.composer(), l.others().nll());
            for (StyleEvaluation.SetResult sr : r.sets().values()) {
                System.out.printf(Locale.ROOT, "%-28s %3d pieces  P(%s) %s  degeneracy checks passed %.0f %%%n",
                        sr.set().label(), sr.pieces().size(), r.composer(), Double.isNaN(sr.meanTarget()) ? "n/a"
                                : String.format(Locale.ROOT, "%.3f", sr.meanTarget()),
                        100 * sr.degeneracyPassed());
            }
            System.out.println("report: " + r.report());
            return ExitCode.OK;
        }
    }
}
