package org.cadenza.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.cadenza.io.RealData;
import org.cadenza.io.audio.AudioClip;
import org.junit.jupiter.api.Test;

/** Renders one real file from {@code $CADENZA_DATA} (skipped, with a message, when the variable is unset). */
class RealMidiTest {

    @Test
    void bachFugueScoreRendersToItsLength() {
        // ASAP's quantised score of the C major fugue BWV 846: 54.0 s long (labels.csv length_s), piano only
        Path midi = RealData.require("the test on a real MIDI file", "asap", "bach", "Fugue", "bwv_846",
                "midi_score.mid");
        try (MidiRenderer r = new MidiRenderer(RenderSettings.DEFAULTS)) {
            AudioClip clip = r.render(midi);
            assertEquals(22_050, clip.sampleRate());
            assertEquals(1, clip.channels());
            assertTrue(clip.durationSeconds() > 53.5 && clip.durationSeconds() < 54.0 + RenderSettings.RELEASE_LIMIT_SECONDS,
                    "duration " + clip.durationSeconds());
            double energy = 0;
            for (float v : clip.samples()) {
                energy += v * v;
            }
            double rms = Math.sqrt(energy / clip.samples().length);
            assertTrue(rms > 0.01, "audible: RMS " + rms);
        }
    }
}
