package org.cadenza.cli;

import org.cadenza.render.ProgramPolicy;
import org.cadenza.render.RenderSettings;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The rendering options shared by {@code render}, {@code features}, {@code show} and {@code demo}. */
public final class RenderOptions {

    @Option(names = "--soundfont", paramLabel = "F.sf2")
    Path soundfont;

    @Option(names = "--program", paramLabel = "POLICY", defaultValue = "original")
    String program;

    @Option(names = "--rate", paramLabel = "HZ", defaultValue = "22050")
    int rate;

    @Option(names = "--from-first-note")
    boolean fromFirstNote;

    @Option(names = "--excerpt", paramLabel = "SECONDS")
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
