package org.cadenza.cli;

import java.util.OptionalDouble;

import org.cadenza.features.WindowSpec;
import org.cadenza.features.pianoroll.PianoRollParams;
import org.cadenza.model.pianoroll.PianoRollSettings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The piano roll of {@code train --input pianoroll} (and of fusion's piano-roll member), compare, embeddings. */
public final class RollOptions {

    @Option(names = "--fps", defaultValue = "16", paramLabel = "FPS")
    double fps;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** The piano-roll route's settings: rolls at --fps, in the data's windows, over its first seconds when cut. */
    PianoRollSettings rollSettings(DatasetOptions data) {
        return settings(data.pipeline().window(), data.firstSeconds);
    }

    /** Rolls at --fps in {@code window}s, over each file's first {@code firstSeconds} when given. */
    PianoRollSettings settings(WindowSpec window, Double firstSeconds) {
        PianoRollParams roll = OptionValues.parse(command, "--fps",
                () -> PianoRollParams.builder().optFramesPerSecond(fps).build());
        return new PianoRollSettings(roll, window, firstSeconds == null ? OptionalDouble.empty()
                : OptionalDouble.of(firstSeconds), PianoRollSettings.defaults().pedal());
    }
}
