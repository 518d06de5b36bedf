package org.cadenza.features.pianoroll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class PianoRollParamsTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        PianoRollParams p = PianoRollParams.defaults();
        assertEquals(16.0, p.framesPerSecond());
        assertEquals(21, p.lowestPitch());
        assertEquals(108, p.highestPitch());
        assertEquals(88, p.pitches());
        assertEquals(1, p.onsetFrames());
        assertEquals(RollValue.BINARY, p.value());
        assertEquals(0.0625, p.secondsPerFrame(), 1e-15);
        assertEquals("pianoroll-v1;fps=16.0;low=21;high=108;onset_frames=1;value=BINARY;frame=overlap;"
                + "percussion=dropped;layout=channel(frame,onset)-pitch-frame", p.key());
    }

    @Test
    void builderSetsEveryParameterAndTheKeyNamesThem() {
        PianoRollParams p = PianoRollParams.builder().optFramesPerSecond(10).optLowestPitch(48).optHighestPitch(59)
                .optOnsetFrames(2).optValue(RollValue.VELOCITY).build();
        assertEquals(new PianoRollParams(10, 48, 59, 2, RollValue.VELOCITY), p);
        assertEquals(12, p.pitches());
        assertEquals("pianoroll-v1;fps=10.0;low=48;high=59;onset_frames=2;value=VELOCITY;frame=overlap;"
                + "percussion=dropped;layout=channel(frame,onset)-pitch-frame", p.key());
        assertEquals(p, p.toBuilder().build());
        assertNotEquals(p.key(), p.toBuilder().optOnsetFrames(3).build().key());
        assertTrue(p.key().startsWith("pianoroll-v" + PianoRollParams.VERSION + ";"));
    }

    @Test
    void badParametersAreRejectedWithTheirNameAndValue() {
        rejects(() -> PianoRollParams.builder().optFramesPerSecond(0).build(), "framesPerSecond", "0.0");
        rejects(() -> PianoRollParams.builder().optFramesPerSecond(Double.NaN).build(), "framesPerSecond", "NaN");
        rejects(() -> PianoRollParams.builder().optFramesPerSecond(5000).build(), "framesPerSecond", "5000");
        rejects(() -> PianoRollParams.builder().optLowestPitch(-1).build(), "lowestPitch", "-1");
        rejects(() -> PianoRollParams.builder().optLowestPitch(60).optHighestPitch(59).build(), "highestPitch", "59");
        rejects(() -> PianoRollParams.builder().optHighestPitch(128).build(), "highestPitch", "128");
        rejects(() -> PianoRollParams.builder().optOnsetFrames(0).build(), "onsetFrames", "0");
        rejects(() -> PianoRollParams.builder().optValue(null).build(), "value", "null");
    }

    @Test
    void aSinglePitchRangeIsAllowed() {
        assertEquals(1, PianoRollParams.builder().optLowestPitch(60).optHighestPitch(60).build().pitches());
    }

    private static void rejects(Executable build, String parameter, String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build);
        assertTrue(e.getMessage().startsWith("PianoRollParams: " + parameter), e.getMessage());
        assertTrue(e.getMessage().contains(value), e.getMessage());
    }
}
