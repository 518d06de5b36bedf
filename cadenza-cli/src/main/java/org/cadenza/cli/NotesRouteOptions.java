package org.cadenza.cli;

import java.util.OptionalDouble;

import org.cadenza.features.symbolic.NoteWindowSpec;
import org.cadenza.model.classical.ClassicalAlgorithm;
import org.cadenza.model.classical.ClassicalConfig;
import org.cadenza.model.notes.NotesSettings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** How {@code train --input notes} (and the notes member of fusion) reads notes and which classifier it trains. */
public final class NotesRouteOptions {

    @Option(names = "--classifier", defaultValue = "logistic", paramLabel = "NAME",
            description = {"--input notes/fusion: the Tribuo model: logistic, sgd-hinge, sgd-log, sgd-modified-huber, "
                    + "sgd-perceptron, knn, adaboost, random-forest, extra-trees. Default: ${DEFAULT-VALUE}."})
    String classifier;

    @Option(names = "--note-window", defaultValue = "30s/15s", paramLabel = "SPEC",
            description = {"--input notes/fusion: windows of notes, by seconds (30s, 30s/15s) or bars (8bars, "
                    + "8bars/4bars). Default: ${DEFAULT-VALUE}."})
    String noteWindow;

    @Option(names = "--pca", paramLabel = "FRACTION",
            description = "--input notes: keep the principal components explaining this fraction of the variance (the MusicNet study: 0.75).")
    Double pca;

    @Option(names = "--chunk-files", paramLabel = "N",
            description = {"--input notes: train over chunks of N training files, one chunk in memory at a time "
                    + "(the MusicNet study's incremental training, for corpora that do not fit in memory): one model per chunk, "
                    + "combined in a weighted ensemble; every class needs at least as many files as there are chunks."})
    Integer chunkFiles;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** The notes route's settings: these windows of notes, over the data's first seconds when it is cut. */
    NotesSettings notesSettings(DatasetOptions data) {
        NoteWindowSpec w;
        try {
            w = NoteWindowSpec.parse(noteWindow);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command.commandLine(), "--note-window: " + e.getMessage());
        }
        NotesSettings d = NotesSettings.defaults();
        return new NotesSettings(d.features(), w, data.firstSeconds == null ? OptionalDouble.empty()
                : OptionalDouble.of(data.firstSeconds), d.pedal());
    }

    /** The classifier, seeded with the data's {@code seed}, with PCA when asked for. */
    ClassicalConfig classicalConfig(long seed) {
        ClassicalConfig.Builder b = ClassicalConfig.builder();
        try {
            b.setAlgorithm(ClassicalAlgorithm.parse(classifier));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command.commandLine(), "--classifier: " + e.getMessage());
        }
        b.optSeed(seed);
        if (pca != null) {
            b.optPcaVariance(pca);
        }
        return b.build();
    }
}
