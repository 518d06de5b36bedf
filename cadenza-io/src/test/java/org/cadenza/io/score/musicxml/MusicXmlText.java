package org.cadenza.io.score.musicxml;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Hand-written MusicXML for the tests: documents, notes, and compressed (.mxl) copies. */
final class MusicXmlText {

    /** The DOCTYPE MuseScore and Finale write (naming the W3C DTD by URL; never fetched). */
    static final String DOCTYPE = "<!DOCTYPE score-partwise PUBLIC \"-//Recordare//DTD MusicXML 4.0 Partwise//EN\""
            + " \"http://www.musicxml.org/dtds/partwise.dtd\">\n";

    private MusicXmlText() {
    }

    /** A partwise score: the part list's {@code <score-part>}s, then the {@code <part>}s. */
    static String partwise(String scoreParts, String parts) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + DOCTYPE + "<score-partwise version=\"4.0\">\n"
                + "<part-list>" + scoreParts + "</part-list>\n" + parts + "</score-partwise>\n";
    }

    /** A {@code <score-part>} with a name and, when {@code program} &gt; 0, a 1-based midi-program. */
    static String scorePart(String id, String name, int program) {
        return "<score-part id=\"" + id + "\"><part-name>" + name + "</part-name>"
                + (program > 0 ? "<score-instrument id=\"" + id + "-I1\"><instrument-name>" + name
                + "</instrument-name></score-instrument><midi-instrument id=\"" + id + "-I1\"><midi-program>"
                + program + "</midi-program></midi-instrument>" : "") + "</score-part>";
    }

    /** A one-part score (part P1, named "Piano", no midi-program) of the given measures. */
    static String onePart(String... measures) {
        return partwise(scorePart("P1", "Piano", 0), part("P1", measures));
    }

    static String part(String id, String... measures) {
        return "<part id=\"" + id + "\">" + String.join("\n", measures) + "</part>\n";
    }

    static String measure(String number, String... music) {
        return "<measure number=\"" + number + "\">" + String.join("", music) + "</measure>";
    }

    static String divisions(int d) {
        return "<attributes><divisions>" + d + "</divisions></attributes>";
    }

    /** A note: step with octave ("C4", "F#4", "Bb3"), duration in divisions, then extra elements. */
    static String note(String pitch, int duration, String... extra) {
        return "<note>" + pitchOf(pitch) + "<duration>" + duration + "</duration>" + String.join("", extra)
                + "</note>";
    }

    /** A {@code <chord/>} note. */
    static String chord(String pitch, int duration) {
        return "<note><chord/>" + pitchOf(pitch) + "<duration>" + duration + "</duration></note>";
    }

    static String rest(int duration) {
        return "<note><rest/><duration>" + duration + "</duration></note>";
    }

    static String grace(String pitch) {
        return "<note><grace/>" + pitchOf(pitch) + "</note>";
    }

    static String backup(int duration) {
        return "<backup><duration>" + duration + "</duration></backup>";
    }

    static String sound(String attributes) {
        return "<direction><direction-type><words/></direction-type><sound " + attributes + "/></direction>";
    }

    static String dynamics(String mark) {
        return "<direction><direction-type><dynamics><" + mark + "/></dynamics></direction-type></direction>";
    }

    static String metronome(String unit, int dots, String perMinute) {
        return "<direction><direction-type><metronome><beat-unit>" + unit + "</beat-unit>"
                + "<beat-unit-dot/>".repeat(dots) + "<per-minute>" + perMinute + "</per-minute></metronome>"
                + "</direction-type></direction>";
    }

    private static String pitchOf(String p) {
        char step = p.charAt(0);
        int alter = p.charAt(1) == '#' ? 1 : p.charAt(1) == 'b' ? -1 : 0;
        String octave = p.substring(alter == 0 ? 1 : 2);
        return "<pitch><step>" + step + "</step>" + (alter != 0 ? "<alter>" + alter + "</alter>" : "")
                + "<octave>" + octave + "</octave></pitch>";
    }

    static Path write(Path dir, String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    /** An .mxl holding {@code members} (name to text), in order. */
    static Path zip(Path dir, String name, Map<String, String> members) throws IOException {
        Path f = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(f); ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> m : members.entrySet()) {
                z.putNextEntry(new ZipEntry(m.getKey()));
                z.write(m.getValue().getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return f;
    }

    /** A META-INF/container.xml naming {@code root}. */
    static String container(String root) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><container><rootfiles><rootfile full-path=\"" + root
                + "\" media-type=\"application/vnd.recordare.musicxml+xml\"/></rootfiles></container>";
    }
}
