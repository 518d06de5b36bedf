package org.cadenza.io.score.kern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.cadenza.io.Refusals.refuses;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Durations, pitches, ties and grace notes of single kern tokens, against the kern reference's tables. */
class KernTokenTest {

    @ParameterizedTest(name = "{0} lasts {1}/{2} quarter notes")
    @CsvSource({
        "4c, 1, 1", "8c, 1, 2", "16c, 1, 4", "2c, 2, 1", "1c, 4, 1",
        "2.c, 3, 1", "4..c, 7, 4", "8.c, 3, 4",
        "0c, 8, 1", "00c, 16, 1", "000c, 32, 1", "0.c, 12, 1",
        "3c, 4, 3", "6c, 2, 3", "12c, 1, 3", "24c, 1, 6", "20c, 1, 5",
        "3%2c, 8, 3", "1%2c, 8, 1", "c4, 1, 1", "4cL/, 1, 1", "2g@16@, 2, 1"
    })
    void durations(String token, long numerator, long denominator) {
        assertEquals(Optional.of(new Quarters(numerator, denominator)), KernToken.parse(token).duration());
    }

    @ParameterizedTest(name = "{0} is MIDI {1}")
    @CsvSource({
        "4c, 60", "4cc, 72", "4ccc, 84", "4C, 48", "4CC, 36", "4B, 59", "4BB, 47", "4a, 69", "4AAAA, 21",
        "4c#, 61", "4c##, 62", "4c-, 59", "4c--, 58", "4cn, 60", "4b-, 70", "4e#, 65"
    })
    void pitches(String token, int pitch) {
        assertEquals(pitch, KernToken.parse(token).pitch());
    }

    @Test
    void restsTiesAndGraceNotes() {
        assertTrue(KernToken.parse("4r").rest());
        assertTrue(KernToken.parse("1rr").rest());
        assertTrue(KernToken.parse("4rGG").rest()); // a rest placed on the staff is still a rest
        assertEquals(KernToken.Tie.START, KernToken.parse("[4c").tie());
        assertEquals(KernToken.Tie.CONTINUE, KernToken.parse("4c_").tie());
        assertEquals(KernToken.Tie.END, KernToken.parse("4c]").tie());
        assertEquals(KernToken.Tie.CONTINUE, KernToken.parse("][4c").tie());
        assertEquals(KernToken.Tie.NONE, KernToken.parse("4c").tie());
        assertTrue(KernToken.parse("8qd").grace());
        assertTrue(KernToken.parse("8qqd").grace());
        assertTrue(KernToken.parse("qd").duration().isEmpty());
        assertFalse(KernToken.parse("4d").grace());
    }

    @Test
    void malformedTokensAreRefusedWithTheToken() {
        refuses(() -> KernToken.parse("4x#"), "neither a pitch nor a rest", "'4x#'");
        refuses(() -> KernToken.parse("4cd"), "two pitches", "'4cd'");
        refuses(() -> KernToken.parse("4c#c"), "two pitches");
        refuses(() -> KernToken.parse("4c8"), "two durations");
        refuses(() -> KernToken.parse("01c"), "unknown duration", "'01c'");
        refuses(() -> KernToken.parse("0000c"), "unknown duration");
        refuses(() -> KernToken.parse("4%0c"), "unknown duration");
        refuses(() -> KernToken.parse("4.........c"), "unknown duration");
        refuses(() -> KernToken.parse("99999999999c"), "unknown duration");
        refuses(() -> KernToken.parse("4cccccccc"), "pitch 144 is outside MIDI's 0-127");
        refuses(() -> KernToken.parse("4CCCCCC-"), "outside MIDI's 0-127");
    }
}
