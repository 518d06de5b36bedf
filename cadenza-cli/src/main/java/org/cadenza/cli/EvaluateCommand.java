package org.cadenza.cli;

import org.cadenza.corpus.dataset.Split;
import org.cadenza.api.run.RouteEvaluation;
import org.cadenza.model.route.InputRoute;
import org.cadenza.model.route.RunRoute;

import org.cadenza.corpus.Workspace;
import org.cadenza.eval.ReportFiles;
import org.cadenza.api.run.BlindEvaluation;
import org.cadenza.api.run.RunEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code cadenza evaluate}: the report of a training run on its held-out test split, or on another workspace. */
@Command(name = "evaluate", mixinStandardHelpOptions = true)
public final class EvaluateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN")
    Path run;

    @Option(names = {"-w", "--workspace"}, paramLabel = "DIR")
    Path workspace;

    @Option(names = "--on", paramLabel = "OTHER_WS")
    Path on;

    @Option(names = "--out", paramLabel = "DIR")
    Path out;

    @Option(names = "--split", defaultValue = "test", paramLabel = "SPLIT")
    String split;

    @Spec
    CommandSpec spec;

    @Mixin
    TorchThreadsOption torch;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() throws java.io.IOException {
        if (workspace != null && on != null) {
            throw new ParameterException(spec.commandLine(),
                    "give either -w WS (the run's own test split) or --on OTHER_WS (blind evaluation), not both");
        }
        if (workspace == null && on == null) {
            workspace = org.cadenza.model.run.RunDataset.workspaceOf(run).orElseThrow(() -> new ParameterException(
                    spec.commandLine(), run + " does not record the workspace it was trained on (made before it "
                    + "did): give it with -w WS, or --on OTHER_WS for a blind evaluation"));
        }
        torch.apply(1);
        boolean audio = RunRoute.of(run) == InputRoute.AUDIO;
        if (on != null) {
            try (Workspace other = WorkspaceOption.existing(on)) {
                Path dir = out == null ? BlindEvaluation.defaultOutDir(run, on) : out;
                BlindEvaluation.Result r = audio ? BlindEvaluation.evaluate(other, run, dir)
                        : RouteEvaluation.blind(other, run, dir, new ConsoleProgress());
                if (json.on()) {
                    System.out.println(java.nio.file.Files.readString(r.report().json()));
                    return ExitCode.OK;
                }
                System.out.print(r.toText());
                System.out.println(String.join("\n", readHeadline(r.report().markdown())));
                System.out.println("report: " + r.report().html());
                return ExitCode.OK;
            }
        }
        try (Workspace ws = WorkspaceOption.existing(workspace)) {
            Split which = Split.parse(split).filter(s -> s != Split.TRAIN).orElseThrow(() -> new ParameterException(
                    spec.commandLine(), "--split: test or val, got " + split));
            if (audio && which != Split.TEST) {
                throw new ParameterException(spec.commandLine(), "--split val works with notes, piano-roll and "
                        + "fusion runs; audio runs are evaluated on their test split");
            }
            Path dir = out == null ? run.resolve(which == Split.TEST ? "report" : "report-" + which.id()) : out;
            ReportFiles files = audio ? RunEvaluation.evaluate(ws, run, dir)
                    : RunEvaluation.write(RouteEvaluation.report(ws, run, which, new ConsoleProgress()), dir);
            if (json.on()) {
                System.out.println(java.nio.file.Files.readString(files.json()));
                return ExitCode.OK;
            }
            System.out.println(String.join("\n", java.nio.file.Files.exists(files.markdown())
                    ? readHeadline(files.markdown()) : java.util.List.of()));
            System.out.println("report: " + files.html());
            return ExitCode.OK;
        }
    }

    /** The report's headline table (the first table after the "Headline" heading of report.md). */
    private static java.util.List<String> readHeadline(Path markdown) {
        try {
            java.util.List<String> lines = java.nio.file.Files.readAllLines(markdown);
            java.util.List<String> table = new java.util.ArrayList<>();
            boolean inHeadline = false;
            for (String line : lines) {
                if (line.startsWith("## ")) {
                    inHeadline = line.startsWith("## Headline");
                }
                if (inHeadline && line.startsWith("|")) {
                    table.add(line);
                } else if (!table.isEmpty()) {
                    break;
                }
            }
            return table;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
