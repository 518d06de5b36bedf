package org.cadenza.api;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.cadenza.corpus.ProgressListener;
import org.cadenza.corpus.datasets.DatasetFetcher;
import org.cadenza.corpus.datasets.PublicDataset;
import org.cadenza.io.BadInputException;

/**
 * What the default models are trained on: labelled collections, each a {@code labels.csv} (columns
 * {@code path, composer, piece_id[, work_id][, period]}) or a folder of {@code <composer>/.../<file>}.
 *
 * @param sources the labels files or folders, ingested in this order
 */
public record TrainingData(List<Path> sources) {

    public TrainingData {
        sources = List.copyOf(sources);
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("training data needs at least one labels.csv or folder");
        }
    }

    /** @return training data from these labels files or folders */
    public static TrainingData of(Path... sources) {
        return new TrainingData(List.of(sources));
    }

    /**
     * The public piano corpora the defaults are trained on: ASAP and piano-midi.de, used in place from
     * {@code CADENZA_DATA} when it holds them, else downloaded once from their home repositories into
     * {@code <home>/datasets} (offline, the fetcher's error says what to do).
     */
    public static TrainingData publicPianoCorpora(Path home, ProgressListener progress) {
        return publicPianoCorpora(home, DatasetFetcher.fromEnvironment(), progress);
    }

    /**
     * As {@link #publicPianoCorpora(Path, ProgressListener)}, with the local copies looked for in {@code datasets}
     * (a folder holding {@code asap/} and {@code piano-midi-de/}) instead of {@code CADENZA_DATA}.
     */
    public static TrainingData publicPianoCorpora(Path home, Path datasets, ProgressListener progress) {
        return publicPianoCorpora(home, DatasetFetcher.withLocalRoot(Optional.of(datasets)), progress);
    }

    private static TrainingData publicPianoCorpora(Path home, DatasetFetcher fetcher, ProgressListener progress) {
        List<Path> out = new ArrayList<>();
        for (PublicDataset d : List.of(PublicDataset.ASAP, PublicDataset.PIANO_MIDI_DE)) {
            out.add(fetcher.fetch(d, home.resolve("datasets"), Optional.empty(), progress).folder()
                    .resolve("labels.csv"));
        }
        return new TrainingData(out);
    }

    /** @throws BadInputException for a source that does not exist */
    void requireExisting() {
        for (Path p : sources) {
            if (!Files.exists(p)) {
                throw new BadInputException(p, "no such labels file or folder to train the default models on");
            }
        }
    }
}
