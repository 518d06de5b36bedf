package org.cadenza.features.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.cadenza.io.RealData;
import org.cadenza.io.midi.MidiLimits;
import org.cadenza.io.midi.MidiWriter;
import org.cadenza.io.midi.Note;
import org.cadenza.io.midi.NoteReader;
import org.cadenza.io.midi.NoteSequence;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Token round trips on 3 files of {@code $CADENZA_DATA/asap} and 2 of {@code $CADENZA_DATA/piano-midi-de} (rows
 * spread over each {@code labels.csv}); skipped, with a message, when CADENZA_DATA is unset.
 */
class RealMidiTokensTest {

    private static final double TICK = 1.0 / 960;

    @TempDir
    Path dir;

    private static List<Path> files(Path data, String corpus, int count) throws IOException {
        Path labels = data.resolve(corpus).resolve("labels.csv");
        Assumptions.assumeTrue(Files.isRegularFile(labels), labels + " is not in CADENZA_DATA");
        List<String> rows = Files.readAllLines(labels);
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int row = 1 + (int) ((long) i * (rows.size() - 1) / count);
            out.add(labels.getParent().resolve(rows.get(row).split(",", 2)[0]));
        }
        return out;
    }

    @Test
    void realFilesRoundTripThroughTokensAndMidiWriter() throws IOException {
        Path data = RealData.requireRoot("token round trips on real MIDI files");
        List<Path> midis = new ArrayList<>(files(data, "asap", 3));
        midis.addAll(files(data, "piano-midi-de", 2));
        NoteTokenizer tok = new NoteTokenizer(TokenizerParams.defaults(), List.of("chopin"));
        TokenizerParams p = tok.params();
        int n = 0;
        for (Path midi : midis) {
            NoteSequence seq = NoteReader.read(midi, MidiLimits.DEFAULTS, NoteReader.Pedal.IGNORE);
            NoteTokenizer.Encoding enc = tok.encodeWithReport(seq, "chopin");
            assertEquals(enc.notesIn(), enc.notesKept() + enc.droppedOutOfRange() + enc.droppedPercussion(),
                    midi + ": " + enc.summary());
            assertTrue(enc.notesKept() > 100, midi + ": " + enc.summary());
            NoteSequence decoded = tok.decode(enc.tokens());

            // every kept note within half a step; a clipped one ends maxDurationSteps after its quantised onset
            List<Note> expected = new ArrayList<>();
            int clipped = 0;
            for (Note x : seq.notes()) {
                if (x.isPercussion() || !p.inRange(x.pitch())) {
                    continue;
                }
                long on = p.steps(x.onsetSeconds());
                if (p.steps(x.offsetSeconds()) - on > p.maxDurationSteps()) {
                    clipped++;
                    x = new Note(x.pitch(), x.onsetSeconds(), p.seconds(on + p.maxDurationSteps()), x.velocity(),
                            x.channel(), x.program(), x.track());
                }
                expected.add(x);
            }
            assertEquals(clipped, enc.clipped(), midi.toString());
            NoteTokenizerTest.assertRoundTrip(tok, expected, decoded);

            // the decoded notes and the original ones survive a write through MidiWriter and a read back
            Path out = dir.resolve("decoded-" + n + ".mid");
            MidiWriter.write(decoded, out, MidiWriter.Options.DEFAULTS);
            assertSameTimes(decoded.notes(),
                    NoteReader.read(out, MidiLimits.DEFAULTS, NoteReader.Pedal.IGNORE).notes(), midi);
            Path copy = dir.resolve("copy-" + n++ + ".mid");
            MidiWriter.write(seq, copy, MidiWriter.Options.DEFAULTS);
            assertSameTimes(seq.notes(), NoteReader.read(copy, MidiLimits.DEFAULTS, NoteReader.Pedal.IGNORE).notes(),
                    midi);
        }
    }

    private static void assertSameTimes(List<Note> expected, List<Note> actual, Path midi) {
        assertEquals(expected.size(), actual.size(), midi + ": number of notes");
        Comparator<Note> order = Comparator.comparingInt(Note::channel).thenComparingInt(Note::pitch)
                .thenComparingDouble(Note::onsetSeconds).thenComparingDouble(Note::offsetSeconds);
        List<Note> e = new ArrayList<>(expected);
        List<Note> a = new ArrayList<>(actual);
        e.sort(order);
        a.sort(order);
        for (int i = 0; i < e.size(); i++) {
            Note x = e.get(i);
            Note y = a.get(i);
            String what = midi + ", note " + i + ": " + x + " read back as " + y;
            assertEquals(x.pitch(), y.pitch(), what);
            assertEquals(x.velocity(), y.velocity(), what);
            assertEquals(x.channel(), y.channel(), what);
            assertEquals(x.program(), y.program(), what);
            assertEquals(x.onsetSeconds(), y.onsetSeconds(), TICK + 1e-9, what);
            assertEquals(x.offsetSeconds(), y.offsetSeconds(), TICK + 1e-9, what);
        }
    }
}
