package org.cadenza.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.cadenza.api.run.StyleGeneration;
import org.cadenza.api.run.StyleModels;
import org.cadenza.model.ModelRuntime;
import org.cadenza.model.generation.GenerationLength;
import org.cadenza.model.generation.LanguageModel;
import org.cadenza.model.generation.SamplingSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cadenza generate}: new music in a composer's style. */
@Command(name = "generate", header = "Writes new music in a composer's style: MIDI, WAV and a piano-roll picture.", mixinStandardHelpOptions = true,
        description = {"Writes new music in a composer's style with a style model (see train-style): a MIDI file,",
                "the same rendered to WAV and a piano-roll PNG beside it, and checks that it did not fall into the",
                "failures of the Chopin LSTM study's first model (one note forever, long silences, a collapsed range).",
                "Without --run the composer's default model in $CADENZA_HOME/style-models (default",
                "~/.cadenza) is used, trained there on first use from ASAP and piano-midi.de (CADENZA_DATA, or",
                "downloaded): about half an hour on two cores, resumable.",
                "The same model, settings and --seed always write the same music.",
                "Example: cadenza generate --composer chopin --length 60s --out new.mid",
                "         cadenza generate --run runs/style-chopin --composer chopin --length 16bars \\",
                "             --primer nocturne.mid --primer-seconds 8 --temperature 0.9 --top-p 0.9 --out n.mid"})
public final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--composer", required = true, paramLabel = "NAME", description = "Whose style (e.g. chopin).")
    String composer;

    @Option(names = "--run", paramLabel = "DIR", description = "A style model's run folder (from train-style); as --run means a run folder in every command.")
    Path model;

    @Option(names = "--out", required = true, paramLabel = "FILE.mid", description = "The MIDI file to write.")
    Path out;

    @Option(names = "--length", defaultValue = "60s", paramLabel = "LEN",
            description = "Seconds (60s) or bars (16bars). Default: ${DEFAULT-VALUE}.")
    String length;

    @Option(names = "--temperature", defaultValue = "1.0",
            description = "Below 1: safer and more repetitive; above 1: more surprising. Default: ${DEFAULT-VALUE}.")
    double temperature;

    @Option(names = "--top-k", defaultValue = "0", description = "Draw from the K most likely events only (0 = off). Default: ${DEFAULT-VALUE}.")
    int topK;

    @Option(names = "--top-p", defaultValue = "0.95",
            description = "Draw from the most likely events that make up this probability (1 = all). Default: ${DEFAULT-VALUE}.")
    double topP;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--primer", paramLabel = "FILE.mid", description = "Continue the opening of this piece (a seed phrase).")
    Path primer;

    @Option(names = "--primer-seconds", defaultValue = "10", paramLabel = "S",
            description = "How much of the primer's opening to use. Default: ${DEFAULT-VALUE}.")
    double primerSeconds;

    @Option(names = "--keep-primer", description = "Start the output with the seed phrase.")
    boolean keepPrimer;

    @Option(names = "--bpm", defaultValue = "120", paramLabel = "BPM",
            description = "Tempo written in the MIDI file, and of bars without a primer. Default: ${DEFAULT-VALUE}.")
    double bpm;

    @Option(names = "--beats-per-bar", defaultValue = "4", description = "Beats per bar without a primer. Default: ${DEFAULT-VALUE}.")
    int beatsPerBar;

    @Option(names = "--no-wav", description = "Do not render a WAV.")
    boolean noWav;

    @Option(names = "--no-png", description = "Do not draw a piano roll.")
    boolean noPng;

    @Option(names = "--force", description = "Replace existing output files.")
    boolean force;

    @Mixin
    ThreadsOption threads;

    @Mixin
    TorchThreadsOption torch;

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
                torch.apply(n);
                try (TrainingProgress progress = TrainStyleCommand.progress()) {
                    StyleModels.ensure(home, composer, progress, new ConsoleProgress(), n);
                }
            }
        }
        // sampling runs one token at a time: operations too small to share between threads
        ModelRuntime.setThreads(1);
        StyleGeneration.Request request = new StyleGeneration.Request(composer, requested,
                new SamplingSettings(temperature, topK, topP, seed, true), Optional.ofNullable(primer),
                primerSeconds, keepPrimer, bpm, beatsPerBar, out, !noWav, !noPng, force);
        try (LanguageModel lm = LanguageModel.open(run)) {
            StyleGeneration.Result r = StyleGeneration.generate(lm, request);
            System.out.print(r.summary());
            return r.checks().passed() ? ExitCode.OK : ExitCode.PARTIAL;
        }
    }
}
