package org.cadenza.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.cadenza.corpus.Workspace;
import org.cadenza.api.run.ModelComparison;
import org.cadenza.model.Architecture;
import org.cadenza.model.classical.ClassicalAlgorithm;
import org.cadenza.model.train.TrainingConfig;

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

    @Option(names = "--classifiers", split = ",", paramLabel = "NAME",
            defaultValue = "logistic,sgd-hinge,sgd-log,sgd-modified-huber,sgd-perceptron,knn,adaboost,random-forest,extra-trees")
    List<String> classifiers;

    @Mixin
    NoteWindowOption noteWindow;

    @Option(names = "--no-pianoroll")
    boolean noPianoRoll;

    @Option(names = "--no-fusion")
    boolean noFusion;

    @Option(names = "--audio", split = ",", paramLabel = "NAME=RUN")
    List<String> audio = List.of();

    @Option(names = "--epochs", defaultValue = "10")
    int epochs;

    @Mixin
    RollOptions roll;

    @Option(names = "--trees", defaultValue = "100")
    int trees;

    @Option(names = "--rounds", defaultValue = "50")
    int rounds;

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
        List<ClassicalAlgorithm> algorithms = new ArrayList<>();
        for (String c : classifiers) {
            algorithms.add(OptionValues.parse(spec, "--classifiers", () -> ClassicalAlgorithm.parse(c)));
        }
        Map<String, Path> audioRuns = new LinkedHashMap<>();
        for (String a : audio) {
            int eq = a.indexOf('=');
            if (eq <= 0) {
                throw new ParameterException(spec.commandLine(), "--audio: expected NAME=RUN, got " + a);
            }
            audioRuns.put(a.substring(0, eq), Path.of(a.substring(eq + 1)));
        }
        TrainingConfig network = TrainingConfig.builder().optArchitecture(Architecture.SMALL).optEpochs(epochs)
                .optSeed(data.seed()).optStopMetric(TrainingConfig.StopMetric.VAL_ACCURACY).optPatience(4).build();
        try (Workspace ws = data.workspace.open();
             Workspace other = blind == null ? null : WorkspaceOption.existing(blind);
             TrainingProgress progress = new TrainingProgress()) {
            ModelComparison.Spec s = new ModelComparison.Spec(data.dataset(), noteWindow.settings(data.firstSeconds),
                    algorithms, noPianoRoll ? null : roll.rollSettings(data), network,
                    audioRuns, !noFusion, Optional.ofNullable(other), threads.resolve(),
                    trees, rounds);
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
