package org.cadenza.io.score.kern;

import static org.cadenza.io.score.ScoreAssertions.assertBars;
import static org.cadenza.io.score.ScoreAssertions.assertNotesInSequenceOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.cadenza.io.midi.MidiLimits;
import org.cadenza.io.midi.Note;
import org.cadenza.io.score.Score;
import org.cadenza.io.score.ScoreFormat;
import org.cadenza.io.score.ScoreMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hand-written kern files whose notes, bars and metadata are known exactly. */
class KernReaderTest {

    @TempDir
    Path dir;

    private KernReading read(String... lines) throws Exception {
        Path file = Files.writeString(dir.resolve("t.krn"), String.join("\n", lines) + "\n");
        return KernReader.readCounted(file, MidiLimits.DEFAULTS);
    }

    /** A note as expected: pitch, onset, offset, program, track (channel = track below 9, velocity 80). */
    private static Note note(int pitch, double on, double off, int program, int track) {
        return new Note(pitch, on, off, KernReader.VELOCITY, track, program, track);
    }

    @Test
    void twoPartsAndATextSpineWithChordTieDotsTripletRestAndMetadata() throws Exception {
        KernReading r = read(
                "!!!COM: Chopin, Fryderyk",
                "!!!CDT: 1810/03/01-1849/10/17",
                "!!!OTL: Mazurka",
                "!!!AIN: 1 piano 1 violn 2 empty",
                "**kern\t**kern\t**text",
                "*Ipiano\t*Ivioln\t*",
                "*M3/4\t*M3/4\t*",
                "*k[f#]\t*k[f#]\t*",
                "*MM60\t*MM60\t*",
                "=1\t=1\t=1",
                "4C 4E\t4.c\tla",           // a chord; a dotted quarter
                "4r\t.\t.",                  // a rest; the dotted quarter holds
                ".\t8d\t.",
                "4G[\t4e\t-la",              // a tie starts...
                "=-\t=-\t=-",               // an unnumbered invisible bar line: no measure starts
                "=2\t=2\t=2",
                "4G]\t12f\t.",               // ...and ends across the bar line; a triplet
                ".\t12g\t.",
                "!\t!\t! a local comment",
                ".\t12a\t.",
                "2B\t2b\tla",
                "==\t==\t==",
                "*-\t*-\t*-");
        Score score = r.score();
        assertEquals(ScoreFormat.KERN, score.format());
        // 60 quarter notes per minute: one quarter note is one second
        double third = 1.0 / 3;
        assertNotesInSequenceOrder(List.of(
                note(48, 0, 1, 0, 0), note(52, 0, 1, 0, 0), note(55, 2, 4, 0, 0), note(59, 4, 6, 0, 0),
                note(60, 0, 1.5, 40, 1), note(62, 1.5, 2, 40, 1), note(64, 2, 3, 40, 1),
                note(65, 3, 3 + third, 40, 1), note(67, 3 + third, 3 + 2 * third, 40, 1),
                note(69, 3 + 2 * third, 4, 40, 1), note(71, 4, 6, 40, 1)), score.notes().notes());
        assertBars(List.of(0.0, 3.0), score.notes().barStartSeconds()); // the final bar line ends the music
        assertEquals(11, r.attacks());  // the tied G's end is no attack
        assertEquals(0, r.timelessNotes());

        ScoreMetadata m = score.metadata();
        assertEquals(Optional.of("Chopin, Fryderyk"), m.composer());
        assertEquals(Optional.of("Mazurka"), m.title());
        assertEquals(Optional.of("1810/03/01-1849/10/17"), m.dates());
        assertEquals(OptionalInt.of(1810), m.born());
        assertEquals(OptionalInt.of(1849), m.died());
        assertEquals(List.of("piano", "violn"), m.instruments());
    }

    @Test
    void splitSubSpinesKeepTheirOwnRhythmsUntilTheyJoinAndExchangedSpinesKeepTheirParts() throws Exception {
        KernReading r = read(
                "**kern\t**kern",
                "*^\t*",
                "4c\t2e\t1G",       // part 0 in two voices; part 1
                "4d\t.\t.",
                "4e\t2f\t.",
                "4f\t.\t.",
                "*v\t*v\t*",
                "*x\t*x",            // now part 1 is on the left
                "2B\t2g",
                "*x\t*x",
                "2c\t2A",
                "*-\t*-");
        // no *MM: 120 quarter notes per minute, 0.5 s each
        assertNotesInSequenceOrder(List.of(
                note(60, 0, 0.5, 0, 0), note(62, 0.5, 1, 0, 0), note(64, 1, 1.5, 0, 0), note(65, 1.5, 2, 0, 0),
                note(64, 0, 1, 0, 0), note(65, 1, 2, 0, 0), note(67, 2, 3, 0, 0), note(60, 3, 4, 0, 0),
                note(55, 0, 2, 0, 1), note(59, 2, 3, 0, 1), note(57, 3, 4, 0, 1)), r.score().notes().notes());
        assertBars(List.of(0.0), r.score().notes().barStartSeconds());
        assertEquals(11, r.attacks());
    }

