package org.cadenza.cli;

import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.cadenza.api.DefaultModels;
import org.cadenza.api.ModelKind;
import org.cadenza.api.TrainingData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cadenza models}: the default models {@code cadenza who} uses; thin shells over {@link DefaultModels}. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = {"The default models `cadenza who` uses: list, train, show or remove them.",
                "They live in $CADENZA_HOME/models (default ~/.cadenza/models), or the folder given with --models:",
                "a composer model, a period model and an open-set model, trained on one split by piece of the public",
                "piano corpora (ASAP and piano-midi.de) so that their test pieces were never seen in training."},
        subcommands = {ModelsCommand.List.class, ModelsCommand.Train.class, ModelsCommand.Info.class,
                ModelsCommand.Remove.class})
public final class ModelsCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static void printJson(Object value) throws Exception {
        System.out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(value));
    }

    /** {@code cadenza models list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the trained default models.")
    static final class List implements Callable<Integer> {
        @Mixin
        ModelsOption models;
        @Mixin
        JsonOption json;

        @Override
        public Integer call() throws Exception {
            DefaultModels d = models.models();
            java.util.List<DefaultModels.ModelInfo> all = d.list();
            if (json.on()) {
                printJson(all);
                return ExitCode.OK;
            }
            System.out.println("default models in " + d.dir() + ":");
            for (ModelKind k : ModelKind.values()) {
                System.out.printf(java.util.Locale.ROOT, "  %-9s %s%n", k.id(), d.info(k).map(i -> "trained "
                        + i.trainedAt() + ", " + i.classes().size() + " classes").orElse("not trained"));
            }
            if (!d.allTrained()) {
                System.out.println("train them with `cadenza models train` (or just run `cadenza who FILE`)");
            }
            return ExitCode.OK;
        }
    }

    /** {@code cadenza models train}. */
    @Command(name = "train", mixinStandardHelpOptions = true,
            description = {"Trains the default models that are missing (--again: all of them anew).",
                    "Data: the public piano corpora from $CADENZA_DATA (or downloaded), or the labels.csv files and",
                    "folders given with --data. Interrupt and rerun to resume."})
    static final class Train implements Callable<Integer> {
        @Option(names = "--only", split = ",", paramLabel = "KIND",
                description = "Only these: composer, period, openset (comma-separated). Default: all three.")
        java.util.List<String> only;

        @Option(names = "--again", description = "Train anew even when trained.")
        boolean again;

        @Option(names = "--data", split = ",", paramLabel = "CSV|DIR",
                description = "Train on these labels.csv files or <composer>/... folders instead of the public piano corpora.")
        java.util.List<java.nio.file.Path> data;

        @Mixin
        ModelsOption models;
        @Mixin
        JsonOption json;
        @Mixin
        ThreadsOption threads;

        @Override
        public Integer call() throws Exception {
            EnumSet<ModelKind> kinds = EnumSet.noneOf(ModelKind.class);
            if (only == null || only.isEmpty()) {
                kinds = EnumSet.allOf(ModelKind.class);
            } else {
                for (String k : only) {
                    kinds.add(ModelKind.parse(k));
                }
            }
            java.util.List<DefaultModels.ModelInfo> trained;
            try (TrainCommand.Progress training = EmbeddingOptions.progress()) {
                ConsoleProgress progress = new ConsoleProgress();
                trained = models.models().train(kinds, again, () -> data == null || data.isEmpty()
                                ? TrainingData.publicPianoCorpora(DefaultModels.home(), progress)
                                : new TrainingData(data), progress, training, threads.resolve());
            }
            if (json.on()) {
                printJson(trained);
            } else {
                trained.forEach(i -> System.out.print(i.toText()));
            }
            return ExitCode.OK;
        }
    }

    /** {@code cadenza models info}. */
    @Command(name = "info", mixinStandardHelpOptions = true,
            description = "What each default model answers, what it knows and how well it did on its held-out pieces.")
    static final class Info implements Callable<Integer> {
        @Parameters(arity = "0..1", paramLabel = "KIND", description = "composer, period or openset. Default: all.")
        String kind;
        @Mixin
        ModelsOption models;
        @Mixin
        JsonOption json;

        @Override
        public Integer call() throws Exception {
            DefaultModels d = models.models();
            java.util.List<DefaultModels.ModelInfo> shown = kind == null ? d.list()
                    : d.info(ModelKind.parse(kind)).map(java.util.List::of).orElse(java.util.List.of());
            if (json.on()) {
                printJson(shown);
            } else if (shown.isEmpty()) {
                System.out.println("not trained yet in " + d.dir() + ": run `cadenza models train`");
            } else {
                System.out.println("default models in " + d.dir() + " (data: "
                        + String.join(", ", d.manifest().data()) + ", split seed " + d.manifest().seed() + ")");
                shown.forEach(i -> System.out.print(i.toText()));
            }
            return shown.isEmpty() ? ExitCode.ERROR : ExitCode.OK;
        }
    }

    /** {@code cadenza models remove}. */
    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = {"Removes default models (they are trained again on next use).",
                    "The training data is never touched."})
    static final class Remove implements Callable<Integer> {
        @Parameters(arity = "0..*", paramLabel = "KIND", description = "composer, period, openset.")
        java.util.List<String> kinds = java.util.List.of();
        @Option(names = "--all", description = "All models, their manifest and their training workspace.")
        boolean all;
        @Mixin
        ModelsOption models;
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            DefaultModels d = models.models();
            if (all == !kinds.isEmpty()) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "name the models to remove (composer, period, openset) or give --all");
            }
            if (all) {
                d.removeAll();
                System.out.println("removed the default models in " + d.dir());
                return ExitCode.OK;
            }
            for (String k : kinds) {
                ModelKind kind = ModelKind.parse(k);
                System.out.println((d.remove(kind) ? "removed " : "not there: ") + kind.id() + " (" + d.run(kind) + ")");
            }
            return ExitCode.OK;
        }
    }
}
