package org.cadenza.cli;

import org.cadenza.render.ProgramPolicy;
import org.cadenza.render.RenderSettings;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The rendering options shared by {@code render}, {@code features}, {@code show} and {@code demo}. */
public final class RenderOptions {

    @Option(names = "--soundfont", paramLabel = "F.sf2",
            description = "SF2 soundfont. Default: Debian's FluidR3_GM or TimGM6mb when installed, else the JDK's built-in bank.")
    Path soundfont;

    @Option(names = "--program", paramLabel = "POLICY", defaultValue = "original",
            description = "Instruments: 'original' (the file's own programs), 'piano', 'organ' (one sound for every note, "
                    + "as the spectrogram-ResNet study did) or a General MIDI program 0-127. Default: ${DEFAULT-VALUE}.")
    String program;

    @Option(names = "--rate", paramLabel = "HZ", defaultValue = "22050",
            description = "Sample rate of the rendered mono audio, in Hz. Default: ${DEFAULT-VALUE}.")
    int rate;

    @Option(names = "--from-first-note",
            description = "Start the audio at the first note (drop leading silence: some performances start with minutes of it).")
    boolean fromFirstNote;

    @Option(names = "--excerpt", paramLabel = "SECONDS",
            description = "Render only the first SECONDS of each piece (counted from the first note with --from-first-note).")
    Double excerpt;

    /** The settings these options describe. */
    public RenderSettings settings() {
        RenderSettings.Builder b = RenderSettings.builder()
                .optProgram(ProgramPolicy.parse(program))
                .optSampleRate(rate);
        if (soundfont != null) {
            b.optSoundfont(soundfont);
        }
        b.optStartAtFirstNote(fromFirstNote);
        if (excerpt != null) {
            b.optExcerptSeconds(excerpt);
        }
        return b.build();
    }
}
