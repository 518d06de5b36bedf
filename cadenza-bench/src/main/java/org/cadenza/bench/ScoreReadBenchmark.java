package org.cadenza.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.cadenza.corpus.ProgressListener;
import org.cadenza.features.symbolic.SymbolicFeatures;
import org.cadenza.io.BadInputException;
import org.cadenza.io.CadenzaException;
import org.cadenza.io.Parameters;
import org.cadenza.io.midi.MidiLimits;
import org.cadenza.io.midi.NoteSequence;
import org.cadenza.io.score.ScoreFormat;
import org.cadenza.io.score.Scores;
import org.cadenza.model.notes.NotesSettings;
import org.cadenza.model.notes.NotesTraining;

/**
 * How fast Cadenza reads symbolic files and makes the notes route's features from them: every file is read with
 * {@link Scores#read} (default limits) and cut into the notes route's default windows, each window's symbolic
 * features computed, as {@code train --input notes} does. One batch per format family (MIDI, MusicXML, kern), each
 * on {@code threads} threads; files per second = files / the batch's wall seconds. The peers (music21, partitura)
 * only read, so this counts more work than theirs.
 */
public final class ScoreReadBenchmark {

    private ScoreReadBenchmark() {
    }

    /**
     * One format's figures.
     *
     * @param format  {@code midi}, {@code musicxml} or {@code kern}
     * @param files   files tried
     * @param failed  files that could not be read
     * @param notes   notes read
     * @param windows feature rows made
     * @param seconds wall seconds of the batch
     */
    public record Row(String format, int files, int failed, long notes, long windows, double seconds) {
        /** Files per second (read + features), failures included. */
        public double filesPerSecond() {
            return files / seconds;
        }
    }

    /** A file that could not be read, with the reader's message. */
    public record Failure(Path file, String problem) {
    }

    /** The benchmark's outcome. */
    public record Result(String command, BenchMachine machine, int threads, List<Row> rows, List<Failure> failures) {

        /** @return a Markdown section for docs/BENCHMARKS.md */
        public String toMarkdown() {
            StringBuilder b = new StringBuilder("### Reading symbolic files with the notes route's features\n\n");
            b.append("Command: `").append(command).append("`  \n");
            b.append(machine.toMarkdown()).append('\n');
            b.append("Threads: ").append(threads).append(". Each file read (default limits) and cut into 30-s/15-s ")
                    .append("windows with their symbolic features.\n\n");
            b.append("| format | files | failed | notes | windows | seconds | files/s |\n|---|---:|---:|---:|---:|---:|---:|\n");
            for (Row r : rows) {
                b.append(String.format(Locale.ROOT, "| %s | %,d | %d | %,d | %,d | %.1f | %.0f |%n", r.format(),
                        r.files(), r.failed(), r.notes(), r.windows(), r.seconds(), r.filesPerSecond()));
            }
            if (!failures.isEmpty()) {
                b.append("\nFiles that could not be read:\n\n");
                failures.forEach(f -> b.append("- `").append(f.file()).append("`: ").append(f.problem()).append('\n'));
            }
            return b.toString();
        }
    }

    /**
     * @param inputs   files, or folders searched (recursively, sorted) for files of every {@link ScoreFormat}
     * @param threads  reading threads, &ge; 1
     * @param command  this benchmark's own command line, for the report
     */
    public static Result run(List<Path> inputs, int threads, String command, ProgressListener progress) {
        Parameters.atLeast("threads", threads, 1);
        Map<String, List<Path>> byFormat = new java.util.LinkedHashMap<>();
        for (ScoreFormat f : ScoreFormat.values()) {
            byFormat.putIfAbsent(f.family(), new ArrayList<>());
        }
        for (Path p : files(inputs)) {
            byFormat.get(Scores.formatOf(p).family()).add(p);
        }
        NotesSettings settings = NotesSettings.defaults();
        SymbolicFeatures features = new SymbolicFeatures(settings.features());
        List<Row> rows = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (Map.Entry<String, List<Path>> e : byFormat.entrySet()) {
                if (e.getValue().isEmpty()) {
                    continue;
                }
                progress.start("read " + e.getKey(), e.getValue().size());
                long t0 = System.nanoTime();
                List<Future<long[]>> futures = new ArrayList<>();
                for (Path file : e.getValue()) {
                    futures.add(pool.submit(() -> readOne(file, settings, features)));
                }
                long notes = 0;
                long windows = 0;
                int failed = 0;
                for (int i = 0; i < futures.size(); i++) {
                    Path file = e.getValue().get(i);
                    try {
                        long[] r = futures.get(i).get();
                        notes += r[0];
                        windows += r[1];
                        progress.advance(file.toString(), true);
                    } catch (ExecutionException x) {
                        failed++;
                        Throwable cause = x.getCause();
                        failures.add(new Failure(file, cause instanceof BadInputException b ? b.problem()
                                : String.valueOf(cause.getMessage())));
                        progress.advance(file.toString(), false);
                    }
                }
                progress.finish();
                rows.add(new Row(e.getKey(), e.getValue().size(), failed, notes, windows,
                        (System.nanoTime() - t0) / 1e9));
            }
        } catch (InterruptedException x) {
            Thread.currentThread().interrupt();
            throw new CadenzaException("interrupted while reading scores", x);
        } finally {
            pool.shutdownNow();
        }
        return new Result(command, BenchMachine.current(), threads, rows, failures);
    }

    private static long[] readOne(Path file, NotesSettings settings, SymbolicFeatures features) {
        NoteSequence seq = Scores.readNotes(file, MidiLimits.DEFAULTS, settings.pedal());
        long windows = NotesTraining.rowsOf(seq, settings, features).size();
        return new long[] {seq.notes().size(), windows};
    }

    private static List<Path> files(List<Path> inputs) {
        List<Path> out = new ArrayList<>();
        for (Path in : inputs) {
            if (Files.isDirectory(in)) {
                try (Stream<Path> walk = Files.walk(in)) {
                    walk.filter(Files::isRegularFile).filter(ScoreFormat::isSymbolic).sorted().forEach(out::add);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list " + in, e);
                }
            } else {
                Scores.formatOf(in);
                out.add(in);
            }
        }
        if (out.isEmpty()) {
            throw new CadenzaException("no MIDI files or scores in " + inputs);
        }
        return out;
    }
}
