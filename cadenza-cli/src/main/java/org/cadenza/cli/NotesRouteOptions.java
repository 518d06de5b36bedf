package org.cadenza.cli;

import org.cadenza.model.classical.ClassicalAlgorithm;
import org.cadenza.model.classical.ClassicalConfig;
import org.cadenza.model.notes.NotesSettings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** How {@code train --input notes} (and the notes member of fusion) reads notes and which classifier it trains. */
public final class NotesRouteOptions {

    @Option(names = "--classifier", defaultValue = "logistic", paramLabel = "NAME")
    String classifier;

    @Mixin
    NoteWindowOption noteWindow;

    @Option(names = "--pca", paramLabel = "FRACTION")
    Double pca;

    @Option(names = "--chunk-files", paramLabel = "N")
    Integer chunkFiles;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** The notes route's settings: these windows of notes, over the data's first seconds when it is cut. */
    NotesSettings notesSettings(DatasetOptions data) {
        return noteWindow.settings(data.firstSeconds);
    }

    /** The classifier, seeded with the data's {@code seed}, with PCA when asked for. */
    ClassicalConfig classicalConfig(long seed) {
        ClassicalConfig.Builder b = ClassicalConfig.builder();
        b.setAlgorithm(OptionValues.parse(command, "--classifier", () -> ClassicalAlgorithm.parse(classifier)));
        b.optSeed(seed);
        if (pca != null) {
            b.optPcaVariance(pca);
        }
        return b.build();
    }
}
