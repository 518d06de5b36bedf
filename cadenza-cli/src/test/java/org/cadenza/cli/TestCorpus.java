package org.cadenza.cli;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.cadenza.io.midi.TestMidi;
import org.junit.jupiter.api.Assumptions;

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

    /**
     * {@link #bassAndSoprano} in {@code tmp/music}, ingested, rendered and featurised in 2-s windows into
     * {@code tmp/ws}.
     *
     * @return the workspace
     */
    static Path featurisedBassAndSoprano(Path tmp, int pieces, int notes) throws Exception {
        return featurised(bassAndSoprano(tmp.resolve("music"), pieces, notes), tmp.resolve("ws"), "2s");
    }

    /**
     * {@link #asapScores} of {@code composers} (in {@code tmp/labels.csv}) ingested into {@code tmp/ws} (nothing
     * rendered); the test is skipped, saying why, when {@code CADENZA_DATA} does not hold asap/.
     *
     * @return the workspace
     */
    static Path ingestedAsapScores(Path tmp, List<String> composers, int perComposer) throws Exception {
        Optional<Path> labels = asapScores(tmp.resolve("labels.csv"), composers, perComposer);
        Assumptions.assumeTrue(labels.isPresent(),
                "CADENZA_DATA is not set (or lacks asap/): this test needs real MIDI");
        Path ws = tmp.resolve("ws");
        CommandLineTest.ok("ingest", labels.get().toString(), "--root", asap().orElseThrow().toString(), "-w",
                ws.toString());
        return ws;
    }

    /** {@code ingest}, {@code render} and {@code features --window <window>} of {@code music} into {@code ws}. */
    static Path featurised(Path music, Path ws, String window) {
        assertEquals(ExitCode.OK, CommandLineTest.cadenza("ingest", music.toString(), "-w", ws.toString()).code());
        assertEquals(ExitCode.OK, CommandLineTest.cadenza("render", ws.toString()).code());
        assertEquals(ExitCode.OK, CommandLineTest.cadenza("features", ws.toString(), "--window", window).code());
        return ws;
    }

    /**
     * A labels CSV (path,composer,piece_id, paths relative to {@code asap/}) of the score MIDI of the first
     * {@code perComposer} pieces (by piece id) of each composer in asap, or empty when {@code CADENZA_DATA} is not set
     * (or lacks asap).
     */
    static Optional<Path> asapScores(Path csv, List<String> composers, int perComposer) throws Exception {
        Optional<Path> asap = asap();
        if (asap.isEmpty()) {
            return Optional.empty();
        }
        Map<String, CSVRecord> firstScores = new TreeMap<>();
        try (Reader in = Files.newBufferedReader(asap.get().resolve("labels.csv"), StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
            for (CSVRecord r : parser) {
                if (composers.contains(r.get("composer")) && r.get("path").endsWith("midi_score.mid")) {
                    firstScores.putIfAbsent(r.get("piece_id"), r);
                }
            }
        }
        StringBuilder labels = new StringBuilder("path,composer,piece_id\n");
        Map<String, Integer> perComposerCount = new TreeMap<>();
        for (CSVRecord r : firstScores.values()) {
            if (perComposerCount.merge(r.get("composer"), 1, Integer::sum) <= perComposer) {
                labels.append(r.get("path")).append(',').append(r.get("composer")).append(',')
                        .append(r.get("piece_id")).append('\n');
            }
        }
        Files.writeString(csv, labels);
        return Optional.of(csv);
    }

    /**
     * A labels CSV (path,composer,piece_id, paths relative to {@code midi-classics/}) of the first {@code perComposer}
     * multi-instrument files (more than one GM program) and the first {@code perComposer} single-program files of
     * each composer, files shorter than 200 s, or empty when {@code CADENZA_DATA} lacks midi-classics.
     */
    static Optional<Path> midiClassicsMixed(Path csv, List<String> composers, int perComposer) throws Exception {
        String data = System.getenv("CADENZA_DATA");
        if (data == null || !Files.isRegularFile(Path.of(data, "midi-classics", "labels.csv"))) {
            return Optional.empty();
        }
        StringBuilder labels = new StringBuilder("path,composer,piece_id\n");
        Map<String, Integer> multi = new TreeMap<>();
        Map<String, Integer> single = new TreeMap<>();
        try (Reader in = Files.newBufferedReader(Path.of(data, "midi-classics", "labels.csv"), StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
            for (CSVRecord r : parser) {
                String c = r.get("composer");
                if (!composers.contains(c) || Double.parseDouble(r.get("length_s")) >= 200) {
                    continue;
                }
                boolean many = r.get("gm_programs").split(";").length > 1;
                Map<String, Integer> count = many ? multi : single;
                if (count.merge(c, 1, Integer::sum) <= perComposer) {
                    labels.append(r.get("path")).append(',').append(c).append(',').append(r.get("piece_id"))
                            .append('\n');
                }
            }
        }
        Files.writeString(csv, labels);
        return Optional.of(csv);
    }

    /** {@code $CADENZA_DATA/asap} when it is there. */
    static Optional<Path> asap() {
        String data = System.getenv("CADENZA_DATA");
        if (data == null || !Files.isRegularFile(Path.of(data, "asap", "labels.csv"))) {
            return Optional.empty();
        }
        return Optional.of(Path.of(data, "asap"));
    }
}
