package org.cadenza.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.cadenza.corpus.Workspace;
import org.cadenza.corpus.dataset.DatasetSpec;
import org.cadenza.corpus.dataset.Split;
import org.cadenza.features.tokens.TokenizerParams;
import org.cadenza.io.midi.NoteReader;
import org.cadenza.model.generation.LanguageModelConfig;
import org.cadenza.model.generation.LanguageModelRun;
import org.cadenza.model.train.EpochRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cadenza train-style}: train the language model that {@code generate} writes music with. */
@Command(name = "train-style", mixinStandardHelpOptions = true)
public final class TrainStyleCommand implements Callable<Integer> {

    @Mixin
    WorkspaceArgument workspace;

    @Mixin
    RunFolderOption run;

    @Option(names = "--composer", required = true, split = ",", paramLabel = "NAME")
    List<String> composers;

    @Mixin
    SeedOption seed;

    @Mixin
    SplitFileOptions splitFile;

    @Option(names = "--pedal", defaultValue = "extend")
    String pedal;

    @Mixin
    ThreadOptions threads;

    @Mixin
    StyleModelOptions model;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        int n = threads.resolve();
        threads.torch(n);
        LanguageModelConfig cfg = model.config(seed.value(), composers);
        DatasetSpec.Builder ds = DatasetSpec.builder().optSeed(seed.value());
        splitFile.source().ifPresent(ds::optSplitSource);
        try (Workspace ws = workspace.open();
             TrainingProgress progress = progress()) {
            LanguageModelRun.Result r = LanguageModelRun.train(ws, ds.build(), List.copyOf(composers),
                    TokenizerParams.defaults(), pedal(pedal), cfg, run.dir(), progress, new ConsoleProgress(), n);
            json.print(summary(r), () -> document(r));
            return r.corpus().problems().isEmpty() ? ExitCode.OK : ExitCode.PARTIAL;
        }
    }

    static NoteReader.Pedal pedal(String text) {
        try {
            return NoteReader.Pedal.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--pedal: expected extend or ignore, got " + text, e);
        }
    }

    static TrainingProgress progress() {
        return new TrainingProgress(r -> String.format(Locale.ROOT,
                "epoch %d: train NLL %.3f/token, next-token accuracy %.1f%% | validation NLL %.3f/token "
                        + "(perplexity %.1f), accuracy %.1f%%",
                r.epoch(), r.trainLoss(), 100 * r.trainAccuracy(), r.valLoss(), Math.exp(r.valLoss()),
                100 * r.valAccuracy()), "NLL %.3f acc %.1f%% %.1f crops/s");
    }

    static String summary(LanguageModelRun.Result r) {
        StringBuilder b = new StringBuilder();
        List<EpochRecord> h = r.training().history();
        EpochRecord best = h.get(r.training().bestEpoch() - 1);
        b.append(String.format(Locale.ROOT, "style model: %s (%s, best epoch %d of %d, %s)%n", r.modelDir(),
                r.contract().conditioned() ? "conditioned on " + r.contract().trained() : r.contract().trained().get(0),
                r.training().bestEpoch(), h.size(), r.training().status()));
        List<String> counts = new ArrayList<>();
        for (Split s : Split.values()) {
            long tokens = r.corpus().of(s).stream().mapToLong(p -> p.length()).sum();
            counts.add(String.format(Locale.ROOT, "%s %d files / %,d tokens", s.name().toLowerCase(Locale.ROOT),
                    r.corpus().of(s).size(), tokens));
        }
        b.append("pieces: ").append(String.join(", ", counts)).append('\n');
        b.append(String.format(Locale.ROOT, "validation: NLL %.3f nats/token, perplexity %.1f, next-token accuracy "
                + "%.1f%% (a uniform guess: NLL %.3f)%n", best.valLoss(), Math.exp(best.valLoss()),
                100 * best.valAccuracy(), Math.log(r.contract().vocabulary())));
        r.corpus().problems().forEach(p -> b.append("left out: ").append(p).append('\n'));
        b.append("next: cadenza generate --run ").append(r.modelDir().getParent()).append(" --composer ")
                .append(r.contract().trained().get(0)).append(" --length 60s --out new.mid\n");
        return b.toString();
    }

    /** The JSON document of {@link #summary}: the model, its composers, the best epoch, pieces and validation. */
    static ObjectNode document(LanguageModelRun.Result r) {
        ObjectNode o = JsonOption.object();
        o.put("run", r.modelDir().getParent().toString()).put("model", r.modelDir().toString());
        o.set("composers", JsonOption.tree(r.contract().trained()));
        o.put("conditioned", r.contract().conditioned()).put("status", r.training().status().name())
                .put("bestEpoch", r.training().bestEpoch()).put("epochs", r.training().history().size());
        ObjectNode pieces = o.putObject("pieces");
        for (Split s : Split.values()) {
            pieces.putObject(s.name().toLowerCase(Locale.ROOT)).put("files", r.corpus().of(s).size())
                    .put("tokens", r.corpus().of(s).stream().mapToLong(p -> p.length()).sum());
        }
        EpochRecord best = r.training().history().get(r.training().bestEpoch() - 1);
        o.putObject("validation").put("nll", best.valLoss()).put("perplexity", Math.exp(best.valLoss()))
                .put("accuracy", best.valAccuracy()).put("uniformNll", Math.log(r.contract().vocabulary()));
        o.set("leftOut", JsonOption.tree(r.corpus().problems()));
        return o;
    }
}
