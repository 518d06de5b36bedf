package org.cadenza.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/**
 * {@code --data DIR}: the datasets folder (the one holding asap/), default {@code $CADENZA_DATA}: where the benchmarks
 * find their files (bench, benchmark many-composers).
 */
public final class DataFolderOption {
    @Option(names = "--data", paramLabel = "DIR", defaultValue = "${env:CADENZA_DATA}")
    Path dir;

    /**
     * The file a benchmark times when none is named: the ASAP piece closest to 5 minutes among a fixed list under
     * --data (default {@code $CADENZA_DATA}).
     */
    Path defaultFile() {
        if (dir == null) {
            throw new org.cadenza.io.CadenzaException("no FILE given and CADENZA_DATA is unset: name MIDI files, or "
                    + "set CADENZA_DATA (or --data) to the datasets folder holding asap/");
        }
        return org.cadenza.bench.PredictBenchmark.defaultFile(dir);
    }

    /** {@code p} as it is when it exists or is absolute, else looked up under --data (when given). */
    Path resolve(Path p) {
        return java.nio.file.Files.exists(p) || p.isAbsolute() || dir == null ? p : dir.resolve(p);
    }
}
