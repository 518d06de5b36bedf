package org.cadenza.cli;

import org.cadenza.corpus.Workspace;
import org.cadenza.eval.LrFinderCurve;
import org.cadenza.model.pipeline.WorkspaceTraining;
import org.cadenza.model.train.LearningRateFinder;
import org.cadenza.model.train.TrainingConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code cadenza lr-find}: loss against learning rate, as a plot (the spectrogram-ResNet study's lr_find). */
@Command(name = "lr-find", mixinStandardHelpOptions = true)
public final class LrFindCommand implements Callable<Integer> {

    @Mixin
    RunFolderOption runFolder;

    @Mixin
    ArchitectureOption model;

    @Option(names = "--min", defaultValue = "1e-6")
    double min;

    @Option(names = "--max", defaultValue = "1")
    double max;

    @Option(names = "--steps", defaultValue = "100")
    int steps;

    @Mixin
    TorchThreadsOption torch;

    @Mixin
    DatasetOptions data;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        Path run = runFolder.dir();
        torch.apply(1);
        TrainingConfig config = TrainingConfig.builder().optArchitecture(model.value()).optSeed(data.seed()).build();
        try (Workspace ws = data.workspace.open()) {
            LearningRateFinder.Result r = WorkspaceTraining.findLearningRate(ws, data.pipeline(), data.dataset(), config,
                    min, max, steps, run);
            Path png = run.resolve("lr-find.png");
            LrFinderCurve.read(run.resolve(WorkspaceTraining.LR_FIND)).writePng(png, "Learning-rate finder (" + model.value() + ")");
            json.print(String.format(Locale.ROOT, "suggested learning rate: %.2e (steepest descent); lowest loss at "
                    + "%.2e%nplot: %s%n", r.suggestedLr(), r.minLossLr(), png),
                    () -> ResultDocuments.learningRate(r, run, png));
            return ExitCode.OK;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
