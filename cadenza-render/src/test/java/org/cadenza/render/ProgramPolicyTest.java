package org.cadenza.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProgramPolicyTest {

    @Test
    void parsesNamesAndNumbers() {
        assertSame(ProgramPolicy.ORIGINAL, ProgramPolicy.parse("original"));
        assertSame(ProgramPolicy.ORIGINAL, ProgramPolicy.parse(" Original "));
        assertEquals(new ProgramPolicy.Fixed(0), ProgramPolicy.parse("piano"));
        assertEquals(new ProgramPolicy.Fixed(19), ProgramPolicy.parse("ORGAN"));
        assertEquals(new ProgramPolicy.Fixed(0), ProgramPolicy.parse("0"));
        assertEquals(new ProgramPolicy.Fixed(40), ProgramPolicy.parse("40"));
        assertEquals(new ProgramPolicy.Fixed(127), ProgramPolicy.parse("127"));
        assertEquals(new ProgramPolicy.Fixed(7), ProgramPolicy.parse("007"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "128", "-1", "1000", "violin", "piano2", "1.5", "0x10"})
    void rejectsEverythingElseWithTheAcceptedValues(String bad) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProgramPolicy.parse(bad));
        assertTrue(e.getMessage().contains("original, piano, organ"), e.getMessage());
    }

    @Test
    void nullIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> ProgramPolicy.parse(null));
    }

    @Test
    void fixedChecksItsRange() {
        assertThrows(IllegalArgumentException.class, () -> new ProgramPolicy.Fixed(128));
        assertThrows(IllegalArgumentException.class, () -> new ProgramPolicy.Fixed(-1));
    }

    @Test
    void keysAreCanonical() {
        assertEquals("original", ProgramPolicy.ORIGINAL.key());
        assertEquals("fixed:19", ProgramPolicy.parse("organ").key());
        assertEquals(ProgramPolicy.parse("19").key(), ProgramPolicy.parse("organ").key());
    }
}
