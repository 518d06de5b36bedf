package org.cadenza.features.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.imageio.ImageIO;

import org.cadenza.features.pianoroll.PianoRoll;
import org.cadenza.features.pianoroll.PianoRollParams;
import org.cadenza.features.pianoroll.RollValue;
import org.cadenza.io.midi.Note;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PianoRollPlotTest {
    @TempDir
    Path dir;

    /** A C major scale up two octaves in the right hand over held left-hand chords, {@code seconds} long. */
    private static List<Note> scaleOverChords(double seconds) {
        int[] steps = {0, 2, 4, 5, 7, 9, 11, 12, 14, 16, 17, 19, 21, 23, 24};
        List<Note> notes = new ArrayList<>();
        for (double t = 0, i = 0; t + 0.25 <= seconds; t += 0.25, i++) {
            notes.add(Note.of(60 + steps[(int) i % steps.length], t, t + 0.25, 40 + (int) (i * 7) % 80));
        }
        for (double t = 0; t + 2 <= seconds; t += 2) {
            for (int pitch : new int[] {36, 43, 48, 52}) {
                notes.add(Note.of(pitch, t, t + 2, 70));
            }
        }
        return notes;
    }

    @Test
    void writesAPngOfTheRequestedSizeWithSoundingAndOnsetColours() throws Exception {
        for (RollValue value : RollValue.values()) {
            PianoRollParams p = PianoRollParams.builder().optValue(value).build();
            PianoRoll roll = PianoRoll.of(scaleOverChords(10), 10, p);
            Path png = dir.resolve("sub/" + value + ".png");
            PianoRollPlot.writePng(roll, png, "scale over chords, " + value);
            BufferedImage img = ImageIO.read(png.toFile());
            assertEquals(PianoRollPlot.DEFAULT_WIDTH, img.getWidth());
            assertEquals(PianoRollPlot.DEFAULT_HEIGHT, img.getHeight());
            Set<Integer> colours = new HashSet<>();
            int white = 0;
            int blue = 0;
            int red = 0;
            for (int x = 0; x < img.getWidth(); x += 2) {
                for (int y = 0; y < img.getHeight(); y += 2) {
                    int rgb = img.getRGB(x, y) & 0xFFFFFF;
                    colours.add(rgb);
                    int r = rgb >> 16 & 255;
                    int g = rgb >> 8 & 255;
                    int b = rgb & 255;
                    if (rgb == 0xFFFFFF) {
                        white++;
                    } else if (b > r + 60 && b > 100) {
                        blue++;
                    } else if (r > b + 80 && r > 150) {
                        red++;
                    }
                }
            }
            assertTrue(colours.size() > 10, value + ": " + colours.size() + " colours");
            assertTrue(white > blue, value + ": mostly silence expected, white " + white + ", blue " + blue);
            assertTrue(blue > 500, value + ": sounding notes not drawn in blue (" + blue + " samples)");
            assertTrue(red > 100, value + ": onsets not drawn in red (" + red + " samples)");
        }
    }

    @Test
    void customSizeAndALongRollDrawTheNotesFromStartToEnd() throws Exception {
        PianoRoll roll = PianoRoll.of(scaleOverChords(600), 600, PianoRollParams.defaults());
        Path png = dir.resolve("ten.png");
        PianoRollPlot.writePng(roll, png, "10 minutes", 800, 400);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(800, img.getWidth());
        assertEquals(400, img.getHeight());
        // the scale and the chords go on for the whole 10 minutes: both halves of the picture show sounding notes
        // (blue) and onsets (red), and most of the keyboard stays silent (white)
        for (int[] range : new int[][] {{0, 400}, {400, 800}}) {
            int[] c = colours(img, range[0], range[1]);
            String where = "x " + range[0] + ".." + range[1];
            assertTrue(c[1] > 1000, where + ": sounding notes not drawn in blue (" + c[1] + " pixels)");
            assertTrue(c[2] > 100, where + ": onsets not drawn in red (" + c[2] + " pixels)");
            assertTrue(c[0] > c[1], where + ": mostly silence expected, white " + c[0] + ", blue " + c[1]);
        }
    }

    /** @return {white, blue, red} pixels in columns {@code [from, to)} */
    private static int[] colours(BufferedImage img, int from, int to) {
        int[] out = new int[3];
        for (int x = from; x < to; x++) {
            for (int y = 0; y < img.getHeight(); y++) {
                int rgb = img.getRGB(x, y) & 0xFFFFFF;
                int r = rgb >> 16 & 255;
                int b = rgb & 255;
                if (rgb == 0xFFFFFF) {
                    out[0]++;
                } else if (b > r + 60 && b > 100) {
                    out[1]++;
                } else if (r > b + 80 && r > 150) {
                    out[2]++;
                }
            }
        }
        return out;
    }

    @Test
    void pitchNamesAreScientific() {
        assertEquals("C4", PianoRollPlot.pitchName(60));
        assertEquals("A0", PianoRollPlot.pitchName(21));
        assertEquals("C8", PianoRollPlot.pitchName(108));
        assertEquals("C#4", PianoRollPlot.pitchName(61));
        assertEquals("C-1", PianoRollPlot.pitchName(0));
    }

    @Test
    void emptyRollsAndTinyPicturesAreRefused() {
        PianoRoll empty = PianoRoll.of(List.of(), 0, PianoRollParams.defaults());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PianoRollPlot.writePng(empty, dir.resolve("e.png"), "empty"));
        assertTrue(e.getMessage().contains("no frames"), e.getMessage());
        PianoRoll roll = PianoRoll.of(scaleOverChords(2), 2, PianoRollParams.defaults());
        assertThrows(IllegalArgumentException.class,
                () -> PianoRollPlot.writePng(roll, dir.resolve("s.png"), "small", 100, 100));
    }
}
