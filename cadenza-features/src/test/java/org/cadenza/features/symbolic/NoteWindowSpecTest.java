package org.cadenza.features.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NoteWindowSpecTest {

    @Test
    void parsesSecondsAndBars() {
        assertEquals(NoteWindowSpec.seconds(30, 15), NoteWindowSpec.parse("30s"));
        assertEquals(NoteWindowSpec.seconds(30, 10), NoteWindowSpec.parse("30s/10s"));
        assertEquals(NoteWindowSpec.seconds(0.5, 0.25), NoteWindowSpec.parse("500ms/250ms"));
        assertEquals(NoteWindowSpec.seconds(2.5, 1.25), NoteWindowSpec.parse(" 2.5S "));
        assertEquals(NoteWindowSpec.bars(8, 4), NoteWindowSpec.parse("8bars"));
        assertEquals(NoteWindowSpec.bars(8, 2), NoteWindowSpec.parse("8bars/2bars"));
        assertEquals(NoteWindowSpec.bars(5, 2), NoteWindowSpec.parse("5bars"), "half of 5 bars, rounded down");
        assertEquals(NoteWindowSpec.bars(1, 1), NoteWindowSpec.parse("1bar"), "at least one bar");
        assertEquals(NoteWindowSpec.bars(4, 1), NoteWindowSpec.parse("4 bars / 1 bar"));
        assertTrue(NoteWindowSpec.parse("8bars").isBars());
        assertFalse(NoteWindowSpec.parse("30s").isBars());
        assertEquals(8, NoteWindowSpec.parse("8bars").windowBars());
        assertEquals(4, NoteWindowSpec.parse("8bars").hopBars());
        assertEquals(30, NoteWindowSpec.parse("30s").windowSeconds());
        assertEquals(15, NoteWindowSpec.parse("30s").hopSeconds());
    }

    @Test
    void canonicalTextReadsBack() {
        assertEquals("30s/15s", NoteWindowSpec.parse("30s").toString());
        assertEquals("2.5s/1.25s", NoteWindowSpec.seconds(2.5, 1.25).toString());
        assertEquals("8bars/4bars", NoteWindowSpec.parse("8bars").toString());
        for (NoteWindowSpec s : new NoteWindowSpec[] {NoteWindowSpec.seconds(30, 15), NoteWindowSpec.seconds(0.1, 0.3),
            NoteWindowSpec.seconds(1e-4, 123456.789), NoteWindowSpec.bars(1, 1), NoteWindowSpec.bars(16, 3)}) {
            assertEquals(s, NoteWindowSpec.parse(s.toString()), s.toString());
        }
    }

    @Test
    void badSpecsAreRefusedWithTheirText() {
        assertMessage(null, "no window given");
        assertMessage("  ", "no window given");
        assertMessage("30", "cannot read \"30\"");
        assertMessage("30x", "cannot read \"30x\"");
        assertMessage("-5s", "cannot read \"-5s\"");
        assertMessage("0s", "must be greater than 0");
        assertMessage("30s/4bars", "mixes seconds and bars");
        assertMessage("2.5bars", "whole number");
        assertMessage("8bars/0bars", "must be greater than 0");
        assertMessage("30s/15s/5s", "more than one '/'");
        assertMessage("30s/", "cannot read \"\"");
        assertThrows(IllegalArgumentException.class, () -> NoteWindowSpec.seconds(0, 1));
        assertThrows(IllegalArgumentException.class, () -> NoteWindowSpec.seconds(1, Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> NoteWindowSpec.bars(0, 1));
        assertThrows(IllegalArgumentException.class, () -> NoteWindowSpec.bars(4, -1));
        assertThrows(IllegalArgumentException.class,
                () -> new NoteWindowSpec(NoteWindowSpec.Unit.BARS, 2.5, 1));
        assertThrows(IllegalStateException.class, () -> NoteWindowSpec.bars(4, 2).windowSeconds());
        assertThrows(IllegalStateException.class, () -> NoteWindowSpec.seconds(4, 2).hopBars());
    }

    private static void assertMessage(String text, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NoteWindowSpec.parse(text));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        if (text != null && !text.isBlank()) {
            assertTrue(e.getMessage().contains(text.trim()), "names the text: " + e.getMessage());
        }
    }
}
