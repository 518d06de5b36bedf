package org.cadenza.io.score.musicxml;

import static org.cadenza.io.score.musicxml.MusicXmlText.backup;
import static org.cadenza.io.score.musicxml.MusicXmlText.chord;
import static org.cadenza.io.score.musicxml.MusicXmlText.container;
import static org.cadenza.io.score.musicxml.MusicXmlText.divisions;
import static org.cadenza.io.score.musicxml.MusicXmlText.dynamics;
import static org.cadenza.io.score.musicxml.MusicXmlText.grace;
import static org.cadenza.io.score.musicxml.MusicXmlText.measure;
import static org.cadenza.io.score.musicxml.MusicXmlText.metronome;
import static org.cadenza.io.score.musicxml.MusicXmlText.note;
import static org.cadenza.io.score.musicxml.MusicXmlText.onePart;
import static org.cadenza.io.score.musicxml.MusicXmlText.part;
import static org.cadenza.io.score.musicxml.MusicXmlText.partwise;
import static org.cadenza.io.score.musicxml.MusicXmlText.rest;
import static org.cadenza.io.score.musicxml.MusicXmlText.scorePart;
import static org.cadenza.io.score.musicxml.MusicXmlText.sound;
import static org.cadenza.io.score.musicxml.MusicXmlText.write;
import static org.cadenza.io.score.ScoreAssertions.assertBars;
import static org.cadenza.io.score.ScoreAssertions.assertNotes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cadenza.io.midi.Note;
import org.cadenza.io.score.Score;
import org.cadenza.io.score.ScoreFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hand-written scores whose notes (pitch, onset and offset in seconds, velocity, channel, program, track) and bars
 * are known exactly. Tempo 120 unless a test sets one: a quarter note lasts 0.5 s.
 */
class MusicXmlReaderTest {

    @TempDir
    Path dir;

    private static Note n(int pitch, double on, double off, int velocity, int channel, int program, int track) {
        return new Note(pitch, on, off, velocity, channel, program, track);
    }

    private Score read(String xml) throws Exception {
        return MusicXmlReader.read(write(dir, "score.musicxml", xml));
    }

    @Test
    void twoPartsTwoStavesTwoVoicesWithBackupAndAChord() throws Exception {
        String voice = part("P1",
                measure("1", divisions(2), note("C5", 2), rest(2), note("D5", 4)),
                measure("2", rest(8)));
        String piano = part("P2",
                measure("1", "<attributes><divisions>2</divisions><staves>2</staves></attributes>",
                        note("C4", 8, "<voice>1</voice><staff>1</staff>"), chord("E4", 8), chord("G4", 8),
                        backup(8), note("C3", 4, "<voice>2</voice><staff>2</staff>"),
                        "<forward><duration>4</duration></forward>"),
                measure("2", rest(8)));
        Score s = read(partwise(scorePart("P1", "Voice", 53) + scorePart("P2", "Piano", 0), voice + piano));
        // Voice: midi-program 53 (1-based) = 52, channel 0, track 0; Piano: by name = 0, channel 1, track 1
        assertNotes(List.of(
                n(48, 0, 1.0, 80, 1, 0, 1),
                n(60, 0, 2.0, 80, 1, 0, 1),
                n(64, 0, 2.0, 80, 1, 0, 1),
                n(67, 0, 2.0, 80, 1, 0, 1),
                n(72, 0, 0.5, 80, 0, 52, 0),
                n(74, 1.0, 2.0, 80, 0, 52, 0)), s.notes().notes());
        assertBars(List.of(0.0, 2.0), s.notes().barStartSeconds());
        assertEquals(ScoreFormat.MUSICXML, s.format());
    }

    /**
     * Triplet eighths (divisions 3), a grace note before a quarter note (it takes a 32nd from it), a half note tied
     * across the bar line into a measure where divisions change to 1, dynamics p then f.
     */
    private static String tripletsGraceTieDynamics() {
        return onePart(
                measure("1", divisions(3), dynamics("p"),
                        note("C4", 1, "<time-modification><actual-notes>3</actual-notes>"
                                + "<normal-notes>2</normal-notes></time-modification>"),
                        note("D4", 1), note("E4", 1),
                        grace("F4"), note("G4", 3),
                        note("A4", 6, "<tie type=\"start\"/>")),
                measure("2", divisions(1), dynamics("f"),
                        note("A4", 1, "<tie type=\"stop\"/>"), note("B4", 1), rest(2)));
    }

