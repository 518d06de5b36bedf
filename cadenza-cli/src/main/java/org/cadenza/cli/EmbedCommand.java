package org.cadenza.cli;

import java.util.Locale;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.cadenza.corpus.Workspace;
import org.cadenza.api.run.EmbeddingTrainingRun;
import org.cadenza.model.embedding.Anchors;
import org.cadenza.model.embedding.EmbeddingRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code cadenza embed}: train an embedding model for identify, enrol and map. */
@Command(name = "embed", mixinStandardHelpOptions = true)
public final class EmbedCommand implements Callable<Integer> {

    @Mixin
    RunFolderOption run;

    @Mixin
    FalseAlarmOption falseAlarm;

    @Mixin
    ThreadOptions threads;

    @Mixin
    EmbeddingOptions net;

    @Mixin
    DatasetOptions data;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        int n = threads.resolve();
        threads.torch(net.torchThreads(n));
        try (Workspace ws = data.workspace.open();
             TrainingProgress progress = EmbeddingOptions.progress()) {
            EmbeddingTrainingRun.Result r = EmbeddingTrainingRun.train(ws, net.input(data.firstSeconds),
                    data.dataset(), net.config(data.seed()), run.dir(), falseAlarm.rate(), progress,
                    new ConsoleProgress(), n);
            json.print(summary(r), () -> document(r));
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

    /**
     * The JSON document of {@link #summary}: the model folder, how it was trained, its anchors, the validation figures,
     * the calibrated threshold and what was left out.
     */
    static ObjectNode document(EmbeddingTrainingRun.Result r) {
        EmbeddingRun.Result run = r.run();
        ObjectNode o = JsonOption.object();
        o.put("run", run.modelDir().getParent().toString()).put("model", run.modelDir().toString());
        o.put("objective", run.training().config().objective().cliName())
                .put("mining", run.training().config().mining().cliName())
                .put("margin", run.training().config().margin())
                .put("bestEpoch", run.training().bestEpoch()).put("epochs", run.training().history().size())
                .put("status", run.training().status().name());
        o.putObject("anchors").put("composers", run.anchors().composers().size())
                .put("trainingPieces", run.anchors().pieces().size()).put("dimensions", run.anchors().dimensions());
        o.set("composers", JsonOption.tree(run.anchors().composers().keySet()));
        o.put("validationNearestOwnComposer", r.valAccuracy());
        o.set("threshold", JsonOption.tree(r.threshold()));
        o.set("excluded", JsonOption.tree(run.split().excluded()));
        o.set("leftOut", JsonOption.tree(r.problems()));
        return o;
    }
}
