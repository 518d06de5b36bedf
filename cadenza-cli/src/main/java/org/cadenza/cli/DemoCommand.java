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
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Runs the main job end to end on a small real corpus.",
                "Picks a few pieces per composer from the datasets (solo piano from ASAP and piano-midi.de, orchestral and vocal files from midi-classics),",
                "ingests them, renders them to audio, computes log-mel windows, draws a spectrogram per composer",
                "and prints the workspace's status; then trains a composer classifier on a by-piece split, writes its",
                "evaluation report and predicts the held-out test pieces. Last, `cadenza who` on a piece the default",
                "models never trained on (they are trained once first when missing, a few minutes).",
                "Rerunning skips what is done.",
                "Data: --data, else $CADENZA_DATA, else ASAP is fetched from its home repository."})
public final class DemoCommand implements Callable<Integer> {

    @Option(names = {"-w", "--workspace"}, paramLabel = "DIR", defaultValue = "demo-workspace",
            description = "Where the demo works. Default: ${DEFAULT-VALUE}.")
    Path workspace;

    @Option(names = "--data", paramLabel = "DIR", description = "Folder with asap/, piano-midi-de/, midi-classics/.")
    Path data;

    @Option(names = "--composers", split = ",", defaultValue = "bach,mozart,beethoven,chopin",
            description = "Composers to include. Default: ${DEFAULT-VALUE}.")
    List<String> composers;

    @Option(names = "--pieces", defaultValue = "2", description = "Pieces per composer and dataset. Default: ${DEFAULT-VALUE}.")
    int pieces;

    @Option(names = "--window", defaultValue = "5s", description = "Window length. Default: ${DEFAULT-VALUE}.")
    String window;

    @Mixin
    ThreadsOption threads;

    @Option(names = "--model", defaultValue = "small", description = "Network: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    org.cadenza.model.Architecture model;

    @Option(names = "--epochs", defaultValue = "8", description = "Training epochs. Default: ${DEFAULT-VALUE}.")
    int epochs;

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
            report = FullDemo.run(new FullDemo.Options(options, model, epochs, 2.5, models.models()), new ConsoleProgress(),
                    training);
        }
        System.out.print(report.toText());
        System.out.println();
        System.out.println("Next: `cadenza who <your.mid>`; open the report above; look at the pictures; or ingest your"
                + " own music:");
        System.out.println("  cadenza ingest <folder of <composer>/.../*.mid> --workspace my-ws");
        return report.corpus().hasProblems() ? ExitCode.PARTIAL : ExitCode.OK;
    }
}
