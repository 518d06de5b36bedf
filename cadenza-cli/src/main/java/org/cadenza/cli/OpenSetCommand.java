package org.cadenza.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.cadenza.corpus.Workspace;
import org.cadenza.api.run.LeaveComposersOut;
import org.cadenza.api.run.OpenSetEvaluation;
import org.cadenza.model.ModelRuntime;
import org.cadenza.model.embedding.Mining;
import org.cadenza.model.embedding.Objective;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code cadenza openset}: the leave-composers-out evaluation. */
@Command(name = "openset", header = "Measures how well composers never seen are told apart from known ones.", mixinStandardHelpOptions = true,
        description = {"Measures how well unseen composers are told apart from known ones. The composers with",
                "--min-pieces pieces or more are dealt into --folds groups; each fold trains every model variant on",
                "the other composers (their pieces split by piece into train, validation and test) and scores their",
                "test pieces mixed with every piece of the unseen composers. For each novelty score (distance to the",
                "nearest composer anchor, k-NN distance to training pieces, and for softmax models the maximum",
                "softmax probability and the energy) it reports AUROC, FPR at 95%% TPR and the detection accuracy at",
                "a threshold calibrated on validation, beside a random score and the closed-set accuracy, then",
                "enrols the unseen composers from k = --shots pieces. A movement held by two datasets is one piece.",
                "Writes OUT/openset.md, openset.csv, few-shot.csv; models in OUT/fold-N/VARIANT (resumable).",
                "Example: cadenza openset lcows --out runs/openset --folds 3"})
public final class OpenSetCommand implements Callable<Integer> {

    @Mixin
    WorkspaceArgument workspaceArgument;
    private Path workspace;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where models and reports go.")
    Path out;

    @Option(names = "--variants", split = ",", defaultValue = "triplet-batch-hard,triplet-semi-hard,softmax",
            description = "Models to compare: triplet-batch-hard, triplet-semi-hard, softmax. Default: ${DEFAULT-VALUE}.")
    List<String> variants;

    @Option(names = "--folds", defaultValue = "3", description = "Folds (groups of unseen composers). Default: ${DEFAULT-VALUE}.")
    int folds;

    @Option(names = "--min-pieces", defaultValue = "5",
            description = "Pieces a composer needs to be learnt; rarer composers are always unseen. Default: ${DEFAULT-VALUE}.")
    int minPieces;

    @Option(names = "--seed", defaultValue = "42", description = "Folds, splits, training and draws. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--knn-k", defaultValue = "1", description = "k of the k-NN distance score. Default: ${DEFAULT-VALUE}.")
    int knnK;

    @Option(names = "--shots", split = ",", defaultValue = "1,3,5", description = "Few-shot k values. Default: ${DEFAULT-VALUE}.")
    List<Integer> shots;

    @Option(names = "--draws", defaultValue = "20", description = "Random draws per k. Default: ${DEFAULT-VALUE}.")
    int draws;

    @Option(names = "--false-alarm", defaultValue = "0.05", description = "Thresholds' false-alarm rate on validation. Default: ${DEFAULT-VALUE}.")
    double falseAlarm;

    @Mixin
    ThreadsOption threads;

    @Mixin
    TorchThreadsOption torch;

    @Option(names = "--transpose", split = ",", paramLabel = "SEMITONES",
            description = "Also train on copies of the training files transposed by these semitones (e.g. -2,-1,1,2).")
    List<Integer> transpose = List.of();

    @Mixin
    EmbeddingOptions net;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        workspace = workspaceArgument.dir();
        int n = threads.resolve();
        torch.apply(net.torchThreads(n));
        List<OpenSetEvaluation.Variant> vs = new ArrayList<>();
        for (String v : variants) {
            vs.add(switch (v) {
                case "triplet-batch-hard" -> new OpenSetEvaluation.Variant(v,
                        net.config(Objective.TRIPLET, Mining.BATCH_HARD, seed));
                case "triplet-semi-hard" -> new OpenSetEvaluation.Variant(v,
                        net.config(Objective.TRIPLET, Mining.SEMI_HARD, seed));
                case "softmax" -> new OpenSetEvaluation.Variant(v,
                        net.config(Objective.SOFTMAX, Mining.BATCH_HARD, seed));
                default -> throw new ParameterException(spec.commandLine(), "--variants: unknown '" + v
                        + "'; use " + EmbeddingOptions.variantNames());
            });
        }
        OpenSetEvaluation.Settings s = new OpenSetEvaluation.Settings(
                new LeaveComposersOut.Settings(folds, minPieces, LeaveComposersOut.Settings.DEFAULTS.valFraction(),
                        LeaveComposersOut.Settings.DEFAULTS.testFraction(), seed),
                net.input(null), vs, knnK, 1.0, shots, draws, falseAlarm, n,
                transpose.stream().map(org.cadenza.render.Augmentation::transpose).toList());
        try (Workspace ws = WorkspaceOption.existing(workspace);
             TrainingProgress progress = EmbeddingOptions.progress()) {
            OpenSetEvaluation.Report r = OpenSetEvaluation.run(ws, s, out, progress, new ConsoleProgress());
            System.out.print(Files.readString(r.report()));
            System.out.println("report: " + r.report());
        }
        return ExitCode.OK;
    }
}
