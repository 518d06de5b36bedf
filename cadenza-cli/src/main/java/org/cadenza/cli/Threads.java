package org.cadenza.cli;

/** Thread-count options. */
final class Threads {
    private Threads() {
    }

    /** {@code n} when positive, otherwise one per available core. */
    static int resolve(int n) {
        return n > 0 ? n : Runtime.getRuntime().availableProcessors();
    }
}