    @Test
    void aSpineAddedWithPlusBecomesAPartWhenItsExclusiveInterpretationComes() throws Exception {
        List<Note> notes = read("**kern", "2c", "*+", "*\t**kern", "2d\t2e", "*-\t*-").score().notes().notes();
        assertNotesInSequenceOrder(List.of(note(60, 0, 1, 0, 0), note(62, 1, 2, 0, 0), note(64, 1, 2, 0, 1)), notes);
    }

    @Test
    void tempoAndMeterChangesAndAGraceNoteThatTakesNoTime() throws Exception {
        KernReading r = read(
                "**kern\t**kern",
                "*M2/4\t*M2/4",
                "*MM60\t*",
                "=1\t=1",
                "4c\t2C",
                "8qd\t.",            // a grace note: left out, no time
                "*MM120\t*MM120",    // from quarter note 1 on, in both spines: C's second half is 0.5 s
                "4e\t.",
                "=2\t=2",
                "*M3/4\t*M3/4",
                "2.f\t2.F",
                "=3\t=3",
                "0g\t0G",            // a breve: 8 quarter notes
                "==\t==",
                "*-\t*-");
        assertNotesInSequenceOrder(List.of(
                note(60, 0, 1, 0, 0), note(64, 1, 1.5, 0, 0), note(65, 1.5, 3, 0, 0), note(67, 3, 7, 0, 0),
                note(48, 0, 1.5, 0, 1), note(53, 1.5, 3, 0, 1), note(55, 3, 7, 0, 1)), r.score().notes().notes());
        assertBars(List.of(0.0, 1.5, 3.0), r.score().notes().barStartSeconds());
        assertEquals(8, r.attacks());
        assertEquals(1, r.timelessNotes());
    }

    @Test
    void chordMembersWithoutADurationTakeTheChordsAndUnmeasuredNotesTakeNoTime() throws Exception {
        KernReading r = read(
                "**kern",
                "c",                 // an intonation without rhythm
                "d",
                "=1",
                "4e g cc",
                "4r",
                "*-");
        assertNotesInSequenceOrder(List.of(note(64, 0, 0.5, 0, 0), note(67, 0, 0.5, 0, 0), note(72, 0, 0.5, 0, 0)),
                r.score().notes().notes());
        assertEquals(5, r.attacks());
        assertEquals(2, r.timelessNotes());
    }

    @Test
    void instrumentsByCodeThenByNameAndPartsPastNineSkipThePercussionChannel() throws Exception {
        int parts = 11;
        List<String> header = new ArrayList<>(Collections.nCopies(parts, "**kern"));
        List<String> codes = new ArrayList<>(Collections.nCopies(parts, "*"));
        List<String> names = new ArrayList<>(Collections.nCopies(parts, "*"));
        codes.set(0, "*Ivioln");
        names.set(0, "*I\"Flauto");        // the code wins
        codes.set(1, "*Iempty");
        names.set(1, "*I\"Corno Primo");   // no program for "empty": the name gives the horn
        codes.set(2, "*ICvox");            // a class, not an instrument
        names.set(2, "*I'Vl.");            // an abbreviation
        KernReading r = read(String.join("\t", header), String.join("\t", codes), String.join("\t", names),
                String.join("\t", Collections.nCopies(parts, "4c")), String.join("\t", Collections.nCopies(parts, "*-")));
        List<Note> notes = r.score().notes().notes().stream()
                .sorted((a, b) -> Integer.compare(a.track(), b.track())).toList();
        assertEquals(List.of(40, 60, 0), notes.subList(0, 3).stream().map(Note::program).toList());
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11), notes.stream().map(Note::channel).toList());
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10), notes.stream().map(Note::track).toList());
        assertEquals(List.of("violn"), r.score().metadata().instruments());
    }

    @Test
    void aTempoChangeDuringANoteTimesEachPartOfIt() throws Exception {
        // 120 BPM, a quarter note 0.5 s, until *MM30 at quarter note 1: from there 2 s a quarter note
        List<Note> notes = read("**kern\t**kern", "1c\t4e", "*MM30\t*", ".\t2.f", "*-\t*-").score().notes().notes();
        assertNotesInSequenceOrder(List.of(note(60, 0, 6.5, 0, 0), note(64, 0, 0.5, 0, 1), note(65, 0.5, 6.5, 0, 1)), notes);
    }

    @Test
    void latin1FilesAreReadWhenTheyAreNotUtf8() throws Exception {
        Path file = dir.resolve("latin1.krn");
        Files.write(file, "!!!COM: Zelenski, W\u0142adys\u0142aw\n!!!OTL: Pie\u015b\u0144\n**kern\n4c\n*-\n"
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(Optional.of("Zelenski, W\u0142adys\u0142aw"),
                KernReader.read(file, MidiLimits.DEFAULTS).metadata().composer());
        // 0xf3 alone is not UTF-8
        Files.write(file, "!!!COM: G\u00f3recki, Henryk\n**kern\n4c\n*-\n".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(Optional.of("G\u00f3recki, Henryk"),
                KernReader.read(file, MidiLimits.DEFAULTS).metadata().composer());
    }
}
