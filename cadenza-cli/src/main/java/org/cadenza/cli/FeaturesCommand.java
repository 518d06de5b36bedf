package org.cadenza.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.cadenza.corpus.WindowRecipe;
import org.cadenza.corpus.Workspace;
import org.cadenza.corpus.jobs.FeatureJob;
import org.cadenza.corpus.jobs.JobReport;
import org.cadenza.corpus.jobs.WindowIndex;
import org.cadenza.features.FeatureParams;
import org.cadenza.features.WindowSpec;
import org.cadenza.render.RenderSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** {@code cadenza features}: spectrogram features for a whole workspace. */
@Command(name = "features", mixinStandardHelpOptions = true)
public final class FeaturesCommand implements Callable<Integer> {

    @Mixin
    WorkspaceArgument workspace;

    @Mixin
    FeatureKindOption kind;

    @Mixin
    WindowOptions windows;

    @Mixin
    ThreadsOption threads;

    @Mixin
    RenderOptions render;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        RenderSettings rendered = render.settings();
        FeatureParams params = WindowRecipe.featuresFor(rendered,
                FeatureParams.builder().optKind(kind.value()).optNMels(windows.mels));
        WindowSpec spec = windows.spec();
        try (Workspace ws = workspace.open()) {
            JobReport report = new FeatureJob().run(ws, params, rendered, threads.resolve(), new ConsoleProgress());
            int windows = WindowIndex.list(ws, params, rendered, spec).size();
            json.print(Jobs.text(report) + String.format("%d windows of %s every %s%n", windows,
                    fmt(spec.windowSeconds()), fmt(spec.hopSeconds())), () -> {
                        ObjectNode o = ResultDocuments.job(report);
                        o.putObject("windows").put("count", windows).put("windowSeconds", spec.windowSeconds())
                                .put("hopSeconds", spec.hopSeconds()).put("kind", params.kind().name());
                        return o;
                    });
            return ExitCode.of(report.failed());
        }
    }

    private static String fmt(double seconds) {
        return seconds == Math.rint(seconds) ? (long) seconds + " s" : seconds + " s";
    }
}
