package org.cadenza.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.cadenza.api.run.StyleGeneration;
import org.cadenza.api.run.StyleModels;
import org.cadenza.model.ModelRuntime;
import org.cadenza.model.generation.GenerationLength;
import org.cadenza.model.generation.LanguageModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cadenza generate}: new music in a composer's style. */
@Command(name = "generate", mixinStandardHelpOptions = true)
public final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--composer", required = true, paramLabel = "NAME")
    String composer;

    @Option(names = "--run", paramLabel = "DIR")
    Path model;

    @Option(names = "--out", required = true, paramLabel = "FILE.mid")
    Path out;

    @Option(names = "--length", defaultValue = "60s", paramLabel = "LEN")
    String length;

    @Mixin
    SamplingOptions sampling;

    @Mixin
    SeedOption seed;

    @Option(names = "--primer", paramLabel = "FILE.mid")
    Path primer;

    @Option(names = "--primer-seconds", defaultValue = "10", paramLabel = "S")
    double primerSeconds;

    @Option(names = "--keep-primer")
    boolean keepPrimer;

    @Option(names = "--bpm", defaultValue = "120", paramLabel = "BPM")
    double bpm;

    @Option(names = "--beats-per-bar", defaultValue = "4", paramLabel = "N")
    int beatsPerBar;

    @Option(names = "--no-wav")
    boolean noWav;

    @Option(names = "--no-png")
    boolean noPng;

    @Option(names = "--force")
    boolean force;

    @Mixin
    ThreadOptions threads;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        GenerationLength requested = GenerationLength.parse(length);
        if (primer == null) {
            requested.seconds(Optional.empty(), bpm, beatsPerBar); // refuses a length over the bound before any work
        }
        int n = threads.resolve();
        Path run = model;
        if (run == null) {
            Path home = StyleModels.home();
            run = StyleModels.defaultRun(home, composer);
            if (!StyleModels.isTrained(run)) {
                System.err.println("no style model for " + composer + " yet: training one in " + run
                        + " (about half an hour on two cores; interrupt and rerun to resume)");
                threads.torch(n);
                try (TrainingProgress progress = TrainStyleCommand.progress()) {
                    StyleModels.ensure(home, composer, progress, new ConsoleProgress(), n);
                }
            }
        }
        // sampling runs one token at a time: operations too small to share between threads
        ModelRuntime.setThreads(1);
        StyleGeneration.Request request = new StyleGeneration.Request(composer, requested,
                sampling.settings(seed.value()), Optional.ofNullable(primer),
                primerSeconds, keepPrimer, bpm, beatsPerBar, out, !noWav, !noPng, force);
        try (LanguageModel lm = LanguageModel.open(run)) {
            StyleGeneration.Result r = StyleGeneration.generate(lm, request);
            json.print(r.summary(), () -> ResultDocuments.generated(r));
            return r.checks().passed() ? ExitCode.OK : ExitCode.PARTIAL;
        }
    }
}
