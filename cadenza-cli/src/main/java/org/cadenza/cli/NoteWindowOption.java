package org.cadenza.cli;

import java.util.OptionalDouble;

import org.cadenza.features.symbolic.NoteWindowSpec;
import org.cadenza.model.notes.NotesSettings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code --note-window}: the windows of notes that the notes route and the note embeddings read. */
public final class NoteWindowOption {

    @Option(names = "--note-window", defaultValue = "30s/15s", paramLabel = "SPEC")
    String noteWindow;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** The notes settings: these windows of notes, over each file's first {@code firstSeconds} when given. */
    NotesSettings settings(Double firstSeconds) {
        NoteWindowSpec w = OptionValues.parse(command, "--note-window", () -> NoteWindowSpec.parse(noteWindow));
        NotesSettings d = NotesSettings.defaults();
        return new NotesSettings(d.features(), w, firstSeconds == null ? OptionalDouble.empty()
                : OptionalDouble.of(firstSeconds), d.pedal());
    }
}
