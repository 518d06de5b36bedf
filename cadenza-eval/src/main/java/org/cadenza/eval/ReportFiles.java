package org.cadenza.eval;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link EvaluationReport#write(Path)} wrote.
 *
 * @param markdown report.md
 * @param html     report.html (self-contained; pictures referenced relatively)
 * @param json     metrics.json
 * @param all      every file written, these three included
 */
public record ReportFiles(Path markdown, Path html, Path json, List<Path> all) {

    public ReportFiles {
        all = List.copyOf(all);
    }
}
