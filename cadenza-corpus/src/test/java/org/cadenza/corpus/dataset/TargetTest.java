package org.cadenza.corpus.dataset;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TargetTest {

    @Test
    void parsesTheThreeForms() {
        assertEquals(Target.COMPOSER, Target.parse("composer"));
        assertEquals(Target.period(Periods.builtIn()), Target.parse(" Period "));
        assertEquals(new Target.OneVsRest("chopin"), Target.parse("one-vs-rest:chopin"));
        assertEquals(new Target.OneVsRest("rachmaninoff"), Target.parse("One-vs-rest:Rachmaninov"));
        for (String t : new String[] {"composer", "period", "one-vs-rest:cpe-bach"}) {
            assertEquals(t, Target.parse(t).name());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Target.parse("genre"));
        assertTrue(e.getMessage().contains("one-vs-rest"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Target.parse("one-vs-rest:"));
        assertThrows(IllegalArgumentException.class, () -> Target.parse("one-vs-rest:other"));
    }

    @Test
    void labelsAndExclusions() {
        assertEquals(Optional.of("chopin"), Target.COMPOSER.labelOf("chopin", Optional.empty()).label());
        Target ovr = Target.parse("one-vs-rest:chopin");
        assertEquals(Optional.of("chopin"), ovr.labelOf("chopin", Optional.empty()).label());
        assertEquals(Optional.of("other"), ovr.labelOf("bach", Optional.empty()).label());

        Target period = Target.period(Periods.of(Map.of("bach", "baroque")));
        assertEquals(Optional.of("baroque"), period.labelOf("bach", Optional.of("classical")).label(),
                "the table wins over a file's own label");
        assertEquals(Optional.of("21st-century"), period.labelOf("newcomer", Optional.of("21st-Century")).label(),
                "a file's own period label serves composers the table does not know");
        Target.Label none = period.labelOf("newcomer", Optional.empty());
        assertFalse(none.isLabelled());
        assertTrue(none.exclusionReason().orElseThrow().contains("newcomer"));
        assertNotEquals(period.key(), Target.parse("period").key(), "the table is part of the key");
    }
}