    @Test
    void tripletGraceNoteTieAcrossTheBarLineDivisionsChangeDynamics() throws Exception {
        Score s = read(tripletsGraceTieDynamics());
        double third = 0.5 / 3;
        assertNotes(List.of(
                n(60, 0, third, 49, 0, 0, 0),
                n(62, third, 2 * third, 49, 0, 0, 0),
                n(64, 2 * third, 0.5, 49, 0, 0, 0),
                n(65, 0.5, 0.5625, 49, 0, 0, 0),   // grace: a 32nd (0.0625 s) taken from G4
                n(67, 0.5625, 1.0, 49, 0, 0, 0),
                n(69, 1.0, 2.5, 49, 0, 0, 0),      // half + quarter, tied: one note
                n(71, 2.5, 3.0, 96, 0, 0, 0)), s.notes().notes());
        assertBars(List.of(0.0, 2.0), s.notes().barStartSeconds());
    }

    @Test
    void aCompressedCopyReadsTheSame() throws Exception {
        String xml = tripletsGraceTieDynamics();
        Score plain = read(xml);
        Map<String, String> members = new LinkedHashMap<>();
        members.put("META-INF/container.xml", container("scores/lied.musicxml"));
        members.put("decoy.xml", "<html/>");
        members.put("scores/lied.musicxml", xml);
        Score packed = MusicXmlReader.read(MusicXmlText.zip(dir, "lied.mxl", members));
        assertEquals(ScoreFormat.MXL, packed.format());
        assertNotes(plain.notes().notes(), packed.notes().notes());
        assertEquals(plain.notes().barStartSeconds(), packed.notes().barStartSeconds());

        // without a container: the first .xml/.musicxml at the top of the archive
        Score bare = MusicXmlReader.read(MusicXmlText.zip(dir, "bare.mxl", Map.of("score.xml", xml)));
        assertNotes(plain.notes().notes(), bare.notes().notes());
    }

    @Test
    void tempoFromSoundThenMetronomeFirstPartWinsChangesApplyFromTheirMeasure() throws Exception {
        String p1 = part("P1",
                measure("1", divisions(1), sound("tempo=\"60\""), note("C4", 4)),
                measure("2", "<direction><direction-type><metronome><beat-unit>quarter</beat-unit>"
                        + "<per-minute>90</per-minute></metronome></direction-type><sound tempo=\"120\"/></direction>",
                        note("C4", 4)),
                measure("3", metronome("half", 1, "ca. 20"), note("C4", 4)));
        String p2 = part("P2",
                measure("1", divisions(1), sound("tempo=\"240\""), rest(4)),
                measure("2", rest(4)),
                measure("3", rest(4)));
        Score s = read(partwise(scorePart("P1", "Flute", 74) + scorePart("P2", "Oboe", 69), p1 + p2));
        // 60 BPM (part 1 wins over part 2's 240), then 120 (the sound wins over the metronome's 90), then
        // dotted half = 20: 60 quarters per minute
        assertNotes(List.of(
                n(60, 0, 4, 80, 0, 73, 0),
                n(60, 4, 6, 80, 0, 73, 0),
                n(60, 6, 10, 80, 0, 73, 0)), s.notes().notes());
        assertBars(List.of(0.0, 4.0, 6.0), s.notes().barStartSeconds());
    }

    @Test
    void pickupMeasureTimeSignatureChangeAndRepeatsPlayedOnceAsWritten() throws Exception {
        Score s = read(onePart(
                "<measure number=\"0\" implicit=\"yes\"><attributes><divisions>1</divisions>"
                        + "<time><beats>3</beats><beat-type>4</beat-type></time></attributes>"
                        + note("C4", 1) + "</measure>",
                measure("1", "<barline location=\"left\"><repeat direction=\"forward\"/></barline>",
                        note("D4", 3)),
                measure("2", "<attributes><time><beats>2</beats><beat-type>4</beat-type></time></attributes>",
                        note("E4", 2), "<barline location=\"right\"><bar-style>light-heavy</bar-style>"
                                + "<repeat direction=\"backward\"/></barline>"),
                measure("3", note("F4", 2))));
        assertNotes(List.of(
                n(60, 0, 0.5, 80, 0, 0, 0),
                n(62, 0.5, 2.0, 80, 0, 0, 0),
                n(64, 2.0, 3.0, 80, 0, 0, 0),
                n(65, 3.0, 4.0, 80, 0, 0, 0)), s.notes().notes());
        // the pickup is a bar of one quarter; 3/4 then 2/4
        assertBars(List.of(0.0, 0.5, 2.0, 3.0), s.notes().barStartSeconds());
    }

    @Test
    void transposingInstrumentsSoundWhereTheirTransposeSays() throws Exception {
        String clarinet = part("P1", measure("1",
                "<attributes><divisions>1</divisions><transpose><diatonic>-1</diatonic><chromatic>-2</chromatic>"
                        + "</transpose></attributes>", note("D5", 4)));
        String bassClarinet = part("P2", measure("1",
                "<attributes><divisions>1</divisions><transpose><diatonic>-1</diatonic><chromatic>-2</chromatic>"
                        + "<octave-change>-1</octave-change></transpose></attributes>", note("E4", 4)));
        Score s = read(partwise(scorePart("P1", "Clarinet in Bb", 72) + scorePart("P2", "Bass Clarinet", 0),
                clarinet + bassClarinet));
        // written D5 (74) sounds C5 (72); written E4 (64) sounds D3 (50); the bass clarinet's program by name (71)
        assertNotes(List.of(
                n(50, 0, 2, 80, 1, 71, 1),
                n(72, 0, 2, 80, 0, 71, 0)), s.notes().notes());
    }

