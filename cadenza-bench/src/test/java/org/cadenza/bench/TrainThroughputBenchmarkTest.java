package org.cadenza.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.cadenza.io.BadInputException;
import org.cadenza.model.Architecture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The training-throughput benchmark: the DJL parameter list read back, the PyTorch script building the same
 * networks, and a tiny end-to-end run (32 x 32 windows, two batches).
 */
class TrainThroughputBenchmarkTest {

    /** Hand-counted trainable parameters of SMALL with 3 classes (see Networks): input BN, 4 conv+BN, Linear. */
    private static final long SMALL_3_CLASSES = 2 + (16 * 1 * 9 + 32) + (32 * 16 * 9 + 64) + (64 * 32 * 9 + 128)
            + (128 * 64 * 9 + 256) + (128 * 3 + 3);

    @Test
    void readsTheDjlParameterListOfTheSmallNetwork() {
        List<DjlParameterFile.Tensor> p = TrainThroughputBenchmark.djlParameters(Architecture.SMALL, 3);
        // input BN (4 tensors), 4 x (conv weight + BN 4 tensors), Linear weight + bias
        assertEquals(4 + 4 * 5 + 2, p.size(), p.toString());
        assertEquals(new DjlParameterFile.Tensor("gamma", List.of(1L)), p.get(0));
        assertEquals(new DjlParameterFile.Tensor("weight", List.of(16L, 1L, 3L, 3L)), p.get(4));
        assertEquals(new DjlParameterFile.Tensor("weight", List.of(3L, 128L)), p.get(p.size() - 2));
        assertEquals(new DjlParameterFile.Tensor("bias", List.of(3L)), p.get(p.size() - 1));
        assertEquals(SMALL_3_CLASSES, DjlParameterFile.trainableParameters(p));
    }

    @Test
    void refusesAFileThatIsNoDjlParameterFile(@TempDir Path tmp) throws Exception {
        Path junk = Files.writeString(tmp.resolve("junk.params"), "not parameters at all");
        BadInputException e = assertThrows(BadInputException.class, () -> DjlParameterFile.read(junk));
        assertTrue(e.getMessage().contains("junk.params"), e.getMessage());
    }

    @Test
    void thePythonScriptBuildsTheSameNetworksAsCadenza() {
        Optional<Path> python = TrainThroughputBenchmark.findPython();
        assumeTrue(python.isPresent(), "no python3 with torch (Debian: apt-get install python3-torch)");
        for (Architecture a : Architecture.values()) {
            var params = TrainThroughputBenchmark.Params.builder().optArchitecture(a).optWindows(32).build();
            TrainThroughputResult.Peer peer = TrainThroughputBenchmark.runPeer(python.get(), params, true);
            List<DjlParameterFile.Tensor> djl = TrainThroughputBenchmark.djlParameters(a, TrainThroughputBenchmark.CLASSES);
            assertEquals(List.of(), TrainThroughputResult.differences(djl, peer), a.name());
            assertEquals(DjlParameterFile.trainableParameters(djl), peer.trainableParameters(), a.name());
            // same function: strides, padding, pooling and layer order too, which shapes alone do not show
            double diff = TrainThroughputBenchmark.forwardDifference(python.get(), a, 48, 40);
            assertTrue(diff <= TrainThroughputBenchmark.SAME_FUNCTION_TOLERANCE, a + ": " + diff);
        }
    }

