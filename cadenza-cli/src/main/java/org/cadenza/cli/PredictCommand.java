package org.cadenza.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.cadenza.io.BadInputException;
import org.cadenza.model.ModelRuntime;
import org.cadenza.model.pipeline.FilePrediction;
import org.cadenza.model.pipeline.FilePredictor;
import org.cadenza.api.run.Predictors;
import org.cadenza.model.pipeline.WorkspaceTraining;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code cadenza predict}: ranked classes for files. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Predicts the composer (or period) of music files with a trained model.",
                "Works with every route (train --input audio|notes|pianoroll|fusion). Audio runs render MIDI on the fly",
                "and decode recordings with the settings the model was trained on; notes and piano-roll runs read the",
                "MIDI notes (recordings are refused); a fusion run asks its members. A file's answer is the mean",
                "log-probability over its windows. An instrument run (cadenza instruments) also lists every",
                "instrument family with its probability and whether it plays. Prints the ranked classes with their",
                "probabilities and the time taken. A file that cannot be read is reported and the rest go on."})
public final class PredictCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN", description = "A run folder made by `cadenza train` (or its model/ folder).")
    Path run;

    @Parameters(index = "1..*", paramLabel = "FILE", arity = "1..*", description = "MIDI or audio files.")
    List<Path> files;

    @Option(names = "--top", defaultValue = "5", description = "How many classes to show. Default: ${DEFAULT-VALUE}.")
    int top;

    @Option(names = "--windows", description = "Also show the top class of every window.")
    boolean windows;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Option(names = "--threads", defaultValue = "1", description = "PyTorch threads. Default: ${DEFAULT-VALUE}.")
    int threads;

    @Override
    public Integer call() throws Exception {
        ModelRuntime.setThreads(threads);
        Path runDir = run.getFileName() != null && run.getFileName().toString().equals(WorkspaceTraining.MODEL_DIR)
                ? run.toAbsolutePath().getParent() : run;
        int failed = 0;
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode out = mapper.createArrayNode();
        try (FilePredictor predictor = Predictors.open(runDir)) {
            for (Path file : files) {
                try {
                    FilePrediction.Result r = predictor.predict(file);
                    if (json) {
                        out.add(toJson(mapper, r, predictor.classes()));
                    } else {
                        print(r, predictor.classes());
                    }
                } catch (BadInputException e) {
                    failed++;
                    System.err.println("cadenza predict: bad input: " + e.getMessage());
                }
            }
        }
        if (json) {
            System.out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(out));
        }
        if (failed == files.size()) {
            return files.size() == 1 ? ExitCode.BAD_INPUT : ExitCode.ERROR;
        }
        return ExitCode.of(failed);
    }

    private void print(FilePrediction.Result r, List<String> classes) {
        System.out.printf(Locale.ROOT, "%s  (%d windows, %.2f s)%n", r.file(), r.windows().size(), r.seconds());
        r.ranking().stream().limit(top).forEach(k ->
                System.out.printf(Locale.ROOT, "  %-16s %6.1f %%%n", k.label(), 100 * k.probability()));
        if (!r.instruments().isEmpty()) {
            System.out.println("  instruments (largest window probability; threshold tuned on validation):");
            for (FilePrediction.InstrumentProbability i : r.instruments()) {
                System.out.printf(Locale.ROOT, "    %-3s %-14s %6.1f %%  (threshold %.1f %%, in %.0f %% of the windows)%n",
                        i.present() ? "yes" : "no", i.family(), 100 * i.probability(), 100 * i.threshold(),
                        100 * i.windowShare());
            }
        }
        if (windows) {
            for (FilePrediction.WindowResult w : r.windows()) {
                int best = argmax(w.probabilities());
                System.out.printf(Locale.ROOT, "    %7.1f s  %-16s %5.1f %%%n", w.startSeconds(), classes.get(best),
                        100 * w.probabilities()[best]);
            }
        }
    }

    private ObjectNode toJson(ObjectMapper mapper, FilePrediction.Result r, List<String> classes) {
        ObjectNode node = mapper.createObjectNode();
        node.put("file", r.file().toString());
        node.put("seconds", r.seconds());
        ArrayNode ranking = node.putArray("ranking");
        r.ranking().stream().limit(top).forEach(k -> ranking.addObject().put("class", k.label())
                .put("probability", k.probability()));
        if (!r.instruments().isEmpty()) {
            ArrayNode inst = node.putArray("instruments");
            r.instruments().forEach(i -> inst.addObject().put("family", i.family()).put("probability", i.probability())
                    .put("threshold", i.threshold()).put("present", i.present()).put("windowShare", i.windowShare()));
        }
        if (windows) {
            ArrayNode ws = node.putArray("windows");
            for (FilePrediction.WindowResult w : r.windows()) {
                ObjectNode wn = ws.addObject().put("start", w.startSeconds());
                ObjectNode p = wn.putObject("probabilities");
                for (int c = 0; c < classes.size(); c++) {
                    p.put(classes.get(c), w.probabilities()[c]);
                }
            }
        }
        return node;
    }

    private static int argmax(float[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return best;
    }
}
