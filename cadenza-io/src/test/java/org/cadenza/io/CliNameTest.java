package org.cadenza.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CliNameTest {

    enum Colour implements CliName {
        DARK_RED,
        GREEN,
        BLUE {
            @Override
            public String cliName() {
                return "azure";
            }
        }
    }

    @Test
    void theDefaultNameIsTheConstantInLowerCaseWithDashes() {
        assertEquals("dark-red", Colour.DARK_RED.cliName());
        assertEquals("green", Colour.GREEN.cliName());
        assertEquals("azure", Colour.BLUE.cliName());
    }

    @Test
    void parseTakesTheCliNameOrTheConstantNameInAnyCase() {
        assertEquals(Colour.DARK_RED, CliName.parse(Colour.class, " Dark-Red ", "colour"));
        assertEquals(Colour.DARK_RED, CliName.parse(Colour.class, "dark_red", "colour"));
        assertEquals(Colour.BLUE, CliName.parse(Colour.class, "AZURE", "colour"));
        assertEquals(Colour.BLUE, CliName.parse(Colour.class, "blue", "colour"));
    }

    @Test
    void anUnknownNameListsTheChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CliName.parse(Colour.class, "mauve", "colour"));
        assertEquals("unknown colour 'mauve'; choose one of: dark-red, green, azure", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CliName.parse(Colour.class, null, "colour"));
        assertEquals("unknown colour 'null'; choose one of: dark-red, green, azure", e.getMessage());
    }
}
