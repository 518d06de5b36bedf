package org.cadenza.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.cadenza.corpus.Workspace;
import org.cadenza.api.run.ModelComparison;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code cadenza compare}: every model in one table. */
@Command(name = "compare", mixinStandardHelpOptions = true)
public final class CompareCommand implements Callable<Integer> {

    @Mixin
    OutFolderOption out;

    @Option(names = "--blind", paramLabel = "OTHER_WS")
    Path blind;

    @Mixin
    ModelSetOptions models = new ModelSetOptions("logistic", "sgd-hinge", "sgd-log", "sgd-modified-huber",
            "sgd-perceptron", "knn", "adaboost", "random-forest", "extra-trees");

    @Option(names = "--audio", split = ",", paramLabel = "NAME=RUN")
    List<String> audio = List.of();

    @Mixin
    ThreadOptions threads;

    @Mixin
    DatasetOptions data;

    @Mixin
    JsonOption json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        threads.torch(1);
        Map<String, Path> audioRuns = new LinkedHashMap<>();
        for (String a : audio) {
            int eq = a.indexOf('=');
            if (eq <= 0) {
                throw new ParameterException(spec.commandLine(), "--audio: expected NAME=RUN, got " + a);
            }
            audioRuns.put(a.substring(0, eq), Path.of(a.substring(eq + 1)));
        }
        try (Workspace ws = data.workspace.open();
             Workspace other = blind == null ? null : WorkspaceOption.existing(blind);
             TrainingProgress progress = new TrainingProgress()) {
            ModelComparison.Spec s = new ModelComparison.Spec(data.dataset(),
                    models.noteWindow.settings(data.firstSeconds), models.algorithms(), models.pieceAlgorithms(),
                    models.pieceBalancing(),
                    models.noPianoRoll ? null : models.roll.rollSettings(data), models.network(data.seed()),
                    audioRuns, !models.noFusion, false, Optional.ofNullable(other), threads.resolve(), models.trees,
                    models.rounds);
            ModelComparison.Table t = ModelComparison.run(ws, s, out.dir(), new ConsoleProgress(), progress);
            json.print(java.nio.file.Files.readString(t.markdown()) + "table: " + t.markdown() + ", " + t.csv() + "\n",
                    () -> {
                        ObjectNode o = JsonOption.object().put("markdown", t.markdown().toString())
                                .put("csv", t.csv().toString());
                        o.set("rows", JsonOption.tree(t.rows()));
                        o.set("testDummy", JsonOption.tree(t.testDummy()));
                        t.blindDummy().ifPresent(b -> o.set("blindDummy", JsonOption.tree(b)));
                        return o;
                    });
            return ExitCode.OK;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
