package org.cadenza.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.cadenza.io.audio.AudioClip;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Renders one real file from {@code $CADENZA_DATA} (skipped, with a message, when the variable is unset). */
class RealMidiTest {

    @Test
    void bachFugueScoreRendersToItsLength() {
        String data = System.getenv("CADENZA_DATA");
        Assumptions.assumeTrue(data != null && !data.isBlank(),
                "CADENZA_DATA is not set: skipping the test on a real MIDI file");
        // ASAP's quantised score of the C major fugue BWV 846: 54.0 s long (labels.csv length_s), piano only
        Path midi = Path.of(data, "asap", "bach", "Fugue", "bwv_846", "midi_score.mid");
        Assumptions.assumeTrue(Files.isRegularFile(midi), midi + " is not in CADENZA_DATA");
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
