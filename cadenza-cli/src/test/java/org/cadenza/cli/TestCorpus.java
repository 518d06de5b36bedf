package org.cadenza.cli;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Small separable corpora for the command-line tests, made ready for training through the commands themselves. */
final class TestCorpus {
    private TestCorpus() {
    }

    /**
     * Writes {@code pieces} melodies per "composer": Basso (low notes, bass sound) and Soprano (high notes, flute),
     * piece {@code i} starting {@code i} semitones higher, {@code notes} half-second notes each.
     *
     * @return the music folder ({@code <composer>/piece<i>.mid})
     */
    static Path bassAndSoprano(Path music, int pieces, int notes) throws Exception {
        for (int i = 0; i < pieces; i++) {
            TestMidi.melody(music.resolve("Basso/piece" + i + ".mid"), 36 + i, notes, 32);
            TestMidi.melody(music.resolve("Soprano/piece" + i + ".mid"), 72 + i, notes, 73);
        }
        return music;
    }

    /** {@code ingest}, {@code render} and {@code features --window <window>} of {@code music} into {@code ws}. */
    static Path featurised(Path music, Path ws, String window) {
        assertEquals(ExitCode.OK, CommandLineTest.cadenza("ingest", music.toString(), "-w", ws.toString()).code());
        assertEquals(ExitCode.OK, CommandLineTest.cadenza("render", ws.toString()).code());
        assertEquals(ExitCode.OK, CommandLineTest.cadenza("features", ws.toString(), "--window", window).code());
        return ws;
    }
}
