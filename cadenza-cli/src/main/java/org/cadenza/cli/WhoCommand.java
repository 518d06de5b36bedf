package org.cadenza.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ArrayNode;
import org.cadenza.api.AnalysisOptions;
import org.cadenza.api.Cadenza;
import org.cadenza.api.FileResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cadenza who}: who composed these files; a thin shell over {@link Cadenza#analyzeAll}. */
@Command(name = "who", mixinStandardHelpOptions = true)
public final class WhoCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", arity = "1..*")
    List<Path> files;

    @Option(names = "--explain")
    boolean explain;

    @Mixin
    TopOption top = new TopOption(5);

    @Option(names = "--composer-model", paramLabel = "RUN")
    Path composerModel;

    @Mixin
    ModelsOption models;

    @Mixin
    JsonOption json;

    @Mixin
    ThreadsOption threads;

    @Override
    public Integer call() throws Exception {
        Cadenza.Builder b = Cadenza.builder().threads(threads.resolve()).progress(new ConsoleProgress());
        if (models.dir != null) {
            b.models(models.dir);
        }
        if (composerModel != null) {
            b.composerModel(composerModel);
        }
        AnalysisOptions options = AnalysisOptions.DEFAULTS.withTop(top.value()).withExplain(explain);
        List<FileResult> results;
        try (TrainingProgress training = EmbeddingOptions.progress()) {
            b.training(training);
            try (Cadenza cadenza = b.build()) {
                if (!models.models().allTrained() && composerModel == null) {
                    System.err.println("cadenza who: no default models in " + models.models().dir()
                            + " yet: training them once (a few minutes; interrupt and rerun to resume)");
                }
                results = cadenza.analyzeAll(files, options, org.cadenza.corpus.ProgressListener.NONE);
            }
        }
        return print("who", results, json.on(), files.size());
    }

    /**
     * Prints results as text (problems on stderr) or as JSON (one document for one file, else an array of documents
     * and {file, problem} objects) and returns the exit code: 0, 3 when some files failed, 4 (one file) or 1 (all).
     */
    static int print(String command, List<FileResult> results, boolean json, int files) throws Exception {
        if (json) {
            ArrayNode out = JsonOption.array();
            for (FileResult r : results) {
                if (r.ok()) {
                    out.add(r.analysis().get().toJsonTree());
                } else {
                    out.addObject().put("file", r.file().toString()).put("problem", r.problem().get());
                }
            }
            System.out.println(JsonOption.write(results.size() == 1 && results.get(0).ok() ? out.get(0) : out));
        }
        for (FileResult r : results) {
            if (r.ok() && !json) {
                System.out.print(r.analysis().get().toText());
            } else if (!r.ok()) {
                System.err.println("cadenza " + command + ": bad input: " + r.file() + ": " + r.problem().get());
            }
        }
        long failed = results.stream().filter(r -> !r.ok()).count();
        if (failed == files) {
            return files == 1 ? ExitCode.BAD_INPUT : ExitCode.ERROR;
        }
        return ExitCode.of(failed);
    }
}
