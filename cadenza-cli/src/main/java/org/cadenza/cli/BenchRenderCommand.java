package org.cadenza.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.cadenza.bench.RenderBenchResult;
import org.cadenza.bench.RenderBenchmark;
import org.cadenza.corpus.MusicLoader;
import org.cadenza.io.CadenzaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cadenza bench render}. */
@Command(name = "render", mixinStandardHelpOptions = true)
public final class BenchRenderCommand extends BenchCommand.Subcommand {
    @Parameters(paramLabel = "FILE|FOLDER", arity = "1..*")
    List<Path> inputs;

    @Mixin
    DataFolderOption data;

    @Option(names = "--limit", defaultValue = "20")
    int limit;

    @Mixin
    BenchCommand.Repeats repeats = new BenchCommand.Repeats(1);

    @Option(names = "--fluidsynth", paramLabel = "PATH")
    String fluidsynth;

    @Mixin
    RenderOptions render;

    @Override
    public Integer call() {
        List<Path> files = spread(midiFiles(inputs.stream()
                .map(data::resolve).toList()), limit);
        RenderBenchResult r = RenderBenchmark.run(files, render.settings(),
                BenchCommand.peer(fluidsynth, RenderBenchmark::findFluidsynth), repeats.repeats);
        output.emit(r.toMarkdown());
        return ExitCode.OK;
    }

    /** MIDI files named or found under folders, sorted by path. */
    static List<Path> midiFiles(List<Path> inputs) {
        List<Path> files = new ArrayList<>();
        for (Path p : inputs) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile)
                            .filter(f -> MusicLoader.MIDI_EXTENSIONS.contains(MusicLoader.extension(f)))
                            .sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list " + p, e);
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                throw new CadenzaException(p + ": no such file or folder");
            }
        }
        if (files.isEmpty()) {
            throw new CadenzaException("no MIDI files in " + inputs);
        }
        return files;
    }

    /** At most {@code limit} items, evenly spread over the list (deterministic). */
    static <T> List<T> spread(List<T> items, int limit) {
        if (limit <= 0 || items.size() <= limit) {
            return items;
        }
        List<T> out = new ArrayList<>(limit);
        for (int i = 0; i < limit; i++) {
            out.add(items.get((int) ((long) i * items.size() / limit)));
        }
        return out;
    }
}
