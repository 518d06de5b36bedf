package org.cadenza.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The documented rules for warnings, on hand-made answers. */
class WarningsTest {

    private static List<Analysis.WarningKind> kinds(List<Analysis.Ranked> composers, int windows,
                                                    Optional<Analysis.OpenSet> open) {
        return Analyzer.warnings(composers, windows, open).stream().map(Analysis.Warning::kind).toList();
    }

    private static List<Analysis.Ranked> two(double first, double second) {
        return List.of(new Analysis.Ranked("a", first), new Analysis.Ranked("b", second));
    }

    private static Optional<Analysis.OpenSet> open(Analysis.Verdict v, String nearest) {
        return Optional.of(new Analysis.OpenSet(v, nearest, 0.5, 0.9, List.of()));
    }

    @Test
    void aClearAnswerOnEnoughMusicHasNoWarning() {
        assertEquals(List.of(), kinds(two(0.80, 0.10), 5, open(Analysis.Verdict.KNOWN, "a")));
    }

    @Test
    void aLowFirstProbabilityOrACloseSecondIsUnsure() {
        assertEquals(List.of(Analysis.WarningKind.UNSURE), kinds(two(0.39, 0.05), 5, Optional.empty()));
        assertEquals(List.of(Analysis.WarningKind.UNSURE), kinds(two(0.50, 0.36), 5, Optional.empty()));
        assertEquals(List.of(), kinds(two(0.50, 0.34), 5, Optional.empty()));
    }

    @Test
    void anUnknownVerdictIsFarFromKnownAndADifferentNearestComposerDisagrees() {
        assertEquals(List.of(Analysis.WarningKind.FAR_FROM_KNOWN),
                kinds(two(0.9, 0.05), 5, open(Analysis.Verdict.UNKNOWN, "b")));
        assertEquals(List.of(Analysis.WarningKind.MODELS_DISAGREE),
                kinds(two(0.9, 0.05), 5, open(Analysis.Verdict.KNOWN, "b")));
    }

    @Test
    void oneWindowIsShort() {
        assertEquals(List.of(Analysis.WarningKind.SHORT), kinds(two(0.9, 0.05), 1, Optional.empty()));
    }
}
