package org.cadenza.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Optional;

import org.cadenza.corpus.ProgressListener;
import org.cadenza.io.RealData;
import org.cadenza.model.train.TrainingListener;

/**
 * Default models trained once per test JVM on a real corpus (piano-midi.de from {@code CADENZA_DATA}: 332 files,
 * 25 composers, about a minute on two cores), in a temporary {@code cadenza.home}.
 */
final class TrainedDefaults {

    private static Path home;

    private TrainedDefaults() {
    }

    /** The piano-midi.de labels from {@code CADENZA_DATA}, when there. */
    static Optional<Path> pianoMidiDe() {
        return RealData.root().map(root -> root.resolve("piano-midi-de").resolve("labels.csv"))
                .filter(Files::isRegularFile);
    }

    /** A home folder whose {@code models/} holds the three trained default models. */
    static synchronized Path home() {
        if (home == null) {
            try {
                Path h = Files.createTempDirectory("cadenza-home");
                DefaultModels.at(h.resolve(DefaultModels.DIR)).train(EnumSet.allOf(ModelKind.class), false,
                        () -> TrainingData.of(pianoMidiDe().orElseThrow()), ProgressListener.NONE,
                        new TrainingListener() { }, 2);
                home = h;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return home;
    }

    /** The default models of {@link #home()}. */
    static DefaultModels models() {
        return DefaultModels.at(home().resolve(DefaultModels.DIR));
    }
}
