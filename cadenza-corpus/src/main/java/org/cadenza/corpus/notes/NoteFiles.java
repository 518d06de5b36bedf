package org.cadenza.corpus.notes;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import org.cadenza.corpus.ProgressListener;
import org.cadenza.corpus.catalog.CatalogFile;
import org.cadenza.io.BadInputException;
import org.cadenza.io.CadenzaException;
import org.cadenza.io.Parameters;
import org.cadenza.io.midi.MidiLimits;
import org.cadenza.io.midi.NoteReader;
import org.cadenza.io.midi.NoteSequence;
import org.cadenza.io.score.Scores;

/**
 * Reads the notes of catalogued MIDI files (from the bytes the workspace keeps: the source file itself, or the copy
 * of a zip member) and turns each into something smaller right away, so that a corpus's notes are never all in
 * memory at once. User files are only read.
 */
public final class NoteFiles {

    /**
     * What became of one file.
     *
     * @param file    the catalogued file
     * @param value   the function's result, when the file could be read
     * @param problem why it could not (the {@link BadInputException} message naming the file), otherwise empty
     */
    public record Outcome<T>(CatalogFile file, Optional<T> value, Optional<String> problem) {
    }

    private NoteFiles() {
    }

    /** Whether the route that reads notes can use {@code f}: MIDI files and scores. */
    public static boolean readable(CatalogFile f) {
        return f.kind().hasNotes();
    }

    /** The exclusion reason recorded for recordings. */
    public static final String NOT_MIDI = "a recording: the notes are read from MIDI files and scores only";

    /** The notes of one catalogued MIDI file or score. */
    public static NoteSequence read(CatalogFile f, NoteReader.Pedal pedal) {
        if (!readable(f)) {
            throw new BadInputException(Path.of(f.sourcePath()), NOT_MIDI);
        }
        return Scores.readNotes(Path.of(f.storedPath()), MidiLimits.DEFAULTS, pedal);
    }

    /**
     * Reads every file's notes on {@code threads} threads and applies {@code fn}; a file that cannot be read (or
     * whose {@code fn} fails with a {@link BadInputException}) gets a problem and the others go on.
     *
     * @return one outcome per file, in the order of {@code files}
     */
    public static <T> List<Outcome<T>> map(List<CatalogFile> files, NoteReader.Pedal pedal,
                                           Function<NoteSequence, T> fn, int threads, ProgressListener progress,
                                           String task) {
        Objects.requireNonNull(fn, "fn");
        Parameters.atLeast("threads", threads, 1);
        progress.start(task, files.size());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "cadenza-notes");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Outcome<T>>> futures = new ArrayList<>(files.size());
            for (CatalogFile f : files) {
                futures.add(pool.submit(() -> {
                    Outcome<T> o;
                    try {
                        o = new Outcome<>(f, Optional.of(fn.apply(read(f, pedal))), Optional.empty());
                    } catch (BadInputException e) {
                        o = new Outcome<>(f, Optional.empty(), Optional.of(e.getMessage()));
                    }
                    progress.advance(f.sourcePath(), o.value().isPresent());
                    return o;
                }));
            }
            List<Outcome<T>> out = new ArrayList<>(files.size());
            for (Future<Outcome<T>> fu : futures) {
                out.add(fu.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CadenzaException("interrupted while reading notes", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            throw new CadenzaException("reading notes failed: " + c, c);
        } finally {
            pool.shutdownNow();
            progress.finish();
        }
    }
}
