package org.cadenza.corpus;

/**
 * Receives the progress of long work (ingest, render, features), e.g. to drive a progress bar.
 *
 * <p>Calls arrive in the order {@code start}, any number of {@code advance}, {@code finish}; a job may run several
 * tasks one after the other. The corpus code serialises the calls (never two at once), but they may come from
 * worker threads.
 */
public interface ProgressListener {

    /** Does nothing. */
    ProgressListener NONE = new ProgressListener() {
        @Override
        public void start(String task, long total) {
        }

        @Override
        public void advance(String item, boolean ok) {
        }

        @Override
        public void finish() {
        }
    };

    /**
     * A task begins.
     *
     * @param task  what is being done ("ingest", "render", "features")
     * @param total number of items it will advance over (0 when unknown)
     */
    void start(String task, long total);

    /**
     * One item is finished (done, skipped or failed).
     *
     * @param item the item, usually a file path
     * @param ok   false when the item failed (quarantined, failed to render, ...)
     */
    void advance(String item, boolean ok);

    /** The task is over. */
    void finish();

    /** A listener that forwards to {@code delegate} with every call synchronised on the returned object. */
    static ProgressListener synchronizedListener(ProgressListener delegate) {
        return new ProgressListener() {
            @Override
            public synchronized void start(String task, long total) {
                delegate.start(task, total);
            }

            @Override
            public synchronized void advance(String item, boolean ok) {
                delegate.advance(item, ok);
            }

            @Override
            public synchronized void finish() {
                delegate.finish();
            }
        };
    }
}
