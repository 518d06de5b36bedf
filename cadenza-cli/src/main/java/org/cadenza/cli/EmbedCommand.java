package org.cadenza.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.cadenza.corpus.Workspace;
import org.cadenza.api.run.EmbeddingTrainingRun;
import org.cadenza.model.ModelRuntime;
import org.cadenza.model.embedding.Anchors;
import org.cadenza.model.embedding.EmbeddingRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cadenza embed}: train an embedding model for identify, enrol and map. */
@Command(name = "embed", header = "Trains an embedding in which one composer's pieces sit together (for composers never seen).", mixinStandardHelpOptions = true,
        description = {"Trains an embedding: a network that puts pieces by one composer close together (the triplet-embedding study's",
                "triplet loss after FaceNet, or a classifier's embedding with --objective softmax). Every composer",
                "and every training piece gets an anchor, the mean direction of its embeddings. A threshold on the",
                "distance to the nearest composer anchor is calibrated on the validation files so that at most",
                "--false-alarm of them would be called unknown; `cadenza identify RUN FILE...` then names the",
                "nearest composers and says whether a piece is by one of them or by a composer never seen.",
                "Reads the notes of MIDI files; nothing is rendered. Rerun the same command to resume.",
                "Example: cadenza embed ws --run runs/emb --objective triplet --mining semi-hard --margin 0.2"})
public final class EmbedCommand implements Callable<Integer> {

    @Mixin
    WorkspaceArgument workspaceArgument;
    private Path workspace;

    @Option(names = "--run", required = true, paramLabel = "DIR", description = "The run folder (created; reused to resume).")
    Path run;

    @Option(names = "--false-alarm", defaultValue = "0.05", paramLabel = "RATE",
            description = "Fraction of known validation files the unknown-composer threshold may flag. Default: ${DEFAULT-VALUE}.")
    double falseAlarm;

    @Mixin
    ThreadsOption threads;

    @Mixin
    TorchThreadsOption torch;

    @Mixin
    EmbeddingOptions net;

    @Mixin
    DatasetOptions data;

    @Override
    public Integer call() {
        workspace = workspaceArgument.dir();
        int n = threads.resolve();
        torch.apply(net.torchThreads(n));
        try (Workspace ws = WorkspaceOption.existing(workspace);
             TrainingProgress progress = EmbeddingOptions.progress()) {
            EmbeddingTrainingRun.Result r = EmbeddingTrainingRun.train(ws, net.input(data.firstSeconds),
                    data.dataset(), net.config(data.seed), run, falseAlarm, progress, new ConsoleProgress(), n);
            System.out.print(summary(r));
            return ExitCode.OK;
        }
    }

    static String summary(EmbeddingTrainingRun.Result r) {
        EmbeddingRun.Result run = r.run();
        Anchors a = run.anchors();
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "embedding model: %s (%s, best epoch %d of %d, %s)%n", run.modelDir(),
                run.training().config().objective().cliName()
                        + (run.training().config().objective() == org.cadenza.model.embedding.Objective.TRIPLET
                        ? " " + run.training().config().mining().cliName() + " margin "
                        + run.training().config().margin() : ""),
                run.training().bestEpoch(), run.training().history().size(), run.training().status()));
        b.append(String.format(Locale.ROOT, "anchors: %d composers, %d training pieces, %d dimensions%n",
                a.composers().size(), a.pieces().size(), a.dimensions()));
        b.append(String.format(Locale.ROOT, "validation files: %.1f %% nearest their composer's anchor%n",
                100 * r.valAccuracy()));
        b.append(String.format(Locale.ROOT, "unknown-composer threshold: distance %.3f to the nearest anchor "
                        + "(flags %.1f %% of %d validation files; asked for at most %.1f %%)%n",
                r.threshold().threshold(), 100 * r.threshold().observedFalseAlarms(),
                r.threshold().calibrationPieces(), 100 * r.threshold().falseAlarmRate()));
        if (!run.split().excluded().isEmpty()) {
            b.append("left out: ").append(org.cadenza.corpus.dataset.TrainableSplit.describe(run.split().excluded()))
                    .append('\n');
        }
        r.problems().forEach(p -> b.append("left out: ").append(p).append('\n'));
        b.append("next: cadenza identify ").append(run.modelDir().getParent()).append(" FILE...\n");
        return b.toString();
    }
}
