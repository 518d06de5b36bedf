package org.cadenza.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.cadenza.api.AnalysisOptions;
import org.cadenza.api.Cadenza;
import org.cadenza.api.FileResult;
import org.cadenza.io.CadenzaException;
import org.cadenza.model.pipeline.WorkspaceTraining;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cadenza predict}: a trained run's answer for files; a thin shell over {@link Cadenza#analyzeAll}. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Predicts the composer (or period) of music files with a run you trained (`cadenza train`).",
                "For the default models, without training anything, use `cadenza who FILE`.",
                "Works with every route (train --input audio|notes|pianoroll|fusion). Audio runs render MIDI on the fly",
                "and decode recordings with the settings the model was trained on; notes and piano-roll runs read the",
                "MIDI notes (recordings are refused); a fusion run asks its members. A file's answer is the mean",
                "log-probability over its windows. An instrument run (cadenza instruments) also lists every",
                "instrument family with its probability and whether it plays. Prints the ranked classes with their",
                "probabilities and the time taken; --json prints the same document as `cadenza who --json`",
                "(docs/analysis.schema.json). A file that cannot be read is reported and the rest go on."})
public final class PredictCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN", description = "A run folder made by `cadenza train` (or its model/ folder).")
    Path run;

    @Parameters(index = "1..*", paramLabel = "FILE", arity = "0..*", description = "MIDI or audio files.")
    List<Path> files = List.of();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--top", defaultValue = "5", description = "How many classes to show. Default: ${DEFAULT-VALUE}.")
    int top;

    @Option(names = {"--explain", "--windows"}, description = "Also show the class each window points to (a timeline).")
    boolean explain;

    @Mixin
    JsonOption json;

    @Mixin
    TorchThreadsOption torch;

    @Override
    public Integer call() throws Exception {
        if (files.isEmpty()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), Files.isRegularFile(run)
                    ? "predict needs a run folder before the files: `cadenza predict RUN " + run + "` with RUN made by "
                    + "`cadenza train`; to ask the default models without training, `cadenza who " + run + "`"
                    : "no files to predict: `cadenza predict " + run + " FILE...`");
        }
        torch.apply(1);
        Path runDir = run.getFileName() != null && run.getFileName().toString().equals(WorkspaceTraining.MODEL_DIR)
                ? run.toAbsolutePath().getParent() : run;
        if (!Files.isDirectory(runDir)) {
            throw new CadenzaException("no run folder at " + runDir + ": give a folder made by `cadenza train` "
                    + "(e.g. runs/notes), or use `cadenza who FILE` for the default models");
        }
        List<FileResult> results;
        try (Cadenza cadenza = Cadenza.builder().composerModel(runDir).noPeriod().noOpenSet().build()) {
            results = cadenza.analyzeAll(files, AnalysisOptions.DEFAULTS.withTop(top).withExplain(explain),
                    org.cadenza.corpus.ProgressListener.NONE);
        }
        return WhoCommand.print("predict", results, json.on(), files.size());
    }
}
