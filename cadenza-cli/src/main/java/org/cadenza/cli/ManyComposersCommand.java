package org.cadenza.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.cadenza.api.run.ManyComposersBenchmark;
import org.cadenza.corpus.Workspace;
import org.cadenza.corpus.dataset.Balancing;
import org.cadenza.features.WindowSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code cadenza benchmark many-composers}: the composers-many split, every figure its README asks for. */
@Command(name = "many-composers", mixinStandardHelpOptions = true)
public final class ManyComposersCommand implements Callable<Integer> {

    @Mixin
    WorkspaceArgument workspace;

    @Mixin
    OutFolderOption out;

    @Mixin
    DataFolderOption data;

    @Option(names = "--split-file", paramLabel = "CSV")
    Path split;

    @Option(names = "--no-refit")
    boolean noRefit;

    @Mixin
    ModelSetOptions models = new ModelSetOptions("logistic", "sgd-log").withPieceClassifiers("random-forest",
            "logistic");

    @Mixin
    RollWindowOption rollWindow = new RollWindowOption("5s");

    @Mixin
    BalanceOption balance = new BalanceOption("cap:400");

    @Mixin
    SeedOption seed;

    @Mixin
    ThreadOptions threads;

    @Mixin
    JsonOption json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        threads.torch(1);
        Path datasets = data.dir;
        if (datasets == null) {
            throw new ParameterException(spec.commandLine(), "where are the datasets? give --data DIR (the folder "
                    + "holding asap/, polish-scores/, ...) or set CADENZA_DATA");
        }
        Path splitCsv = split != null ? split
                : datasets.toAbsolutePath().normalize().resolveSibling("benchmarks/composers-many/split.csv");
        if (!Files.isRegularFile(splitCsv)) {
            throw new ParameterException(spec.commandLine(), "no split file at " + splitCsv + ": give --split-file CSV");
        }
        Balancing balancing = OptionValues.parse(spec, "--balance", () -> Balancing.parse(balance.value()));
        WindowSpec window = OptionValues.parse(spec, "--roll-window", () -> WindowSpec.parse(rollWindow.value()));
        ManyComposersBenchmark.Spec s = new ManyComposersBenchmark.Spec(splitCsv, datasets,
                models.noteWindow.settings(null), models.algorithms(), models.pieceAlgorithms(),
                models.noPianoRoll ? null : models.roll.settings(window, null), models.network(seed.value()),
                !models.noFusion, balancing, models.pieceBalancing(), seed.value(), threads.resolve(), models.trees,
                models.rounds, !noRefit);
        try (Workspace ws = Workspace.open(workspace.dir());
             TrainingProgress progress = new TrainingProgress()) {
            ManyComposersBenchmark.Result r = ManyComposersBenchmark.run(ws, s, out.dir(), new ConsoleProgress(),
                    progress);
            json.print(Files.readString(r.markdown()) + "table: " + r.markdown() + "\n", () -> {
                ObjectNode o = JsonOption.object().put("markdown", r.markdown().toString())
                        .put("testFiles", r.testFiles()).put("unseenFiles", r.unseenFiles())
                        .put("peakHeapBytes", r.peakHeapBytes());
                o.set("composers", JsonOption.tree(r.composers()));
                o.set("rows", JsonOption.tree(r.rows()));
                o.set("dummy", JsonOption.tree(r.dummy()));
                o.set("period", JsonOption.tree(r.period()));
                o.put("ingested", r.ingest().ingested()).put("quarantined", r.ingest().quarantined().size());
                return o;
            });
            return ExitCode.OK;
        }
    }
}
