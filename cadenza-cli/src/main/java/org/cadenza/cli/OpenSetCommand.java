package org.cadenza.cli;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.cadenza.corpus.Workspace;
import org.cadenza.api.run.LeaveComposersOut;
import org.cadenza.api.run.OpenSetEvaluation;
import org.cadenza.model.embedding.Mining;
import org.cadenza.model.embedding.Objective;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code cadenza openset}: the leave-composers-out evaluation. */
@Command(name = "openset", mixinStandardHelpOptions = true)
public final class OpenSetCommand implements Callable<Integer> {

    @Mixin
    WorkspaceArgument workspace;

    @Mixin
    OutFolderOption out;

    @Option(names = "--variants", split = ",", defaultValue = "triplet-batch-hard,triplet-semi-hard,softmax")
    List<String> variants;

    @Option(names = "--folds", defaultValue = "3")
    int folds;

    @Option(names = "--min-pieces", defaultValue = "5", paramLabel = "N")
    int minPieces;

    @Mixin
    SeedOption seed;

    @Option(names = "--knn-k", defaultValue = "1", paramLabel = "K")
    int knnK;

    @Option(names = "--shots", split = ",", defaultValue = "1,3,5")
    List<Integer> shots;

    @Option(names = "--draws", defaultValue = "20")
    int draws;

    @Mixin
    FalseAlarmOption falseAlarm;

    @Mixin
    ThreadOptions threads;

    @Mixin
    TransposeOption transpose;

    @Mixin
    EmbeddingOptions net;

    @Mixin
    JsonOption json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        int n = threads.resolve();
        threads.torch(net.torchThreads(n));
        List<OpenSetEvaluation.Variant> vs = new ArrayList<>();
        for (String v : variants) {
            vs.add(switch (v) {
                case "triplet-batch-hard" -> new OpenSetEvaluation.Variant(v,
                        net.config(Objective.TRIPLET, Mining.BATCH_HARD, seed.value()));
                case "triplet-semi-hard" -> new OpenSetEvaluation.Variant(v,
                        net.config(Objective.TRIPLET, Mining.SEMI_HARD, seed.value()));
                case "softmax" -> new OpenSetEvaluation.Variant(v,
                        net.config(Objective.SOFTMAX, Mining.BATCH_HARD, seed.value()));
                default -> throw new ParameterException(spec.commandLine(), "--variants: unknown '" + v
                        + "'; use " + EmbeddingOptions.variantNames());
            });
        }
        OpenSetEvaluation.Settings s = new OpenSetEvaluation.Settings(
                new LeaveComposersOut.Settings(folds, minPieces, LeaveComposersOut.Settings.DEFAULTS.valFraction(),
                        LeaveComposersOut.Settings.DEFAULTS.testFraction(), seed.value()),
                net.input(null), vs, knnK, 1.0, shots, draws, falseAlarm.rate(), n,
                transpose.augmentations());
        try (Workspace ws = workspace.open();
             TrainingProgress progress = EmbeddingOptions.progress()) {
            OpenSetEvaluation.Report r = OpenSetEvaluation.run(ws, s, out.dir(), progress, new ConsoleProgress());
            json.print(Files.readString(r.report()) + "report: " + r.report() + "\n",
                    () -> ResultDocuments.openSet(r, out.dir()));
        }
        return ExitCode.OK;
    }
}
