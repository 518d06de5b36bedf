package org.cadenza.model;

/**
 * Process-wide settings of the deep-learning engine. PyTorch reads its thread counts once, when DJL first loads
 * the engine, so call these before any other model method.
 */
public final class ModelRuntime {

    private ModelRuntime() {
    }

    /**
     * Sets PyTorch's intra-op and inter-op thread counts (system properties {@code ai.djl.pytorch.num_threads} and
     * {@code ai.djl.pytorch.num_interop_threads}). Default when never called: PyTorch's own (one per core). On a
     * machine shared with other busy processes, 1 thread is often much faster than oversubscribed OpenMP threads:
     * measured 0.25 s against 5.4 s for the same small training run on a 2-core machine at load 5.
     *
     * @param threads at least 1
     */
    public static void setThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
        System.setProperty("ai.djl.pytorch.num_interop_threads", Integer.toString(threads));
    }
}
