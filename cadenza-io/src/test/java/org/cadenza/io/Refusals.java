package org.cadenza.io;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.function.Executable;

/**
 * The assertion of the bad-input tests: a call is refused with an {@link IllegalArgumentException} whose message says
 * what and where. Shared with the other modules' tests through cadenza-io's test jar.
 */
public final class Refusals {

    private Refusals() {
    }

    /**
     * @param call      what must be refused
     * @param fragments what the message must contain, each (the parameter, the value, the expected range...)
     * @return the exception, for further checks
     */
    public static IllegalArgumentException refuses(Executable call, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "'" + e.getMessage() + "' should contain '" + f + "'");
        }
        return e;
    }
}
