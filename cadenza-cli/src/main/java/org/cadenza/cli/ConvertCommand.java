package org.cadenza.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.cadenza.io.score.Score;
import org.cadenza.io.score.Scores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cadenza convert}: writes the MIDI Cadenza hears from a score (or a MIDI file). */
@Command(name = "convert", mixinStandardHelpOptions = true)
public final class ConvertCommand implements Callable<Integer> {

    /** What a file can be converted to. */
    enum Target {
        MID
    }

    @Parameters(index = "0", paramLabel = "FILE")
    Path input;

    @Option(names = "--to", paramLabel = "FORMAT", defaultValue = "mid")
    Target to;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE")
    Path out;

    @Option(names = "--force")
    boolean force;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        Path target = out != null ? out : Path.of(baseName(input) + "." + to.name().toLowerCase(Locale.ROOT));
        Score score = Scores.writeMidi(input, target, force);
        String text = String.format(Locale.ROOT, "%s (%s): %d notes, %.1f s, %d bars%s -> %s%n", input,
                score.format().family(), score.notes().notes().size(), score.notes().durationSeconds(),
                score.notes().barStartSeconds().size(),
                score.metadata().composer().map(c -> ", composer " + c).orElse(""), target);
        json.print(text, () -> {
            ObjectNode o = JsonOption.object();
            o.put("input", input.toString()).put("format", score.format().family()).put("out", target.toString())
                    .put("notes", score.notes().notes().size()).put("seconds", score.notes().durationSeconds())
                    .put("bars", score.notes().barStartSeconds().size());
            score.metadata().composer().ifPresent(c -> o.put("composer", c));
            score.metadata().title().ifPresent(t -> o.put("title", t));
            return o;
        });
        return ExitCode.OK;
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
