package org.cadenza.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.cadenza.api.run.RouteTrainingRun;
import org.cadenza.api.run.TrialsRun;
import org.cadenza.corpus.dataset.TrainableSplit;
import org.cadenza.corpus.dataset.WindowDataset;
import org.cadenza.model.fusion.LateFusion;
import org.cadenza.model.notes.NotesTraining;
import org.cadenza.model.route.InputRoute;
import org.cadenza.model.train.EpochRecord;
import org.cadenza.model.train.TrainingResult;

/**
 * What {@code cadenza train} prints about a finished training: text, or with {@code --json} one document that starts
 * with the run folder and the route ({@link #head}) and holds the same figures.
 */
final class TrainingReport {
    private TrainingReport() {
    }

    /** One line: the status, the best epoch and its validation accuracy and loss. */
    static String best(TrainingResult t) {
        EpochRecord best = t.best();
        return String.format(Locale.ROOT, "%s: best epoch %d of %d, validation accuracy %.1f %% (window level), loss %.3f%n",
                t.status(), t.bestEpoch(), t.history().size(), 100 * best.valAccuracy(), best.valLoss());
    }

    /**
     * The notes route's classes with their training windows and pieces, timings, what was left out, and the principal
     * components kept when {@code pca} (the fraction of variance asked for) is given.
     */
    static String notes(NotesTraining.Result r, Path run, Double pca) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "notes route: %d classes, %d training windows of %d pieces; features %.1f s,"
                + " training %.1f s%n", r.split().classes().size(), Arrays.stream(r.windowsPerClass()).sum(),
                Arrays.stream(r.piecesPerClass()).sum(), r.featureSeconds(), r.trainingSeconds()));
        for (int c = 0; c < r.split().classes().size(); c++) {
            b.append(String.format(Locale.ROOT, "  %-16s %6d windows %4d pieces%n", r.split().classes().get(c),
                    r.windowsPerClass()[c], r.piecesPerClass()[c]));
        }
        if (!r.split().excluded().isEmpty()) {
            b.append("left out: ").append(TrainableSplit.describe(r.split().excluded())).append('\n');
        }
        r.problems().forEach(p -> b.append("left out: ").append(p).append('\n'));
        r.model().pcaComponents().ifPresent(k -> b.append(String.format(Locale.ROOT, "PCA: %d of %d components keep "
                + "%.0f %% of the variance (plot: %s)%n", k, r.model().featureNames().size(), 100 * pca,
                run.resolve(RouteTrainingRun.PCA_PNG))));
        return b.toString();
    }

    /** The start of every JSON document of {@code train}: the run folder and the route. */
    static ObjectNode head(Path run, InputRoute route) {
        ObjectNode o = JsonOption.object();
        o.put("run", run.toString()).put("route", route.cliName());
        return o;
    }

    /**
     * A trained network's document: its classes, the status, the best epoch of how many, the best epoch's validation
     * accuracy (window level) and loss, the model folder and the files left out.
     */
    static ObjectNode network(ObjectNode head, TrainingResult t, Path model, List<String> problems) {
        head.set("classes", JsonOption.tree(t.classes()));
        head.put("status", t.status().name()).put("bestEpoch", t.bestEpoch()).put("epochs", t.history().size());
        if (t.bestEpoch() >= 1) {
            head.put("validationAccuracy", t.best().valAccuracy()).put("validationLoss", t.best().valLoss());
        }
        head.put("model", model.toString());
        head.set("leftOut", JsonOption.tree(problems));
        return head;
    }

    /** {@link #network} with the audio route's windows per split. */
    static ObjectNode audio(ObjectNode head, WindowDataset data, TrainingResult t, Path model) {
        ObjectNode windows = head.putObject("windows");
        windows.put("train", data.train().size()).put("val", data.val().size()).put("test", data.test().size());
        return network(head, t, model, List.of());
    }

    /** The notes route's document: classes with their training windows and pieces, timings, PCA, what was left out. */
    static ObjectNode notes(ObjectNode head, NotesTraining.Result r) {
        head.set("classes", JsonOption.tree(r.split().classes()));
        ObjectNode perClass = head.putObject("trainingPerClass");
        for (int c = 0; c < r.split().classes().size(); c++) {
            perClass.putObject(r.split().classes().get(c)).put("windows", r.windowsPerClass()[c])
                    .put("pieces", r.piecesPerClass()[c]);
        }
        head.put("featureSeconds", r.featureSeconds()).put("trainingSeconds", r.trainingSeconds());
        r.model().pcaComponents().ifPresent(k -> head.put("pcaComponents", k));
        head.set("excluded", JsonOption.tree(r.split().excluded()));
        head.set("leftOut", JsonOption.tree(r.problems()));
        return head;
    }

    /**
     * The fusion's document: members, classes, weights, scale and prior correction, validation figures, and the run
     * manifest holding them.
     */
    static ObjectNode fusion(ObjectNode head, LateFusion f, Path file) {
        head.set("members", JsonOption.tree(f.members()));
        head.set("classes", JsonOption.tree(f.classes()));
        head.set("weights", JsonOption.tree(f.weights()));
        head.put("scale", f.scale()).put("priorCorrection", f.priorCorrection());
        head.set("classPrior", JsonOption.tree(f.classPrior()));
        head.put("validationItems", f.validationItems()).put("validationAccuracy", f.validationAccuracy())
                .put("validationBalancedAccuracy", f.validationBalancedAccuracy())
                .put("validationNll", f.validationNll());
        head.set("memberAccuracy", JsonOption.tree(f.memberAccuracy()));
        head.put("fusion", file.toString());
        return head;
    }

    /** The trials' document: each trial's figures, the summary per figure, the trials skipped and the report files. */
    static ObjectNode trials(ObjectNode head, TrialsRun.Result t, Path markdown, Path png) {
        head.set("trials", JsonOption.tree(t.trials()));
        head.set("summary", JsonOption.tree(t.summary()));
        head.set("skipped", JsonOption.tree(t.skipped()));
        head.put("splitRedrawn", t.splitRedrawn()).put("markdown", markdown.toString()).put("png", png.toString());
        return head;
    }
}
