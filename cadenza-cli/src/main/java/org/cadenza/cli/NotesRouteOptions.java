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

    @Option(names = "--classifier", defaultValue = "logistic", paramLabel = "NAME")
    String classifier;

    @Option(names = "--note-window", defaultValue = "30s/15s", paramLabel = "SPEC")
    String noteWindow;

    @Option(names = "--pca", paramLabel = "FRACTION")
    Double pca;

    @Option(names = "--chunk-files", paramLabel = "N")
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
