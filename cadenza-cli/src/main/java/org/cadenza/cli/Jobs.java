package org.cadenza.cli;

import org.cadenza.corpus.catalog.Problem;
import org.cadenza.corpus.jobs.JobReport;

/** Printing job reports. */
final class Jobs {
    private Jobs() {
    }

    static void print(JobReport report) {
        System.out.println(report.summary());
        int shown = 0;
        for (Problem p : report.problems()) {
            if (shown++ == 20) {
                System.out.println("  ... " + (report.problems().size() - 20) + " more (see `cadenza status`)");
                break;
            }
            System.out.println("  " + p);
        }
    }
}
