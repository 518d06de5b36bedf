package org.cadenza.cli;

import org.cadenza.corpus.demo.Demo;
import org.cadenza.corpus.demo.DemoCorpus;
import org.cadenza.api.FullDemo;
import org.cadenza.features.WindowSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code cadenza demo}: the main job end to end. */
@Command(name = "demo", mixinStandardHelpOptions = true)
public final class DemoCommand implements Callable<Integer> {

    @Option(names = {"-w", "--workspace"}, paramLabel = "DIR", defaultValue = "demo-workspace")
    Path workspace;

    @Option(names = "--data", paramLabel = "DIR")
    Path data;

    @Option(names = "--composers", split = ",", defaultValue = "bach,mozart,beethoven,chopin")
    List<String> composers;

    @Option(names = "--pieces", defaultValue = "2")
    int pieces;

    @Option(names = "--window", defaultValue = "5s")
    String window;

    @Mixin
    ThreadsOption threads;

    @Mixin
    ArchitectureOption model;

    @Mixin
    EpochsOption epochs = new EpochsOption(8);

    @Mixin
    RenderOptions render;

    @Mixin
    ModelsOption models;

    @Override
    public Integer call() {
        Optional<Path> root = Optional.ofNullable(data).or(() -> Optional.ofNullable(System.getenv("CADENZA_DATA"))
                .filter(s -> !s.isBlank()).map(Path::of));
        DemoCorpus.Selection d = DemoCorpus.Selection.DEFAULT;
        Demo.Options options = new Demo.Options(workspace, root,
                new DemoCorpus.Selection(composers, pieces, d.minSeconds(), d.maxSeconds()),
                render.settings(), WindowSpec.parse(window), threads.resolve());
        org.cadenza.model.ModelRuntime.setThreads(1);
        FullDemo.Report report;
        try (TrainingProgress training = new TrainingProgress()) {
            report = FullDemo.run(new FullDemo.Options(options, model.value(), epochs.value(), 2.5, models.models()),
                    new ConsoleProgress(), training);
        }
        System.out.print(report.toText());
        System.out.println();
        System.out.println("Next: `cadenza who <your.mid>`; open the report above; look at the pictures; or ingest your"
                + " own music:");
        System.out.println("  cadenza ingest <folder of <composer>/.../*.mid> --workspace my-ws");
        return report.corpus().hasProblems() ? ExitCode.PARTIAL : ExitCode.OK;
    }
}
