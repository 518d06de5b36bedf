package org.cadenza.corpus.catalog;

import org.cadenza.io.Parameters;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One execution of a command against the workspace.
 *
 * @param id       run id
 * @param command  what ran ({@code ingest /data/midi}, {@code render key}, ...)
 * @param started  when it started
 * @param finished when it finished; empty while running or when it was killed
 * @param counts   its final counts (done, skipped, failed, ...); empty until finished
 */
public record RunRecord(long id, String command, Instant started, Optional<Instant> finished,
                        Map<String, Long> counts) {

    public RunRecord {
        Parameters.nonNull("command, started, finished", command, started, finished);
        counts = Map.copyOf(counts);
    }
}
