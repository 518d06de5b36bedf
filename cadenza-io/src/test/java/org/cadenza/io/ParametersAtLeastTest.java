package org.cadenza.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The one message of a count below its bound; callers across the modules pass their own parameter names. */
class ParametersAtLeastTest {

    @Test
    void aValueAtOrAboveTheBoundIsReturned() {
        assertEquals(1, Parameters.atLeast("threads", 1, 1));
        assertEquals(8, Parameters.atLeast("threads", 8, 1));
        assertEquals(0L, Parameters.atLeast("minimum count", 0L, 0L));
        assertEquals(Long.MAX_VALUE, Parameters.atLeast("minimum count", Long.MAX_VALUE, 0L));
    }

    @Test
    void aValueBelowTheBoundIsRefusedWithItsNameBoundAndValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Parameters.atLeast("threads", 0, 1));
        assertEquals("threads must be >= 1, got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Parameters.atLeast("top losses", -3, 0));
        assertEquals("top losses must be >= 0, got -3", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Parameters.atLeast("minimum count", -1L, 0L));
        assertEquals("minimum count must be >= 0, got -1", e.getMessage());
    }

    @Test
    void theMessagesCallersThrewBeforeAreUnchanged() {
        // the texts the hand-written checks threw, byte for byte
        assertEquals("k (enrolment pieces per new composer) must be >= 1, got 0",
                assertThrows(IllegalArgumentException.class,
                        () -> Parameters.atLeast("k (enrolment pieces per new composer)", 0, 1)).getMessage());
        assertEquals("repeats must be >= 1, got -2",
                assertThrows(IllegalArgumentException.class, () -> Parameters.atLeast("repeats", -2, 1))
                        .getMessage());
    }
}
