package org.cadenza.io.score;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Small real scores written by hand, for the tests of every module that reads scores (the io test-jar shares
 * them): a two-voice kern piece and a one-part MusicXML piece, each of known notes.
 */
public final class TestScores {

    /** Notes of {@link #kern}: a C-major scale fragment over a held bass, 4 bars of 4/4 at 120 quarters a minute. */
    public static final int KERN_NOTES = 14;
    /** Seconds of {@link #kern}: 4 bars of 4/4 at 120 quarters a minute. */
    public static final double KERN_SECONDS = 8.0;
    /** Notes of {@link #musicXml}. */
    public static final int MUSICXML_NOTES = 8;
    /** Seconds of {@link #musicXml}: 2 bars of 4/4 at 60 quarters a minute. */
    public static final double MUSICXML_SECONDS = 8.0;

    private TestScores() {
    }

    /**
     * Writes a kern score naming {@code composer} in {@code !!!COM} (none when null): two {@code **kern} spines
     * (piano), tempo 120, 4/4, 4 bars.
     */
    public static Path kern(Path file, String composer) {
        String text = (composer == null ? "" : "!!!COM: " + composer + "\n") + """
                !!!OTL: Scale over a bass
                **kern\t**kern
                *Ipiano\t*Ipiano
                *M4/4\t*M4/4
                *MM120\t*MM120
                =1\t=1
                1C\t4c
                .\t4d
                .\t4e
                .\t4f
                =2\t=2
                1G\t4g
                .\t4a
                .\t4b
                .\t4cc
                =3\t=3
                1C\t1c
                =4\t=4
                1CC\t1C
                ==\t==
                *-\t*-
                """;
        return write(file, text);
    }

    /** Writes a one-part MusicXML score (piano, 4/4 at 60 quarters a minute, 2 bars) naming {@code composer}. */
    public static Path musicXml(Path file, String composer) {
        StringBuilder notes = new StringBuilder();
        String[] steps = {"C", "D", "E", "F", "G", "A", "B", "C"};
        for (int i = 0; i < steps.length; i++) {
            if (i == 4) {
                notes.append("</measure><measure number=\"2\">");
            }
            notes.append("<note><pitch><step>").append(steps[i]).append("</step><octave>").append(i == 7 ? 5 : 4)
                    .append("</octave></pitch><duration>1</duration><type>quarter</type></note>");
        }
        String text = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE score-partwise PUBLIC "-//Recordare//DTD MusicXML 4.0 Partwise//EN" \
                "http://www.musicxml.org/dtds/partwise.dtd">
                <score-partwise version="4.0">
                <work><work-title>Scale</work-title></work>
                <identification><creator type="composer">%s</creator></identification>
                <part-list><score-part id="P1"><part-name>Piano</part-name></score-part></part-list>
                <part id="P1"><measure number="1">
                <attributes><divisions>1</divisions><time><beats>4</beats><beat-type>4</beat-type></time></attributes>
                <direction><sound tempo="60"/></direction>
                %s</measure></part>
                </score-partwise>
                """.formatted(composer, notes);
        return write(file, text);
    }

    private static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
