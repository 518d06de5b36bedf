package org.cadenza.io.score.kern;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalInt;

import org.cadenza.io.score.InstrumentNames;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The {@code *I} codes of polish-scores, and the General MIDI program each gives, checked against the part names
 * the files write beside them ({@code *Iclars} beside {@code *I"Clarinetto Primo}, {@code *Itroma} beside
 * {@code *I"Trombone Alto}).
 */
class KernInstrumentCodesTest {

    @ParameterizedTest(name = "*I{0} is program {1}")
    @CsvSource({
        "violn, 40", "viola, 41", "cello, 42", "cbass, 43", "organ, 19", "piano, 0", "soprn, 52", "tenor, 52",
        "flt, 73", "oboe, 68", "fagot, 70", "cor, 60", "tromp, 56", "clrno, 56", "tromt, 57", "tromb, 57",
        "troma, 57", "clars, 71", "clara, 71", "clarb, 71", "timpa, 47"
    })
    void codesAsTheFilesNameThem(String code, int program) {
        assertEquals(OptionalInt.of(program), InstrumentNames.ofHumdrumCode(code));
    }
}
