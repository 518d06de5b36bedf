package org.cadenza.corpus.datasets;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.cadenza.corpus.ProgressListener;
import org.cadenza.corpus.names.ComposerNames;
import org.cadenza.io.CadenzaException;
import org.cadenza.io.midi.MidiLimits;
import org.cadenza.io.midi.NoteReader;
import org.cadenza.io.score.ScoreMetadata;
import org.cadenza.io.score.Scores;

/**
 * A score corpus with no metadata file: each score is read ({@link Scores#read}) and labelled by the composer it
 * names (MusicXML {@code <creator type="composer">}, kern {@code !!!COM}), or else by the composer its path names,
 * mapped to an id by {@link ComposerNames}; title, life dates and instruments come from the score too. A score
 * that cannot be read ({@link SkippedFile.Reason#UNREADABLE}) or whose composer is unknown
 * ({@link SkippedFile.Reason#ANONYMOUS}) is left out and the fetch goes on.
 *
 * @param naming where the scores are and what their paths say
 * @param names  composer names to ids
 */
record ScoreLayout(ScoreNaming naming, ComposerNames names) implements DatasetLayout {

    ScoreLayout {
        Objects.requireNonNull(naming, "naming");
        Objects.requireNonNull(names, "names");
    }

    /** A layout with the built-in composer names. */
    ScoreLayout(ScoreNaming naming) {
        this(naming, ComposerNames.builtIn());
    }

    @Override
    public boolean wanted(String relativePath) {
        return naming.accepts(relativePath);
    }

    @Override
    public Labelling label(Path top, List<String> files, ProgressListener progress) {
        List<FetchedLabel> rows = new ArrayList<>();
        List<SkippedFile> skipped = new ArrayList<>();
        progress.start("read scores", files.size());
        try {
            for (String file : files) {
                ScoreMetadata meta;
                try {
                    meta = Scores.read(top.resolve(file), MidiLimits.DEFAULTS, NoteReader.Pedal.IGNORE).metadata();
                } catch (CadenzaException | UncheckedIOException e) {
                    skipped.add(new SkippedFile(file, SkippedFile.Reason.UNREADABLE, e.getMessage()));
                    progress.advance(file, false);
                    continue;
                }
                Optional<String> written = meta.composer().or(() -> naming.composerFromPath(file));
                Optional<String> id = written.flatMap(this::knownComposer);
                if (id.isEmpty()) {
                    skipped.add(new SkippedFile(file, SkippedFile.Reason.ANONYMOUS,
                            written.map(w -> "composer '" + w + "'").orElse("names no composer")));
                    progress.advance(file, false);
                    continue;
                }
                ScoreNaming.Placement p = naming.place(file, id.get());
                rows.add(new FetchedLabel(p.path(), id.get(), p.pieceId(), p.workId(), file,
                        meta.title().orElse(p.title()), written.get(), meta.born(), meta.died(), meta.instruments()));
                progress.advance(file, true);
            }
        } finally {
            progress.finish();
        }
        return new Labelling(rows, skipped);
    }

    /** The id of {@code written}; empty for an anonymous composer or a name without letters. */
    private Optional<String> knownComposer(String written) {
        try {
            return Optional.of(names.toId(written)).filter(id -> !id.equals(ComposerNames.ANONYMOUS));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String expected() {
        return naming.expected();
    }

    @Override
    public String labelledBy() {
        return "labels from each score's " + naming.composerRecord() + " (ids by Cadenza's composer names)";
    }
}
