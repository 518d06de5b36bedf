package org.cadenza.cli;

import org.cadenza.corpus.SpectrogramPicture;
import org.cadenza.features.FeatureKind;
import org.cadenza.features.FeatureParams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code cadenza show}: a spectrogram picture of one file. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = {"Draws a spectrogram picture of one file.",
                "Draws a spectrogram of a MIDI file (rendered on the fly) or a recording as a PNG picture, with time in seconds, frequency in Hz and a dB colour bar."})
public final class ShowCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "A .mid/.midi/.kar, .wav, .flac, .mp3 or .ogg file.")
    Path input;

    @Option(names = {"-o", "--out"}, paramLabel = "PNG", required = true, description = "The picture to write.")
    Path out;

    @Option(names = "--kind", defaultValue = "logmel",
            description = "What to draw: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    FeatureKind kind;

    @Option(names = "--start", paramLabel = "SECONDS", defaultValue = "0", description = "Start of the part to draw, in seconds.")
    double start;

    @Option(names = "--seconds", paramLabel = "SECONDS", description = "Length of the part to draw, in seconds. Default: all.")
    Double seconds;

    @Mixin
    RenderOptions render;

    @Override
    public Integer call() {
        SpectrogramPicture.Drawn d = SpectrogramPicture.draw(input, render.settings(),
                FeatureParams.builder().optKind(kind).build(),
                new SpectrogramPicture.Span(start, seconds == null ? Double.POSITIVE_INFINITY : seconds), out);
        System.out.printf("%s: %.1f s, %d frames x %d bins -> %s%n", input, d.seconds(), d.frames(), d.bins(), d.png());
        return ExitCode.OK;
    }
}
