package org.cadenza.cli;

import org.cadenza.corpus.StatusReport;
import org.cadenza.corpus.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** {@code cadenza status}: what a workspace holds. */
@Command(name = "status", mixinStandardHelpOptions = true)
public final class StatusCommand implements Callable<Integer> {

    @Mixin
    WorkspaceArgument workspace;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        try (Workspace ws = workspace.open()) {
            StatusReport report = ws.status();
            System.out.print(json.on() ? report.toJson() + "\n" : report.toText());
            return ExitCode.OK;
        }
    }
}
