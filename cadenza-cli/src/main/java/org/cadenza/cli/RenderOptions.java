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
                    + "as seed 000 did) or a General MIDI program 0-127. Default: ${DEFAULT-VALUE}.")
    String program;

    @Option(names = "--rate", paramLabel = "HZ", defaultValue = "22050",
            description = "Sample rate of the rendered mono audio, in Hz. Default: ${DEFAULT-VALUE}.")
    int rate;

    /** The settings these options describe. */
    public RenderSettings settings() {
        RenderSettings.Builder b = RenderSettings.builder()
                .optProgram(ProgramPolicy.parse(program))
                .optSampleRate(rate);
        if (soundfont != null) {
            b.optSoundfont(soundfont);
        }
        return b.build();
    }
}
