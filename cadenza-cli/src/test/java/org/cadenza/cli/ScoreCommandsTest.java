package org.cadenza.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cadenza.io.midi.MidiLimits;
import org.cadenza.io.midi.Note;
import org.cadenza.io.midi.NoteReader;
import org.cadenza.io.midi.NoteSequence;
import org.cadenza.io.score.TestScores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands made for scores: convert, show --piano-roll; and a score refused by name where it is not music. */
class ScoreCommandsTest {

    @TempDir
    Path tmp;

    @Test
    void convertWritesTheMidiCadenzaHearsAndLeavesTheScoreAlone() throws Exception {
        Path krn = TestScores.kern(tmp.resolve("scale.krn"), "Chopin, Fryderyk");
        byte[] before = Files.readAllBytes(krn);
        Path mid = tmp.resolve("out/scale.mid");
        CommandLineTest.Result r = CommandLineTest.cadenza("convert", krn.toString(), "--to", "mid", "-o",
                mid.toString(), "--json");
        assertEquals(ExitCode.OK, r.code(), r.output());
        JsonNode o = new ObjectMapper().readTree(r.stdout());
        assertEquals("kern", o.get("format").asText());
        assertEquals(TestScores.KERN_NOTES, o.get("notes").asInt());
        assertEquals("Chopin, Fryderyk", o.get("composer").asText());
        NoteSequence back = NoteReader.read(mid, MidiLimits.DEFAULTS, NoteReader.Pedal.IGNORE);
        assertEquals(TestScores.KERN_NOTES, back.notes().size());
        assertEquals(TestScores.KERN_SECONDS, back.durationSeconds(), 0.002);
        assertEquals(List.of(36, 48, 48, 48, 55, 60, 60), back.notes().stream().map(Note::pitch)
                .filter(p -> p < 61).sorted().toList());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(krn)), "the score was only read");

        // a second time: refused, the first output kept; --force replaces it
        CommandLineTest.Result again = CommandLineTest.cadenza("convert", krn.toString(), "-o", mid.toString());
        assertEquals(ExitCode.ERROR, again.code(), again.output());
        assertEquals(ExitCode.OK, CommandLineTest.cadenza("convert", krn.toString(), "-o", mid.toString(),
                "--force").code());
    }

    @Test
    void showDrawsThePianoRollOfAScore() throws Exception {
        Path xml = TestScores.musicXml(tmp.resolve("scale.musicxml"), "Clara Schumann");
        Path png = tmp.resolve("roll.png");
        CommandLineTest.Result r = CommandLineTest.cadenza("show", xml.toString(), "--piano-roll", "-o",
                png.toString());
        assertEquals(ExitCode.OK, r.code(), r.output());
        assertTrue(Files.size(png) > 1000, "a PNG was written");
        assertTrue(r.stdout().contains("8.0 s"), r.stdout());
    }

    @Test
    void aFileThatIsNeitherMidiNorAScoreIsRefusedByName() {
        Path txt = tmp.resolve("notes.txt");
        CommandLineTest.Result r = CommandLineTest.cadenza("convert", txt.toString());
        assertEquals(ExitCode.BAD_INPUT, r.code(), r.output());
        assertTrue(r.output().contains("notes.txt") && r.output().contains(".krn"), r.output());
    }
}
