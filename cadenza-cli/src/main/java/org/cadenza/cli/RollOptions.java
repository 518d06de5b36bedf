package org.cadenza.cli;

import java.util.OptionalDouble;

import org.cadenza.features.pianoroll.PianoRollParams;
import org.cadenza.model.pianoroll.PianoRollSettings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The piano roll of {@code train --input pianoroll} (and of the piano-roll member of fusion). */
public final class RollOptions {

    @Option(names = "--fps", defaultValue = "16", paramLabel = "FPS")
    double fps;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** The piano-roll route's settings: rolls at --fps, in the data's windows, over its first seconds when cut. */
    PianoRollSettings rollSettings(DatasetOptions data) {
        PianoRollSettings d = PianoRollSettings.defaults();
        PianoRollParams roll;
        try {
            roll = PianoRollParams.builder().optFramesPerSecond(fps).build();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command.commandLine(), "--fps: " + e.getMessage());
        }
        return new PianoRollSettings(roll, data.pipeline().window(), data.firstSeconds == null
                ? OptionalDouble.empty() : OptionalDouble.of(data.firstSeconds), d.pedal());
    }
}
