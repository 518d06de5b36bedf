package org.cadenza.cli;

import java.util.ArrayList;
import java.util.List;

import org.cadenza.corpus.dataset.Balancing;
import org.cadenza.model.Architecture;
import org.cadenza.model.classical.ClassicalAlgorithm;
import org.cadenza.model.train.TrainingConfig;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The models a comparison trains, one row each: the notes route's classifiers, the piano-roll CNN and their fusion
 * ({@code compare}, {@code benchmark many-composers}). Each command gives its own default classifiers.
 */
public final class ModelSetOptions {

    @Option(names = "--classifiers", split = ",", paramLabel = "NAME")
    List<String> classifiers;

    @Option(names = "--piece-classifiers", split = ",", paramLabel = "NAME")
    List<String> pieceClassifiers = new ArrayList<>();

    @Option(names = "--piece-balance", defaultValue = "cap:400", paramLabel = "HOW")
    String pieceBalance;

    @Mixin
    NoteWindowOption noteWindow;

    @Option(names = "--no-pianoroll")
    boolean noPianoRoll;

    @Option(names = "--no-fusion")
    boolean noFusion;

    @Mixin
    RollOptions roll;

    @Mixin
    EpochsOption epochs = new EpochsOption(10);

    @Option(names = "--trees", defaultValue = "100", paramLabel = "N")
    int trees;

    @Option(names = "--rounds", defaultValue = "50", paramLabel = "N")
    int rounds;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    /** For picocli; commands give their default classifiers with {@link #ModelSetOptions(String...)}. */
    ModelSetOptions() {
        this(new String[0]);
    }

    ModelSetOptions(String... defaultClassifiers) {
        this.classifiers = new ArrayList<>(List.of(defaultClassifiers));
    }

    /** This command's default whole-piece classifiers. */
    ModelSetOptions withPieceClassifiers(String... names) {
        pieceClassifiers = new ArrayList<>(List.of(names));
        return this;
    }

    /** @return the classifiers asked for, each checked (a bad name is a usage error listing the choices) */
    List<ClassicalAlgorithm> algorithms() {
        return parse("--classifiers", classifiers);
    }

    /** @return the whole-piece classifiers asked for, each checked */
    List<ClassicalAlgorithm> pieceAlgorithms() {
        return parse("--piece-classifiers", pieceClassifiers);
    }

    /** @return the whole-piece classifiers' balancing, checked */
    Balancing pieceBalancing() {
        return OptionValues.parse(mixee, "--piece-balance", () -> Balancing.parse(pieceBalance));
    }

    private List<ClassicalAlgorithm> parse(String option, List<String> names) {
        List<ClassicalAlgorithm> out = new ArrayList<>();
        for (String c : names) {
            out.add(OptionValues.parse(mixee, option, () -> ClassicalAlgorithm.parse(c)));
        }
        return out;
    }

    /** The piano-roll CNN's training: SMALL, at most --epochs, stopped on validation accuracy after 4 bad epochs. */
    TrainingConfig network(long seed) {
        return TrainingConfig.builder().optArchitecture(Architecture.SMALL).optEpochs(epochs.value()).optSeed(seed)
                .optStopMetric(TrainingConfig.StopMetric.VAL_ACCURACY).optPatience(4).build();
    }
}
