package org.cadenza.cli;

import java.util.OptionalDouble;

import org.cadenza.features.symbolic.FeatureSet;
import org.cadenza.features.symbolic.NoteWindowSpec;
import org.cadenza.features.symbolic.SymbolicParams;
import org.cadenza.model.notes.NotesSettings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --note-window} and {@code --note-features}: the windows of notes that the notes route and the note embeddings
 * read, and which features describe them.
 */
public final class NoteWindowOption {

    @Option(names = "--note-window", defaultValue = "30s/15s", paramLabel = "SPEC")
    String noteWindow;

    @Option(names = "--note-features", defaultValue = "base", paramLabel = "SET")
    String noteFeatures;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** The notes settings: these windows of notes, over each file's first {@code firstSeconds} when given. */
    NotesSettings settings(Double firstSeconds) {
        NoteWindowSpec w = OptionValues.parse(command, "--note-window", () -> NoteWindowSpec.parse(noteWindow));
        FeatureSet set = OptionValues.parse(command, "--note-features", () -> FeatureSet.parse(noteFeatures));
        NotesSettings d = NotesSettings.defaults();
        return new NotesSettings(SymbolicParams.builder().optFeatureSet(set).build(), w,
                firstSeconds == null ? OptionalDouble.empty()
                : OptionalDouble.of(firstSeconds), d.pedal());
    }
}