    @Test
    void aDifferentShapeOrCountIsReported() {
        List<DjlParameterFile.Tensor> djl = List.of(new DjlParameterFile.Tensor("gamma", List.of(1L)),
                new DjlParameterFile.Tensor("beta", List.of(1L)),
                new DjlParameterFile.Tensor("runningMean", List.of(1L)),
                new DjlParameterFile.Tensor("weight", List.of(4L, 1L, 3L, 3L)));
        List<TrainThroughputResult.PeerTensor> same = new ArrayList<>(List.of(
                new TrainThroughputResult.PeerTensor("0.weight", List.of(1L)),
                new TrainThroughputResult.PeerTensor("0.bias", List.of(1L)),
                new TrainThroughputResult.PeerTensor("0.running_mean", List.of(1L)),
                new TrainThroughputResult.PeerTensor("1.weight", List.of(4L, 1L, 3L, 3L))));
        var ok = new TrainThroughputResult.Peer("3", "t", 1, 1, 2 + 36, same);
        assertEquals(List.of(), TrainThroughputResult.differences(djl, ok));

        same.set(3, new TrainThroughputResult.PeerTensor("1.weight", List.of(4L, 1L, 5L, 5L)));
        var wider = new TrainThroughputResult.Peer("3", "t", 1, 1, 2 + 100, same);
        List<String> d = TrainThroughputResult.differences(djl, wider);
        assertEquals(2, d.size(), d.toString());
        assertTrue(d.get(0).contains("tensor 3"), d.toString());
        assertTrue(d.get(1).contains("DJL 38, PyTorch 102"), d.toString());

        var shorter = new TrainThroughputResult.Peer("3", "t", 1, 1, 2, same.subList(0, 3));
        assertTrue(TrainThroughputResult.differences(djl, shorter).get(0).contains("4 tensors, PyTorch 3"));
    }

    @Test
    void measuresBothSidesOnTinyWindowsAndPrintsTheCheck() {
        Optional<Path> python = TrainThroughputBenchmark.findPython();
        var params = TrainThroughputBenchmark.Params.builder().optArchitecture(Architecture.SMALL).optMels(32)
                .optFrames(32).optWindows(64).optThreads(1).optPython(python).build();
        TrainThroughputResult r = TrainThroughputBenchmark.run(params, "cadenza bench train --test");
        assertTrue(r.javaWindowsPerSecond() > 0 && Double.isFinite(r.javaWindowsPerSecond()), r.toString());
        assertEquals(SMALL_3_CLASSES, r.djlTrainableParameters());
        String md = r.toMarkdown();
        assertTrue(md.contains("`cadenza bench train --test`"), md);
        assertTrue(md.contains("| Cadenza (Java, DJL "), md);
        if (python.isPresent()) {
            assertTrue(r.peer().isPresent(), md);
            assertTrue(r.peer().get().windowsPerSecond() > 0, md);
            assertTrue(r.sameNetwork(), md);
            assertTrue(md.contains("Same network: **yes**"), md);
            assertTrue(r.maxProbabilityDifference().isPresent(), md);
            assertTrue(md.contains("same function: a trained Cadenza network's weights"), md);
            assertTrue(md.contains("PyTorch " + r.peer().get().torch() + " under Python"), md);
            assertTrue(md.contains(String.format(java.util.Locale.ROOT, "**%.2fx**", r.ratio().getAsDouble())), md);
        } else {
            assertFalse(r.peer().isPresent());
            assertTrue(md.contains("Python peer: not run"), md);
        }
    }

    @Test
    void refusesAnotherThreadCountThanTheEngineUses() {
        // surefire starts the JVM with ai.djl.pytorch.num_threads=1
        assumeTrue("1".equals(System.getProperty("ai.djl.pytorch.num_threads")), "threads property not set to 1");
        var params = TrainThroughputBenchmark.Params.builder().optMels(32).optFrames(32).optWindows(32)
                .optThreads(2).build();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> TrainThroughputBenchmark.run(params, "x"));
        assertTrue(e.getMessage().contains("asked for 2"), e.getMessage());
    }

    @Test
    void theDefaultWindowIsFiveSecondsAsTrainingCutsIt() {
        assertEquals(215, TrainThroughputBenchmark.FIVE_SECONDS, "5 s / (512 / 22,050 Hz) = 215.3 frames, rounded");
        assertEquals(TrainThroughputBenchmark.FIVE_SECONDS, TrainThroughputBenchmark.Params.builder().build().frames());
    }
}
