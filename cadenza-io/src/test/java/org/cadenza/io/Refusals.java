package org.cadenza.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.function.Executable;

/**
 * The assertions of the bad-input tests: a call is refused with an {@link IllegalArgumentException}, or a file with a
 * {@link BadInputException}, whose message says what and where. Shared with the other modules' tests through
 * cadenza-io's test jar.
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

    /**
     * Asserts that reading {@code file} is refused with exactly {@code type}, that the exception names the file and its
     * message starts with it, and that the message holds every key word.
     *
     * @param read the reading of {@code file} that must be refused
     * @return the exception, for further checks
     */
    public static <T extends BadInputException> T refusesFile(Class<T> type, Path file, Executable read,
                                                              String... keyWords) {
        BadInputException e = assertThrows(BadInputException.class, read);
        assertEquals(type, e.getClass(), () -> "got " + e);
        assertEquals(file, e.file());
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        for (String k : keyWords) {
            assertTrue(e.getMessage().contains(k), () -> "'" + k + "' missing from: " + e.getMessage());
        }
        return type.cast(e);
    }
}
