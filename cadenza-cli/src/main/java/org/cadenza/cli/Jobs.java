package org.cadenza.cli;

import org.cadenza.corpus.catalog.Problem;
import org.cadenza.corpus.jobs.JobReport;

/** Printing job reports. */
final class Jobs {
    private Jobs() {
    }

    /** The summary line, then the first 20 problems, one a line. */
    static String text(JobReport report) {
        StringBuilder b = new StringBuilder(report.summary()).append('\n');
        int shown = 0;
        for (Problem p : report.problems()) {
            if (shown++ == 20) {
                b.append("  ... ").append(report.problems().size() - 20).append(" more (see `cadenza status`)\n");
                break;
            }
            b.append("  ").append(p).append('\n');
        }
        return b.toString();
    }
}
