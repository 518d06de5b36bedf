package org.cadenza.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.cadenza.corpus.Workspace;
import org.cadenza.api.run.StyleEvaluation;
import org.cadenza.model.ModelRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cadenza style-eval}: how close a style model's music is to its composer's. */
@Command(name = "style-eval", mixinStandardHelpOptions = true)
public final class StyleEvalCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN")
    Path model;

    @Parameters(index = "1", arity = "0..1", paramLabel = "WORKSPACE", hidden = true)
    Path workspace;

    @Option(names = {"-w", "--workspace"}, paramLabel = "DIR")
    Path workspaceOption;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--judge", paramLabel = "RUN")
    Path judge;

    @Mixin
    OutFolderOption out;

    @Option(names = "--composer")
    String composer;

    @Option(names = "--pieces", defaultValue = "20")
    int pieces;

    @Option(names = "--seconds", defaultValue = "60")
    double seconds;

    @Mixin
    SamplingOptions sampling;

    @Option(names = "--max-reference", defaultValue = "80", paramLabel = "N")
    int maxReference;

    @Option(names = "--max-others", defaultValue = "30", paramLabel = "N")
    int maxOthers;

    @Mixin
    ThreadsOption threads;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        int n = threads.resolve();
        ModelRuntime.setThreads(1);
        StyleEvaluation.Settings s = new StyleEvaluation.Settings(Optional.ofNullable(composer), pieces, seconds,
                sampling.settings(42), maxReference, maxOthers, n);
        try (Workspace ws = WorkspaceOption.existing(WorkspaceArgument.resolve(spec, workspaceOption, workspace))) {
            StyleEvaluation.Result r = StyleEvaluation.run(model, ws, Optional.ofNullable(judge), out.dir(), s,
                    new ConsoleProgress());
            json.print(text(r), () -> ResultDocuments.styleEvaluation(r));
            return ExitCode.OK;
        }
    }

    private static String text(StyleEvaluation.Result r) {
        StyleEvaluation.Likelihood l = r.likelihood();
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "held-out NLL per token: model %.3f (perplexity "
                        + "%.1f), unigram %.3f, uniform %.3f; other composers as %s %.3f%n", l.model().nll(),
                l.model().perplexity(), l.unigram(), l.uniform(), r.composer(), l.others().nll()));
        for (StyleEvaluation.SetResult sr : r.sets().values()) {
            b.append(String.format(Locale.ROOT, "%-28s %3d pieces  P(%s) %s  degeneracy checks passed %.0f %%%n",
                    sr.set().label(), sr.pieces().size(), r.composer(), Double.isNaN(sr.meanTarget()) ? "n/a"
                            : String.format(Locale.ROOT, "%.3f", sr.meanTarget()),
                    100 * sr.degeneracyPassed()));
        }
        return b.append("report: ").append(r.report()).append('\n').toString();
    }
}