    @Test
    void soundDynamicsArePercentOfNinetyAndWinOverTheMarkAtTheirPlace() throws Exception {
        Score s = read(onePart(measure("1", divisions(1),
                "<direction><direction-type><dynamics><ff/></dynamics></direction-type>"
                        + "<sound dynamics=\"50\"/></direction>", note("C4", 1),
                "<note dynamics=\"100\">" + "<pitch><step>D</step><octave>4</octave></pitch>"
                        + "<duration>1</duration></note>", note("E4", 2))));
        assertNotes(List.of(
                n(60, 0, 0.5, 45, 0, 0, 0),
                n(62, 0.5, 1.0, 90, 0, 0, 0),
                n(64, 1.0, 2.0, 45, 0, 0, 0)), s.notes().notes());
    }

    @Test
    void unpitchedNotesArePercussionOnChannel9() throws Exception {
        String drums = "<score-part id=\"P1\"><part-name>Drums</part-name><score-instrument id=\"P1-X1\">"
                + "<instrument-name>Snare</instrument-name></score-instrument><midi-instrument id=\"P1-X1\">"
                + "<midi-channel>10</midi-channel><midi-unpitched>39</midi-unpitched></midi-instrument>"
                + "</score-part>";
        String music = part("P1", measure("1", divisions(1), "<note><unpitched><display-step>C</display-step>"
                + "<display-octave>5</display-octave></unpitched><duration>1</duration>"
                + "<instrument id=\"P1-X1\"/></note>"));
        Score s = read(partwise(drums + scorePart("P2", "Violin", 0), music
                + part("P2", measure("1", divisions(1), note("A4", 1)))));
        // midi-unpitched 39 (1-based) = key 38; the violin, the first melodic part, takes channel 0
        assertNotes(List.of(
                n(38, 0, 0.5, 80, 9, 0, 0),
                n(69, 0, 0.5, 80, 0, 40, 1)), s.notes().notes());
    }

    @Test
    void timewiseReadsAsPartwise() throws Exception {
        String timewise = "<?xml version=\"1.0\"?><score-timewise version=\"4.0\"><part-list>"
                + scorePart("P1", "Voice", 0) + scorePart("P2", "Piano", 0) + "</part-list>"
                + "<measure number=\"1\"><part id=\"P1\">" + divisions(1) + note("C5", 4) + "</part>"
                + "<part id=\"P2\">" + divisions(1) + note("C3", 2) + note("G3", 2) + "</part></measure>"
                + "<measure number=\"2\"><part id=\"P1\">" + note("D5", 4) + "</part>"
                + "<part id=\"P2\">" + note("B2", 4) + "</part></measure></score-timewise>";
        Score s = read(timewise);
        assertNotes(List.of(
                n(48, 0, 1, 80, 1, 0, 1),
                n(72, 0, 2, 80, 0, 52, 0),
                n(55, 1, 2, 80, 1, 0, 1),
                n(47, 2, 4, 80, 1, 0, 1),
                n(74, 2, 4, 80, 0, 52, 0)), s.notes().notes());
        assertBars(List.of(0.0, 2.0), s.notes().barStartSeconds());
    }

    @Test
    void metadataComposerTitleAndInstruments() throws Exception {
        String xml = "<?xml version=\"1.0\"?>" + MusicXmlText.DOCTYPE + "<score-partwise version=\"4.0\">"
                + "<work><work-title>Dichterliebe, Op.48</work-title></work>"
                + "<movement-title>Im wunderschönen Monat Mai</movement-title>"
                + "<identification><creator type=\"lyricist\">Heinrich Heine</creator>"
                + "<creator type=\"composer\">Robert Schumann</creator></identification>"
                + "<part-list>" + scorePart("P1", "Voice", 54) + scorePart("P2", "Piano", 1) + "</part-list>"
                + part("P1", measure("1", divisions(1), note("C5", 4)))
                + part("P2", measure("1", divisions(1), note("C3", 4))) + "</score-partwise>";
        Score s = read(xml);
        assertEquals(Optional.of("Robert Schumann"), s.metadata().composer());
        assertEquals(Optional.of("Im wunderschönen Monat Mai (Dichterliebe, Op.48)"), s.metadata().title());
        assertEquals(List.of("Voice", "Piano"), s.metadata().instruments());
        assertEquals(Optional.empty(), s.metadata().dates());
    }
}
