package org.cadenza.io.score.kern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.cadenza.io.BadInputException;
import org.cadenza.io.Refusals;
import org.cadenza.io.ResourceLimitException;
import org.cadenza.io.midi.MidiLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way a kern file can be refused, and what the user is told: the file, the line, the spine, the problem. */
class KernBadInputTest {

    @TempDir
    Path dir;

    private Path write(String... lines) throws Exception {
        return Files.writeString(dir.resolve("bad.krn"), String.join("\n", lines) + "\n");
    }

    /** Asserts the exact type, that the message names the file, and that it holds every key word. */
    private static <T extends BadInputException> T expect(Class<T> type, Path file, MidiLimits limits,
                                                          String... keyWords) {
        return Refusals.refusesFile(type, file, () -> KernReader.read(file, limits), keyWords);
    }

    private static void expect(Path file, String... keyWords) {
        expect(BadInputException.class, file, MidiLimits.DEFAULTS, keyWords);
    }

    @Test
    void missingEmptyAndBinaryFiles() throws Exception {
        expect(dir.resolve("absent.krn"), "no such file");
        expect(Files.write(dir.resolve("empty.krn"), new byte[0]), "empty file", "no **kern spine");
        byte[] junk = new byte[3000];
        new Random(42).nextBytes(junk);
        junk[100] = 0;
        expect(Files.write(dir.resolve("junk.krn"), junk), "not a text file", "NUL byte at byte offset");
        for (int i = 0; i < junk.length; i++) {
            junk[i] = (byte) (junk[i] == 0 || junk[i] == '\n' || junk[i] == '\r' ? 'x' : junk[i]); // garbage without NUL: one line
        }
        expect(Files.write(dir.resolve("junk2.krn"), junk), "line 1: ", "before the first exclusive interpretation");
    }

    @Test
    void noKernSpineOrNoNotes() throws Exception {
        expect(write("!!!COM: Nobody", "**text\t**dynam", "la\tp", "*-\t*-"), "no **kern spine (2 other spine(s))");
        expect(write("**kern", "4r", "=1", "1r", "*-"), "no notes", "1 **kern spine(s) with rests only");
    }

    @Test
    void aLineWithTheWrongNumberOfTokens() throws Exception {
        expect(write("**kern\t**kern", "4c\t4e", "4d\t4f\t4a", "*-\t*-"), "line 3: 3 tokens, but 2 spines are active");
        expect(write("**kern\t**kern", "*^\t*", "4c\t4e", "*-\t*-\t*-"), "line 3: 2 tokens, but 3 spines are active");
        expect(write("**kern\t**kern", "4c\t", "*-\t*-"), "line 2, spine 2: empty token");
    }

    @Test
    void manipulatorsThatCannotBeFollowed() throws Exception {
        expect(write("**kern\t**kern\t**kern", "4c\t4e\t4g", "*v\t*\t*v", "*-\t*-"),
                "line 3, spine 1: *v joins spines that are not adjacent");
        expect(write("**kern\t**kern", "*x\t*", "*-\t*-"), "line 2, spine 1: *x without a second *x");
        expect(write("**kern", "4c", "*", "4c\t*x"), "line 4: 2 tokens, but 1 spines are active");
        expect(write("**kern\t**kern", "*\t4c", "*-\t*-"), "line 2, spine 2: '4c' in an interpretation line");
    }

    @Test
    void dataOutsideTheSpines() throws Exception {
        expect(write("4c", "**kern", "*-"), "line 1: '4c' before the first exclusive interpretation");
        expect(write("**kern", "4c", "*-", "4d"), "line 4: '4d' after every spine ended (*-)");
        expect(write("**kern\t**kern", "4c\t*clefG2", "*-\t*-"), "line 2, spine 2: '*clefG2' in a data line");
        expect(write("**kern\t**kern", "!\t4c", "*-\t*-"), "line 2, spine 2: '4c' in a local comment line");
    }

    @Test
    void malformedTokensNameLineSpineAndToken() throws Exception {
        expect(write("**kern\t**text\t**kern", "4c\tla\t4e", "=1\t=1\t=1", "4d\tla\t4x#", "*-\t*-\t*-"),
                "line 4, spine 3: neither a pitch nor a rest in token '4x#'");
        expect(write("**kern", "01c", "*-"), "line 2, spine 1: unknown duration in token '01c'");
        expect(write("**kern", "4c 4de", "*-"), "line 2, spine 1: two pitches in token '4de'");
        expect(write("**kern", "4cccccccc", "*-"), "line 2, spine 1: pitch 144 is outside MIDI's 0-127");
    }

    @Test
    void tempoOutsideTheLimits() throws Exception {
        expect(write("**kern", "4c", "*MM0", "4c", "*-"), "line 3, spine 1: tempo *MM0 outside the accepted 4.0..1200.0 BPM");
        expect(write("**kern", "*MM5000", "4c", "*-"), "line 2, spine 1: tempo *MM5000");
        expect(BadInputException.class, write("**kern", "*MM100", "4c", "*-"),
                MidiLimits.DEFAULTS.withBpmRange(120, 200), "line 2", "outside the accepted 120.0..200.0 BPM");
    }

    @Test
    void tooLargeTooLongAndTooManyNotes() throws Exception {
        Path file = write("**kern", "*MM60", "1c", "1d", "1e", "1f", "*-");
        expect(ResourceLimitException.class, file, MidiLimits.DEFAULTS.withMaxBytes(20), "too large",
                "over the limit of 20 bytes");
        // 4 s a whole note: the third passes 10 s on line 5
        expect(ResourceLimitException.class, file, MidiLimits.DEFAULTS.withMaxSeconds(10), "line 5: too long",
                "0:00:10");
        ResourceLimitException e = assertThrows(ResourceLimitException.class,
                () -> KernReader.readCounted(file, MidiLimits.DEFAULTS, 3));
        assertTrue(e.getMessage().contains("line 6: more than 3 notes"), e.getMessage());
        assertEquals(2_000_000, KernReader.MAX_NOTES);
    }

    @Test
    void tooManySpines() throws Exception {
        String many = String.join("\t", java.util.Collections.nCopies(KernReader.MAX_SPINES, "*^"));
        expect(ResourceLimitException.class, write("**kern\t".repeat(KernReader.MAX_SPINES - 1) + "**kern", many),
                MidiLimits.DEFAULTS, "line 2: 2000 spines, over the limit of 1000");
    }
}
