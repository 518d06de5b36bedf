package org.cadenza.model.real;

import org.cadenza.corpus.Workspace;
import org.cadenza.corpus.jobs.WindowIndex;
import org.cadenza.features.FeatureParams;
import org.cadenza.features.Spectrogram;
import org.cadenza.features.WindowSpec;
import org.cadenza.model.Architecture;
import org.cadenza.model.InMemoryWindows;
import org.cadenza.model.train.ClassifierTraining;
import org.cadenza.model.train.EpochRecord;
import org.cadenza.model.train.TrainingConfig;
import org.cadenza.model.train.TrainingListener;
import org.cadenza.model.train.TrainingResult;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The small CNN learns composers from real log-mel windows: 4 composers, at most 600 training and 150 validation
 * windows each (5 s, hop 2.5 s, at most 12 per file), validation pieces disjoint from training pieces. Needs a
 * rendered and featurised workspace (log-mel defaults) in {@code CADENZA_WS}; its catalog is copied, nothing is
 * written there. About a minute on one core.
 */
@Tag("slow")
class RealWorkspaceTrainingTest {

    @TempDir
    Path tmp;

    @Test
    void smallCnnBeatsTheMajorityClassOnUnseenPieces() throws Exception {
        String env = System.getenv("CADENZA_WS");
        Assumptions.assumeTrue(env != null && Files.isDirectory(Paths.get(env, "features")),
                "CADENZA_WS (a featurised workspace) is not set: skipping the real-data training test");
        Path src = Paths.get(env);
        Path ws = tmp.resolve("ws");
        Files.createDirectories(ws);
        for (String f : List.of("catalog.sqlite", "catalog.sqlite-wal", "catalog.sqlite-shm", "aliases.csv")) {
            if (Files.exists(src.resolve(f))) {
                Files.copy(src.resolve(f), ws.resolve(f));
            }
        }
        Files.createSymbolicLink(ws.resolve("features"), src.resolve("features").toAbsolutePath());

        FeatureParams params = FeatureParams.defaults();
        List<String> classes = List.of("bach", "chopin", "beethoven", "liszt");
        int win = WindowIndex.framesFor(5, params);
        int mels = params.nMels();
        List<float[]> tw = new ArrayList<>();
        List<float[]> vw = new ArrayList<>();
        List<Integer> tl = new ArrayList<>();
        List<Integer> vl = new ArrayList<>();
        int[] tc = new int[4];
        int[] vc = new int[4];
        try (Workspace w = Workspace.open(ws)) {
            List<WindowIndex.WindowRef> refs = new ArrayList<>(WindowIndex.list(w, params, new WindowSpec(5, 2.5)));
            Collections.shuffle(refs, new Random(5));
            Map<String, Integer> perFile = new HashMap<>();
            Map<String, Spectrogram> cache = new HashMap<>();
            for (WindowIndex.WindowRef r : refs) {
                int c = classes.indexOf(r.composerId());
                if (c < 0 || r.pieceId() == null || perFile.merge(r.sha256(), 1, Integer::sum) > 12) {
                    continue;
                }
                boolean val = Math.floorMod(r.pieceId().hashCode(), 5) == 0;
                int[] counts = val ? vc : tc;
                if (counts[c] >= (val ? 150 : 600)) {
                    continue;
                }
                counts[c]++;
                if (cache.size() > 300) {
                    cache.clear();
                }
                Spectrogram s = cache.computeIfAbsent(r.contentHash(),
                        h -> w.featureCache().read(h, params).orElseThrow());
                int start = (int) Math.round(r.startSeconds() * params.sampleRate() / params.hopLength());
                float[] x = new float[mels * win];
                for (int t = 0; t < win; t++) {
                    for (int m = 0; m < mels; m++) {
                        x[m * win + t] = s.data()[start + t][m];
                    }
                }
                (val ? vw : tw).add(x);
                (val ? vl : tl).add(c);
            }
        }
        InMemoryWindows train = new InMemoryWindows(classes, mels, win, tw, tl.stream().mapToInt(i -> i).toArray());
        InMemoryWindows val = new InMemoryWindows(classes, mels, win, vw, vl.stream().mapToInt(i -> i).toArray());
        int majority = 0;
        for (int c : vc) {
            majority = Math.max(majority, c);
        }
        double majorityShare = majority / (double) val.size();
        TrainingResult r = ClassifierTraining.train(train, val, TrainingConfig.builder()
                .optArchitecture(Architecture.SMALL).optEpochs(6).build(), tmp.resolve("run"), new TrainingListener() {
                    @Override
                    public void onEpoch(EpochRecord e, boolean improved) {
                        System.out.println(e);
                    }
                });
        double acc = r.best().valAccuracy();
        System.out.printf("train %d, val %d windows; val accuracy %.3f, majority %.3f%n", train.size(), val.size(),
                acc, majorityShare);
        assertTrue(acc > majorityShare + 0.15, "val accuracy " + acc + ", majority class " + majorityShare);
    }
}
