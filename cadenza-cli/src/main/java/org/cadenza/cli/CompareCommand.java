package org.cadenza.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.cadenza.corpus.Workspace;
import org.cadenza.api.run.ModelComparison;
import org.cadenza.features.pianoroll.PianoRollParams;
import org.cadenza.features.symbolic.NoteWindowSpec;
import org.cadenza.model.Architecture;
import org.cadenza.model.ModelRuntime;
import org.cadenza.model.classical.ClassicalAlgorithm;
import org.cadenza.model.notes.NotesSettings;
import org.cadenza.model.pianoroll.PianoRollSettings;
import org.cadenza.model.train.TrainingConfig;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code cadenza compare}: every model in one table. */
@Command(name = "compare", header = "Trains and evaluates every kind of model on one split, in one table.", mixinStandardHelpOptions = true,
        description = {"Trains and evaluates every model on one split and one table: the notes route with each",
                "classifier (the MusicNet study's kNN, SGD losses and AdaBoost, logistic regression, forests), the piano-roll",
                "CNN, the audio runs you name, and their late fusion (weights fit on validation). Each row: test and",
                "blind piece accuracy and balanced accuracy, training time, prediction time per piece, beside the",
                "most-frequent dummy. Writes OUT/comparison.md and comparison.csv; every model trains in OUT/<name>.",
                "Resumable: rows already in comparison.csv are kept (delete a row to redo it).",
                "Example (the benchmark of docs/BENCHMARKS.md):",
                "  cadenza compare ws --out runs/compare --split-file $BENCH/split.csv --split-root $CADENZA_DATA/asap \\",
                "      --first-seconds 180 --blind pmdws --audio audio-cnn=runs/asap10-ens3"})
public final class CompareCommand implements Callable<Integer> {

    @Mixin
    WorkspaceArgument workspaceArgument;
    private Path workspace;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where the models and the table go.")
    Path out;

    @Option(names = "--blind", paramLabel = "OTHER_WS", description = "Also evaluate blind on this other workspace.")
    Path blind;

    @Option(names = "--classifiers", split = ",", paramLabel = "NAME",
            defaultValue = "logistic,sgd-hinge,sgd-log,sgd-modified-huber,sgd-perceptron,knn,adaboost,random-forest,extra-trees",
            description = "Notes-route classifiers, a row each. Default: ${DEFAULT-VALUE}.")
    List<String> classifiers;

    @Option(names = "--note-window", defaultValue = "30s/15s", description = "Notes windows. Default: ${DEFAULT-VALUE}.")
    String noteWindow;

    @Option(names = "--no-pianoroll", description = "Leave the piano-roll CNN out.")
    boolean noPianoRoll;

    @Option(names = "--no-fusion", description = "Leave the fusion out.")
    boolean noFusion;

    @Option(names = "--audio", split = ",", paramLabel = "NAME=RUN",
            description = "Trained runs to add, usually audio CNNs (any route works; e.g. audio-cnn=runs/asap10-ens3).")
    List<String> audio = List.of();

    @Option(names = "--epochs", defaultValue = "10", description = "Piano-roll CNN epochs at most. Default: ${DEFAULT-VALUE}.")
    int epochs;

    @Option(names = "--fps", defaultValue = "16", description = "Piano-roll frames per second. Default: ${DEFAULT-VALUE}.")
    double fps;

    @Option(names = "--trees", defaultValue = "100", description = "Trees of the forests. Default: ${DEFAULT-VALUE}.")
    int trees;

    @Option(names = "--rounds", defaultValue = "50", description = "AdaBoost rounds. Default: ${DEFAULT-VALUE}.")
    int rounds;

    @Mixin
    ThreadsOption threads;

    @Mixin
    TorchThreadsOption torch;

    @Mixin
    DatasetOptions data;

    @Mixin
    JsonOption json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        workspace = workspaceArgument.dir();
        torch.apply(1);
        List<ClassicalAlgorithm> algorithms = new ArrayList<>();
        for (String c : classifiers) {
            try {
                algorithms.add(ClassicalAlgorithm.parse(c));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--classifiers: " + e.getMessage());
            }
        }
        Map<String, Path> audioRuns = new LinkedHashMap<>();
        for (String a : audio) {
            int eq = a.indexOf('=');
            if (eq <= 0) {
                throw new ParameterException(spec.commandLine(), "--audio: expected NAME=RUN, got " + a);
            }
            audioRuns.put(a.substring(0, eq), Path.of(a.substring(eq + 1)));
        }
        OptionalDouble first = data.firstSeconds == null ? OptionalDouble.empty() : OptionalDouble.of(data.firstSeconds);
        NotesSettings d = NotesSettings.defaults();
        NotesSettings notes = new NotesSettings(d.features(), NoteWindowSpec.parse(noteWindow), first, d.pedal());
        PianoRollSettings roll = noPianoRoll ? null : new PianoRollSettings(
                PianoRollParams.builder().optFramesPerSecond(fps).build(), data.pipeline().window(), first,
                PianoRollSettings.defaults().pedal());
        TrainingConfig network = TrainingConfig.builder().optArchitecture(Architecture.SMALL).optEpochs(epochs)
                .optSeed(data.seed).optStopMetric(TrainingConfig.StopMetric.VAL_ACCURACY).optPatience(4).build();
        try (Workspace ws = WorkspaceOption.existing(workspace);
             Workspace other = blind == null ? null : WorkspaceOption.existing(blind);
             TrainingProgress progress = new TrainingProgress()) {
            ModelComparison.Spec s = new ModelComparison.Spec(data.dataset(), notes, algorithms, roll, network,
                    audioRuns, !noFusion, Optional.ofNullable(other), threads.resolve(),
                    trees, rounds);
            ModelComparison.Table t = ModelComparison.run(ws, s, out, new ConsoleProgress(), progress);
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
