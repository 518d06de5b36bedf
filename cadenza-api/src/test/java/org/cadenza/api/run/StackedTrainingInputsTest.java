package org.cadenza.api.run;

import org.cadenza.corpus.ProgressListener;
import org.cadenza.corpus.Workspace;
import org.cadenza.corpus.dataset.AugmentedRenders;
import org.cadenza.corpus.dataset.DatasetBuilder;
import org.cadenza.corpus.dataset.DatasetSpec;
import org.cadenza.corpus.dataset.DatasetWindow;
import org.cadenza.corpus.dataset.SplitWindows;
import org.cadenza.corpus.jobs.WindowIndex;
import org.cadenza.model.LabeledWindows;
import org.cadenza.model.pipeline.PipelineSettings;
import org.cadenza.model.pipeline.WorkspaceTraining;
import org.cadenza.render.Augmentation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The training inputs of a run that stacks windows: each file and each of its augmented copies (another content
 * hash) is stacked on its own, consecutive windows become the channels, the label is the file's.
 */
class StackedTrainingInputsTest {

    @Test
    void stacksEachFileAndEachAugmentedCopyOnItsOwn(@TempDir Path tmp) throws Exception {
        PipelineSettings pipeline = SyntheticCorpus.PIPELINE.withStack(2);
        DatasetSpec spec = DatasetSpec.builder().optTrainAugmentations(List.of(Augmentation.transpose(1))).build();
        try (Workspace ws = SyntheticCorpus.trainingCorpus(tmp, tmp.resolve("ws"))) {
            AugmentedRenders.prepare(ws, pipeline.features(), pipeline.render(), pipeline.window(), spec, 2,
                    ProgressListener.NONE);
            SplitWindows train = DatasetBuilder.buildAll(ws, pipeline.features(), pipeline.render(),
                    pipeline.window(), spec).train();
            // windows per (file, content hash): the originals and their transposed copies
            Map<String, Integer> perCopy = new TreeMap<>();
            Set<Long> files = new HashSet<>();
            for (DatasetWindow w : train.windows()) {
                perCopy.merge(w.ref().fileId() + "/" + w.ref().contentHash(), 1, Integer::sum);
                files.add(w.ref().fileId());
            }
            assertEquals(2 * files.size(), perCopy.size(), "every training file has one transposed copy");
            int expected = perCopy.values().stream().mapToInt(n -> Math.max(0, n - 1)).sum();

            LabeledWindows stacked = WorkspaceTraining.inMemory(train, pipeline);
            assertEquals(2, stacked.channels());
            assertEquals(expected, stacked.size(), "one input fewer than windows per file and copy");
            assertEquals(2 * train.mels() * train.frames(), stacked.windowLength());

            // for the first window of every file and copy, some input is it and its successor, with its label
            int len = train.mels() * train.frames();
            int hop = WindowIndex.framesFor(pipeline.window().hopSeconds(), pipeline.features());
            Set<String> checked = new HashSet<>();
            for (int f = 0; f < train.size(); f++) {
                DatasetWindow first = train.windows().get(f);
                if (!checked.add(first.ref().fileId() + "/" + first.ref().contentHash())) {
                    continue;
                }
                int next = -1;
                for (int i = f + 1; i < train.size() && next < 0; i++) {
                    DatasetWindow w = train.windows().get(i);
                    if (w.ref().contentHash().equals(first.ref().contentHash())
                            && w.startFrame() == first.startFrame() + hop) {
                        next = i;
                    }
                }
                assertTrue(next > 0, "window " + f + " has a successor");
                float[] a = train.window(f);
                float[] b = train.window(next);
                boolean found = false;
                for (int i = 0; i < stacked.size() && !found; i++) {
                    float[] in = stacked.window(i);
                    if (Arrays.equals(Arrays.copyOfRange(in, 0, len), a)
                            && Arrays.equals(Arrays.copyOfRange(in, len, 2 * len), b)) {
                        assertEquals(train.label(f), stacked.label(i));
                        found = true;
                    }
                }
                assertTrue(found, "an input is window " + f + " (" + first.ref().contentHash() + " at frame "
                        + first.startFrame() + ") followed by its successor");
            }
            assertEquals(perCopy.size(), checked.size());
        }
    }
}
