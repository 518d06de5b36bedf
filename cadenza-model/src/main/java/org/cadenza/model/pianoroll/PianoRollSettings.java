package org.cadenza.model.pianoroll;

import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalDouble;

import org.cadenza.features.WindowSpec;
import org.cadenza.features.pianoroll.PianoRollParams;
import org.cadenza.features.pianoroll.RollValue;
import org.cadenza.io.Parameters;
import org.cadenza.io.midi.NoteReader;
import org.cadenza.model.run.RunManifest;
import org.cadenza.model.bundle.InputContract;

/**
 * How a MIDI file becomes the piano-roll route's input; stored beside the model ({@value #FILE}).
 *
 * @param roll         the roll's parameters (default {@link PianoRollParams#defaults()}: 16 frames/s, 88 keys,
 *                     binary)
 * @param window       window length and hop in seconds; default 5 s every 2.5 s (as the audio route)
 * @param firstSeconds read only this many seconds from the first note; empty = all; default empty
 * @param pedal        sustain pedal applied to note lengths; default {@link NoteReader.Pedal#EXTEND}
 */
public record PianoRollSettings(PianoRollParams roll, WindowSpec window, OptionalDouble firstSeconds,
                                NoteReader.Pedal pedal) {


    /** The render key of the input contract: nothing is rendered. */
    public static final String NOT_RENDERED = "";

    public PianoRollSettings {
        Parameters.nonNull("roll, window, firstSeconds, pedal", roll, window, firstSeconds, pedal);
    }

    /** The defaults documented on the record. */
    public static PianoRollSettings defaults() {
        return new PianoRollSettings(PianoRollParams.defaults(), new WindowSpec(5.0, 2.5), OptionalDouble.empty(),
                NoteReader.Pedal.EXTEND);
    }

    /** Frames per window. */
    public int frames() {
        return org.cadenza.features.pianoroll.PianoRoll.framesFor(window.windowSeconds(), roll);
    }

    /** The contract a model trained on these settings records. */
    public InputContract inputContract() {
        return new InputContract(roll.key() + ";pedal=" + pedal.name().toLowerCase(Locale.ROOT)
                + ";first=" + (firstSeconds.isPresent() ? Double.toString(firstSeconds.getAsDouble()) : "all"),
                window.toString(), NOT_RENDERED);
    }

    /** The JSON form. */
    public record Stored(double framesPerSecond, int lowestPitch, int highestPitch, int onsetFrames, String value,
                         double windowSeconds, double hopSeconds, Double firstSeconds, String pedal) {
    }

    /** Writes these settings into {@code runDir}'s run manifest. */
    public void save(Path runDir) {
        RunManifest.put(runDir, RunManifest.Section.PIANOROLL, stored());
    }

    /** The JSON form of these settings. */
    public Stored stored() {
        return new Stored(roll.framesPerSecond(), roll.lowestPitch(), roll.highestPitch(),
                roll.onsetFrames(), roll.value().name(), window.windowSeconds(), window.hopSeconds(),
                firstSeconds.isPresent() ? firstSeconds.getAsDouble() : null, pedal.name());
    }

    /** Reads the settings from {@code runDir}'s run manifest (or the pianoroll.json of an older run). */
    public static PianoRollSettings load(Path runDir) {
        return of(RunManifest.require(runDir, RunManifest.Section.PIANOROLL, Stored.class));
    }

    /** The settings stored as {@code s}. */
    public static PianoRollSettings of(Stored s) {
        PianoRollParams roll = PianoRollParams.builder().optFramesPerSecond(s.framesPerSecond())
                .optLowestPitch(s.lowestPitch()).optHighestPitch(s.highestPitch()).optOnsetFrames(s.onsetFrames())
                .optValue(RollValue.valueOf(s.value())).build();
        return new PianoRollSettings(roll, new WindowSpec(s.windowSeconds(), s.hopSeconds()),
                s.firstSeconds() == null ? OptionalDouble.empty() : OptionalDouble.of(s.firstSeconds()),
                NoteReader.Pedal.valueOf(s.pedal()));
    }
}
