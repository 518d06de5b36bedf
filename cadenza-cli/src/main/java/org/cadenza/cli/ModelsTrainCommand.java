package org.cadenza.cli;

import java.util.EnumSet;

import org.cadenza.api.DefaultModels;
import org.cadenza.api.ModelKind;
import org.cadenza.api.TrainingData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cadenza models train}. */
@Command(name = "train", mixinStandardHelpOptions = true)
public final class ModelsTrainCommand extends ModelsReportCommand {
    @Option(names = "--only", split = ",", paramLabel = "KIND")
    java.util.List<String> only;

    @Option(names = "--again")
    boolean again;

    @Option(names = "--data", split = ",", paramLabel = "CSV|DIR")
    java.util.List<java.nio.file.Path> data;

    @Mixin
    ThreadsOption threads;

    @Override
    int report(DefaultModels d) throws Exception {
        EnumSet<ModelKind> kinds = EnumSet.noneOf(ModelKind.class);
        if (only == null || only.isEmpty()) {
            kinds = EnumSet.allOf(ModelKind.class);
        } else {
            for (String k : only) {
                kinds.add(ModelKind.parse(k));
            }
        }
        java.util.List<DefaultModels.ModelInfo> trained;
        try (TrainingProgress training = EmbeddingOptions.progress()) {
            ConsoleProgress progress = new ConsoleProgress();
            trained = d.train(kinds, again, () -> data == null || data.isEmpty()
                            ? TrainingData.publicPianoCorpora(DefaultModels.home(), progress)
                            : new TrainingData(data), progress, training, threads.resolve());
        }
        json.print(String.join("", trained.stream().map(DefaultModels.ModelInfo::toText).toList()), () -> trained);
        return ExitCode.OK;
    }
}
