package org.cadenza.io.score;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScoreMetadataTest {

    /** Life dates as kern {@code !!!CDT} writes them (polish-scores), 0 = not given. */
    @ParameterizedTest
    @CsvSource({
        "1810/03/01-1849/10/17, 1810, 1849",
        "~1650-~1749, 1650, 1749",
        "<1600->1650, 1600, 1650",
        "-1752/02/17, 0, 1752",
        "-1651, 0, 1651",
        "1803, 1803, 0",
        "1700-, 1700, 0",
    })
    void bornAndDiedFromTheLifeDates(String dates, int born, int died) {
        ScoreMetadata m = ScoreMetadata.of("X", "", dates, List.of());
        assertEquals(born == 0 ? OptionalInt.empty() : OptionalInt.of(born), m.born(), dates);
        assertEquals(died == 0 ? OptionalInt.empty() : OptionalInt.of(died), m.died(), dates);
    }
}
