package org.cadenza.cli;

import java.util.List;
import java.util.Locale;

import org.cadenza.features.WindowSpec;
import org.cadenza.model.embedding.EmbeddingConfig;
import org.cadenza.model.embedding.EmbeddingInput;
import org.cadenza.model.embedding.MarginKind;
import org.cadenza.model.embedding.Mining;
import org.cadenza.model.embedding.Objective;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The embedding network, its input and its training (embed, openset). */
final class EmbeddingOptions {

    @Option(names = "--input", defaultValue = "notes")
    String input;

    @Option(names = "--objective", defaultValue = "triplet")
    String objective;

    @Option(names = "--mining", defaultValue = "batch-hard")
    String mining;

    @Option(names = "--margin", defaultValue = "0.2")
    String margin;

    @Option(names = "--dim", defaultValue = "64", paramLabel = "N")
    int dimensions;

    @Option(names = "--trunk")
    String trunk;

    @Option(names = "--composers-per-batch", defaultValue = "8", paramLabel = "P")
    int composersPerBatch;

    @Option(names = "--windows-per-composer", defaultValue = "8", paramLabel = "K")
    int windowsPerComposer;

    @Mixin
    TrainingSchedule schedule = new TrainingSchedule(40, 10, 0.001);

    @Mixin
    NoteWindowOption noteWindow;

    @Mixin
    RollWindowOption rollWindow = new RollWindowOption("10s/5s");

    @Mixin
    RollOptions roll;

    /** The input as asked, before any fitting. */
    EmbeddingInput input(Double firstSeconds) {
        EmbeddingInput.Kind kind = EmbeddingInput.Kind.parse(input);
        return kind == EmbeddingInput.Kind.NOTES
                ? new EmbeddingInput(kind, noteWindow.settings(firstSeconds), null, null)
                : new EmbeddingInput(kind, null, roll.settings(WindowSpec.parse(rollWindow.value()), firstSeconds), null);
    }

    /** The network and its training, with {@code objective} and {@code mining} overriding the options. */
    EmbeddingConfig config(Objective objective, Mining mining, long seed) {
        String t = trunk != null ? trunk
                : EmbeddingInput.Kind.parse(input) == EmbeddingInput.Kind.NOTES ? EmbeddingConfig.MLP : "small";
        boolean soft = margin.equalsIgnoreCase("soft");
        double m;
        try {
            m = soft ? EmbeddingConfig.builder().build().margin() : Double.parseDouble(margin);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--margin: expected a number or soft, got " + margin, e);
        }
        return EmbeddingConfig.builder().optObjective(objective).optMining(mining).optMargin(m)
                .optMarginKind(soft ? MarginKind.SOFT : MarginKind.HINGE)
                .optDimensions(dimensions).optTrunk(t).optComposersPerBatch(composersPerBatch)
                .optWindowsPerComposer(windowsPerComposer).optEpochs(schedule.epochs.value()).optPatience(schedule.patience)
                .optMaxLearningRate(schedule.lr).optSeed(seed).build();
    }

    /** The network and its training as the options say. */
    EmbeddingConfig config(long seed) {
        return config(Objective.parse(objective), Mining.parse(mining), seed);
    }

    /**
     * PyTorch threads: one for the MLP on feature vectors, whose operations are too small to share (with two
     * threads on a busy 2-core machine an epoch took 100 times longer), all of {@code threads} for the CNNs.
     */
    int torchThreads(int threads) {
        return EmbeddingInput.Kind.parse(input) == EmbeddingInput.Kind.NOTES ? 1 : threads;
    }

    /** Progress lines for embedding training. */
    static TrainingProgress progress() {
        return new TrainingProgress(r -> String.format(Locale.ROOT,
                "epoch %d: loss %.3f, %.1f%% of triplets satisfied (softmax: accuracy) | validation pieces: "
                        + "%.1f%% nearest their composer, mean distance to it %.3f",
                r.epoch(), r.trainLoss(), 100 * r.trainAccuracy(), 100 * r.valAccuracy(), r.valLoss()),
                "loss %.3f ok %.1f%% %.0f win/s");
    }

    /** The objectives and minings of a variant list, e.g. {@code triplet-batch-hard,softmax}. */
    static List<String> variantNames() {
        return List.of("triplet-batch-hard", "triplet-semi-hard", "softmax");
    }
}
