package org.cadenza.cli;

import org.cadenza.corpus.Workspace;
import org.cadenza.corpus.jobs.JobReport;
import org.cadenza.corpus.jobs.RenderJob;
import org.cadenza.render.RenderSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** {@code cadenza render}: MIDI to audio for a whole workspace. */
@Command(name = "render", mixinStandardHelpOptions = true)
public final class RenderCommand implements Callable<Integer> {

    @Mixin
    WorkspaceArgument workspace;

    @Mixin
    RenderOptions render;

    @Mixin
    ThreadsOption threads;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        RenderSettings settings = render.settings();
        try (Workspace ws = workspace.open()) {
            JobReport report = new RenderJob().run(ws, settings, threads.resolve(), new ConsoleProgress());
            json.print(Jobs.text(report), () -> ResultDocuments.job(report));
            return ExitCode.of(report.failed());
        }
    }
}
