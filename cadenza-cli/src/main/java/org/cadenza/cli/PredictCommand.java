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
@Command(name = "predict", mixinStandardHelpOptions = true)
public final class PredictCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN")
    Path run;

    @Parameters(index = "1..*", paramLabel = "FILE", arity = "0..*")
    List<Path> files = List.of();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    TopOption top = new TopOption(5);

    @Option(names = {"--explain", "--windows"})
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
            results = cadenza.analyzeAll(files, AnalysisOptions.DEFAULTS.withTop(top.value()).withExplain(explain),
                    org.cadenza.corpus.ProgressListener.NONE);
        }
        return WhoCommand.print("predict", results, json.on(), files.size());
    }
}
