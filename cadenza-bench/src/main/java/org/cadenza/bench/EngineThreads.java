package org.cadenza.bench;

import org.cadenza.model.ModelRuntime;

/** PyTorch's thread count for a model benchmark, which the engine reads once, when it loads. */
final class EngineThreads {

    static final String PROPERTY = "ai.djl.pytorch.num_threads";

    private EngineThreads() {
    }

    /**
     * Sets PyTorch's thread count through {@link ModelRuntime#setThreads} when nothing set it yet.
     *
     * @throws IllegalStateException when it was already set to another number (it cannot change any more)
     */
    static void fix(int threads) {
        String set = System.getProperty(PROPERTY);
        if (set == null) {
            ModelRuntime.setThreads(threads);
        } else if (!set.equals(Integer.toString(threads))) {
            throw new IllegalStateException("PyTorch runs with " + set + " thread(s) in this process (" + PROPERTY
                    + "), the benchmark asked for " + threads + ": the count is fixed when the engine loads; call "
                    + "ModelRuntime.setThreads(" + threads + ") before any model code");
        }
    }
}
