package org.cadenza.cli;

import java.nio.file.Path;

import org.cadenza.corpus.dataset.Periods;
import picocli.CommandLine.Option;

/** {@code --periods CSV}: the composers' periods, the built-in table unless a CSV is given (train, map). */
public final class PeriodsOption {

    @Option(names = "--periods", paramLabel = "CSV")
    Path csv;

    /** @return the table in the CSV given, else the built-in one */
    public Periods periods() {
        return csv == null ? Periods.builtIn() : Periods.load(csv);
    }
}
