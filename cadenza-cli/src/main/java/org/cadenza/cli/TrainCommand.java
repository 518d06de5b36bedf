package org.cadenza.cli;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.concurrent.Callable;

import org.cadenza.api.run.RouteTrainingRun;
import org.cadenza.api.run.TrainingRun;
import org.cadenza.api.run.TrialsRun;
import org.cadenza.corpus.Workspace;
import org.cadenza.model.fusion.LateFusion;
import org.cadenza.model.notes.NotesTraining;
import org.cadenza.model.pianoroll.PianoRollTraining;
import org.cadenza.model.pipeline.WorkspaceTraining;
import org.cadenza.model.route.InputRoute;
import org.cadenza.model.train.TrainingConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code cadenza train}: a classifier from a workspace's windows. */
@Command(name = "train", mixinStandardHelpOptions = true)
public final class TrainCommand implements Callable<Integer> {

    @Option(names = "--run", paramLabel = "DIR")
    Path run;

    @Option(names = "--trials", paramLabel = "N")
    Integer trials;

    @Mixin NetworkOptions network;
    @Mixin ThreadOptions threads;
    @Mixin InputRouteOption input;
    @Mixin NotesRouteOptions notes;
    @Mixin RollOptions roll;
    @Mixin FusionOptions fusion;
    @Mixin DatasetOptions data;
    @Mixin JsonOption json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (trials != null && trials < 1) {
            throw new ParameterException(spec.commandLine(), "--trials must be at least 1, got " + trials);
        }
        threads.torch(1);
        TrainingConfig config = network.config(data.seed());
        InputRoute route = input.route();
        if (route != InputRoute.AUDIO && trials != null) {
            throw new ParameterException(spec.commandLine(), "--trials works with --input audio only for now");
        }
        input.refuseOptionsOtherRoutesUse(route);
        if (run == null) {
            run = data.workspace.dir().resolve("runs").resolve(route.cliName() + "-" + data.target.replace(':', '-')
                    + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
            System.err.println("run folder: " + run + " (--run DIR to choose one; rerun with it to resume)");
        }
        try (Workspace ws = data.workspace.open(); TrainingProgress progress = new TrainingProgress()) {
            return switch (route) {
                case NOTES -> notes(ws);
                case PIANOROLL -> pianoRoll(ws, config, progress);
                case FUSION -> fusion(ws, config, progress);
                default -> trials != null ? trials(ws, config, progress) : audio(ws, config, progress);
            };
        }
    }

    private int notes(Workspace ws) {
        NotesTraining.Result r = notes.chunkFiles == null
                ? RouteTrainingRun.notes(ws, notes.notesSettings(data), data.dataset(ws),
                        notes.classicalConfig(data.seed()), run, new ConsoleProgress(), threads.resolve())
                : RouteTrainingRun.notesInChunks(ws, notes.notesSettings(data), data.dataset(ws),
                        notes.classicalConfig(data.seed()), notes.chunkFiles, run, new ConsoleProgress(),
                        threads.resolve());
        json.print(TrainingReport.notes(r, run, notes.pca), () -> TrainingReport.notes(head(), r));
        return r.problems().isEmpty() ? ExitCode.OK : ExitCode.PARTIAL;
    }

    private int pianoRoll(Workspace ws, TrainingConfig config, TrainingProgress progress) {
        PianoRollTraining.Result r = RouteTrainingRun.pianoRoll(ws, roll.rollSettings(data), data.dataset(ws), config,
                run, progress, new ConsoleProgress(), threads.resolve());
        json.print(TrainingReport.best(r.training()) + "model: " + r.bundle().dir() + "\n",
                () -> TrainingReport.network(head(), r.training(), r.bundle().dir(), r.problems()));
        return r.problems().isEmpty() ? ExitCode.OK : ExitCode.PARTIAL;
    }

    private int fusion(Workspace ws, TrainingConfig config, TrainingProgress progress) {
        Set<String> own = fusion.ownMembers();
        LateFusion f = RouteTrainingRun.fusion(ws, data.dataset(ws), new RouteTrainingRun.Members(
                own.contains("notes") ? notes.notesSettings(data) : null, notes.classicalConfig(data.seed()),
                own.contains("pianoroll") ? roll.rollSettings(data) : null, config, fusion.members), run, progress,
                new ConsoleProgress(), threads.resolve());
        Path manifest = run.resolve(org.cadenza.model.run.RunManifest.FILE);
        json.print(f + "\nfusion: " + manifest + "\n", () -> TrainingReport.fusion(head(), f, manifest));
        return ExitCode.OK;
    }

    private int trials(Workspace ws, TrainingConfig config, TrainingProgress progress) {
        TrialsRun.Result t = TrialsRun.run(ws, data.pipeline(), data.dataset(ws), config, trials, run, progress,
                new ConsoleProgress(), threads.resolve(), line -> {
                    progress.close();
                    System.err.println(line);
                });
        json.print(t.toText() + "trials: " + run.resolve(TrialsRun.MARKDOWN) + ", " + run.resolve(TrialsRun.PNG) + "\n",
                () -> TrainingReport.trials(head(), t, run.resolve(TrialsRun.MARKDOWN), run.resolve(TrialsRun.PNG)));
        return t.trials().size() == trials ? ExitCode.OK : ExitCode.PARTIAL;
    }

    private int audio(Workspace ws, TrainingConfig config, TrainingProgress progress) {
        WorkspaceTraining.Result r = TrainingRun.train(ws, data.pipeline(), data.dataset(ws), config, run, progress,
                new ConsoleProgress(), threads.resolve());
        json.print(r.data().toText() + TrainingReport.best(r.training()) + "model: " + r.bundle().dir() + "\n",
                () -> TrainingReport.audio(head(), r.data(), r.training(), r.bundle().dir()));
        return ExitCode.OK;
    }

    private com.fasterxml.jackson.databind.node.ObjectNode head() {
        return TrainingReport.head(run, input.route()).put("target", data.target);
    }
}
