package org.cadenza.corpus.ingest;

import org.cadenza.corpus.Workspace;
import org.cadenza.corpus.WorkspaceLock;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Test helper run in a child JVM by {@link IngestLockTest}: takes the ingest lock of a workspace, prints
 * {@code locked <since>}, and holds the lock until its standard input is closed.
 */
public final class HoldIngestLockMain {

    private HoldIngestLockMain() {
    }

    /** Argument: the workspace folder. */
    public static void main(String[] args) throws IOException {
        try (Workspace ws = Workspace.open(Path.of(args[0])); WorkspaceLock lock = WorkspaceLock.ingest(ws)) {
            System.out.println("locked " + lock.since());
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold the lock until the parent closes our input
            }
        }
    }
}
