package org.cadenza.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ParametersTest {

    @Test
    void aFailedCheckNamesTheRecordThenTheProblem() {
        Parameters.require("SomeParams", true, "never thrown");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Parameters.require("SomeParams", false, "bins must be 2-32, got 1"));
        assertEquals("SomeParams: bins must be 2-32, got 1", e.getMessage());
    }

    @Test
    void nonNullNamesTheFirstNullComponent() {
        Parameters.nonNull("a, b", "x", 1);
        NullPointerException e = org.junit.jupiter.api.Assertions.assertThrows(NullPointerException.class,
                () -> Parameters.nonNull("source, notes, bars", "s", null, null));
        org.junit.jupiter.api.Assertions.assertEquals("notes", e.getMessage());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Parameters.nonNull("a, b", "x"));
    }
}
