package org.cadenza.corpus.ingest;

import org.cadenza.corpus.ProgressListener;
import org.cadenza.corpus.Workspace;

import java.nio.file.Path;

/** Test helper run in a child JVM by {@link KillDuringIngestTest}: an ingest that pauses after every file. */
public final class SlowIngestMain {

    private SlowIngestMain() {
    }

    /** Arguments: workspace folder, music folder, pause per file in milliseconds. */
    public static void main(String[] args) {
        long pause = Long.parseLong(args[2]);
        try (Workspace ws = Workspace.open(Path.of(args[0]))) {
            new Ingestor().ingest(ws, Path.of(args[1]), IngestOptions.builder().optThreads(2).build(),
                    new ProgressListener() {
                        @Override
                        public void start(String task, long total) {
                        }

                        @Override
                        public void advance(String item, boolean ok) {
                            try {
                                Thread.sleep(pause);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }

                        @Override
                        public void finish() {
                        }
                    });
        }
    }
}
