package org.cadenza.cli;

import org.cadenza.corpus.WindowRecipe;
import org.cadenza.corpus.Workspace;
import org.cadenza.corpus.jobs.FeatureJob;
import org.cadenza.corpus.jobs.JobReport;
import org.cadenza.corpus.jobs.WindowIndex;
import org.cadenza.features.FeatureKind;
import org.cadenza.features.FeatureParams;
import org.cadenza.features.WindowSpec;
import org.cadenza.render.RenderSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code cadenza features}: spectrogram features for a whole workspace. */
@Command(name = "features", mixinStandardHelpOptions = true)
public final class FeaturesCommand implements Callable<Integer> {

    @Mixin
    WorkspaceArgument workspaceArgument;
    private Path workspace;

    @Option(names = "--kind", defaultValue = "logmel")
    FeatureKind kind;

    @Option(names = "--window", defaultValue = "5s")
    String window;

    @Option(names = "--hop")
    String hop;

    @Option(names = "--mels", defaultValue = "128")
    int mels;

    @Mixin
    ThreadsOption threads;

    @Mixin
    RenderOptions render;

    @Override
    public Integer call() {
        workspace = workspaceArgument.dir();
        RenderSettings rendered = render.settings();
        FeatureParams params = WindowRecipe.featuresFor(rendered, FeatureParams.builder().optKind(kind).optNMels(mels));
        WindowSpec spec = WindowSpec.parse(hop == null ? window : window + "/" + hop);
        try (Workspace ws = WorkspaceOption.existing(workspace)) {
            JobReport report = new FeatureJob().run(ws, params, rendered, threads.resolve(), new ConsoleProgress());
            Jobs.print(report);
            int windows = WindowIndex.list(ws, params, rendered, spec).size();
            System.out.printf("%d windows of %s every %s%n", windows, fmt(spec.windowSeconds()), fmt(spec.hopSeconds()));
            return ExitCode.of(report.failed());
        }
    }

    private static String fmt(double seconds) {
        return seconds == Math.rint(seconds) ? (long) seconds + " s" : seconds + " s";
    }
}
