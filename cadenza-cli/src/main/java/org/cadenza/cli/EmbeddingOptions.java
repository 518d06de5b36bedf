package org.cadenza.cli;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

import org.cadenza.features.WindowSpec;
import org.cadenza.features.pianoroll.PianoRollParams;
import org.cadenza.features.symbolic.NoteWindowSpec;
import org.cadenza.model.embedding.EmbeddingConfig;
import org.cadenza.model.embedding.EmbeddingInput;
import org.cadenza.model.embedding.MarginKind;
import org.cadenza.model.embedding.Mining;
import org.cadenza.model.embedding.Objective;
import org.cadenza.model.notes.NotesSettings;
import org.cadenza.model.pianoroll.PianoRollSettings;
import org.cadenza.model.train.EpochRecord;
import picocli.CommandLine.Option;

/** The embedding network, its input and its training (embed, openset). */
final class EmbeddingOptions {

    @Option(names = "--input", defaultValue = "notes",
            description = {"What the network reads: notes (153 symbolic features per window, MLP trunk) or pianoroll",
                    "(onset and frame rolls, CNN trunk). Default: ${DEFAULT-VALUE}."})
    String input;

    @Option(names = "--objective", defaultValue = "triplet",
            description = "triplet (triplet loss) or softmax (a classifier's embedding). Default: ${DEFAULT-VALUE}.")
    String objective;

    @Option(names = "--mining", defaultValue = "batch-hard",
            description = "Triplet mining: batch-hard or semi-hard. Default: ${DEFAULT-VALUE}.")
    String mining;

    @Option(names = "--margin", defaultValue = "0.2",
            description = {"Triplet margin (unit embeddings: distances 0..2), or soft for the soft margin",
                    "log(1 + exp(d(a,p) - d(a,n))) of Hermans et al. Default: ${DEFAULT-VALUE}."})
    String margin;

    @Option(names = "--dim", defaultValue = "64", description = "Embedding size. Default: ${DEFAULT-VALUE}.")
    int dimensions;

    @Option(names = "--trunk", description = "mlp for notes; small, resnet or mobilenet for piano rolls. "
            + "Default: mlp for notes, small for piano rolls.")
    String trunk;

    @Option(names = "--composers-per-batch", defaultValue = "8", paramLabel = "P",
            description = "Composers per batch. Default: ${DEFAULT-VALUE}.")
    int composersPerBatch;

    @Option(names = "--windows-per-composer", defaultValue = "8", paramLabel = "K",
            description = "Windows per composer per batch, spread over its pieces. Default: ${DEFAULT-VALUE}.")
    int windowsPerComposer;

    @Option(names = "--epochs", defaultValue = "40", description = "Epochs at most. Default: ${DEFAULT-VALUE}.")
    int epochs;

    @Option(names = "--patience", defaultValue = "10",
            description = "Stop after this many epochs without a better validation accuracy. Default: ${DEFAULT-VALUE}.")
    int patience;

    @Option(names = "--lr", defaultValue = "0.001", description = "Peak learning rate. Default: ${DEFAULT-VALUE}.")
    double learningRate;

    @Option(names = "--note-window", defaultValue = "30s/15s",
            description = "Notes windows, seconds or bars. Default: ${DEFAULT-VALUE}.")
    String noteWindow;

    @Option(names = "--roll-window", defaultValue = "10s/5s",
            description = "Piano-roll windows. Default: ${DEFAULT-VALUE}.")
    String rollWindow;

    @Option(names = "--fps", defaultValue = "16", description = "Piano-roll frames per second. Default: ${DEFAULT-VALUE}.")
    double fps;

    /** The input as asked, before any fitting. */
    EmbeddingInput input(Double firstSeconds) {
        OptionalDouble first = firstSeconds == null ? OptionalDouble.empty() : OptionalDouble.of(firstSeconds);
        EmbeddingInput.Kind kind = EmbeddingInput.Kind.parse(input);
        if (kind == EmbeddingInput.Kind.NOTES) {
            NotesSettings d = NotesSettings.defaults();
            return new EmbeddingInput(kind, new NotesSettings(d.features(), NoteWindowSpec.parse(noteWindow), first,
                    d.pedal()), null, null);
        }
        PianoRollSettings d = PianoRollSettings.defaults();
        return new EmbeddingInput(kind, null, new PianoRollSettings(
                PianoRollParams.builder().optFramesPerSecond(fps).build(), WindowSpec.parse(rollWindow), first,
                d.pedal()), null);
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
                .optWindowsPerComposer(windowsPerComposer).optEpochs(epochs).optPatience(patience)
                .optMaxLearningRate(learningRate).optSeed(seed).build();
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
