package org.cadenza.model.pipeline;

import org.cadenza.features.FeatureParams;
import org.cadenza.features.WindowSpec;
import org.cadenza.render.RenderSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.cadenza.model.run.RunManifest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Stacking consecutive windows as channels, worked by hand, and the run setting that asks for it. */
class WindowStackingTest {

    // four windows of 2 mels x 2 frames, mel-major: window w holds 10w + {0, 1, 2, 3}
    private static final List<float[]> FOUR = List.of(
            new float[] {0, 1, 2, 3}, new float[] {10, 11, 12, 13},
            new float[] {20, 21, 22, 23}, new float[] {30, 31, 32, 33});

    @Test
    void stacksEveryKConsecutiveWindowsSlidingByOne() {
        List<float[]> two = WindowStacking.stack(FOUR, 2);
        assertEquals(3, two.size());
        assertArrayEquals(new float[] {0, 1, 2, 3, 10, 11, 12, 13}, two.get(0));
        assertArrayEquals(new float[] {10, 11, 12, 13, 20, 21, 22, 23}, two.get(1));
        assertArrayEquals(new float[] {20, 21, 22, 23, 30, 31, 32, 33}, two.get(2));

        List<float[]> three = WindowStacking.stack(FOUR, 3);
        assertEquals(2, three.size());
        assertArrayEquals(new float[] {10, 11, 12, 13, 20, 21, 22, 23, 30, 31, 32, 33}, three.get(1));

        assertEquals(1, WindowStacking.stack(FOUR, 4).size());
        assertArrayEquals(new float[] {0, 1, 2, 3, 10, 11, 12, 13, 20, 21, 22, 23, 30, 31, 32, 33},
                WindowStacking.stack(FOUR, 4).get(0));
    }

    @Test
    void oneWindowPerInputIsTheWindowsThemselvesAndTooFewWindowsGiveNone() {
        List<float[]> one = WindowStacking.stack(FOUR, 1);
        assertEquals(4, one.size());
        assertSame(FOUR.get(2), one.get(2));
        assertTrue(WindowStacking.stack(FOUR, 5).isEmpty());
        assertTrue(WindowStacking.stack(List.of(), 2).isEmpty());
        assertEquals(0, WindowStacking.inputs(1, 2));
        assertEquals(9, WindowStacking.inputs(10, 2));
        assertThrows(IllegalArgumentException.class, () -> WindowStacking.stack(FOUR, 0));
        assertThrows(IllegalArgumentException.class,
                () -> WindowStacking.stack(List.of(new float[4], new float[3]), 2));
    }

    @Test
    void runsOfConsecutiveWindowsBreakAtGaps() {
        // hop 5 frames: 0, 5, 10 consecutive; 20 after a gap; 25, 30 follow it; 40 alone
        List<int[]> runs = WindowStacking.consecutiveRuns(new int[] {0, 5, 10, 20, 25, 30, 40}, 5);
        assertEquals(3, runs.size());
        assertArrayEquals(new int[] {0, 3}, runs.get(0));
        assertArrayEquals(new int[] {3, 3}, runs.get(1));
        assertArrayEquals(new int[] {6, 1}, runs.get(2));
        assertTrue(WindowStacking.consecutiveRuns(new int[0], 5).isEmpty());
    }

    @Test
    void theRunFolderRemembersTheStackAndOldRunsReadAsOne(@TempDir Path tmp) throws Exception {
        RenderSettings render = RenderSettings.builder().build();
        PipelineSettings p = new PipelineSettings(render,
                FeatureParams.builder().optSampleRate(render.sampleRate()).build(), new WindowSpec(2.0, 1.0), 3);
        p.save(tmp);
        String manifest = Files.readString(tmp.resolve(RunManifest.FILE));
        assertTrue(manifest.contains("\"stack\" : 3"), manifest);
        PipelineSettings back = PipelineSettings.load(tmp);
        assertEquals(3, back.stack());
        assertEquals(p.window(), back.window());
        assertEquals(1, new PipelineSettings(render, p.features(), p.window()).stack());

        // a pipeline.json of a run made before the run manifest, and before the setting existed
        Path old = Files.createDirectories(tmp.resolve("old"));
        String section = new ObjectMapper().readTree(manifest).get(RunManifest.Section.PIPELINE.key()).toPrettyString();
        Files.writeString(old.resolve("pipeline.json"), section.replaceAll(",\\s*\"stack\" : 3", ""));
        assertTrue(!Files.readString(old.resolve("pipeline.json")).contains("stack"));
        assertEquals(1, PipelineSettings.load(old).stack());
        assertThrows(IllegalArgumentException.class, () -> p.withStack(0));
    }
}
