package org.cadenza.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.cadenza.io.audio.AudioClip;
import org.junit.jupiter.api.Test;

class ThreadSafetyTest {

    @Test
    void oneExtractorSharedByManyThreadsGivesTheSingleThreadedResults() throws Exception {
        FeatureExtractor fx = new FeatureExtractor(FeatureParams.defaults().withKind(FeatureKind.MFCC));
        List<AudioClip> clips = List.of(TestSignals.byName("chirp"), TestSignals.byName("noise"),
                TestSignals.byName("two_tone"), TestSignals.byName("short"));
        List<Spectrogram> expected = new ArrayList<>();
        for (AudioClip c : clips) {
            expected.add(fx.compute(c));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Spectrogram>> futures = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                AudioClip c = clips.get(i % clips.size());
                futures.add(pool.submit(() -> fx.compute(c)));
            }
            for (int i = 0; i < futures.size(); i++) {
                assertEquals(expected.get(i % clips.size()), futures.get(i).get(), "task " + i);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
