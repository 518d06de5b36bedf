package org.cadenza.cli;

import org.cadenza.corpus.PianoRollPicture;
import org.cadenza.corpus.SpectrogramPicture;
import org.cadenza.features.FeatureParams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code cadenza show}: a spectrogram picture of one file, or the piano roll of a MIDI file or score. */
@Command(name = "show", mixinStandardHelpOptions = true)
public final class ShowCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE")
    Path input;

    @Option(names = {"-o", "--out"}, paramLabel = "PNG", required = true)
    Path out;

    @Mixin
    FeatureKindOption kind;

    @Option(names = "--start", paramLabel = "SECONDS", defaultValue = "0")
    double start;

    @Option(names = "--seconds", paramLabel = "SECONDS")
    Double seconds;

    @Option(names = "--piano-roll")
    boolean pianoRoll;

    @Mixin
    RenderOptions render;

    @Override
    public Integer call() {
        SpectrogramPicture.Span span = new SpectrogramPicture.Span(start,
                seconds == null ? Double.POSITIVE_INFINITY : seconds);
        SpectrogramPicture.Drawn d = pianoRoll ? PianoRollPicture.draw(input, span, out)
                : SpectrogramPicture.draw(input, render.settings(), FeatureParams.builder().optKind(kind.value())
                        .build(), span, out);
        System.out.printf("%s: %.1f s, %d frames x %d bins -> %s%n", input, d.seconds(), d.frames(), d.bins(), d.png());
        return ExitCode.OK;
    }
}
