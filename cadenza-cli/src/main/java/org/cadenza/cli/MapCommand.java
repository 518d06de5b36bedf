package org.cadenza.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.cadenza.corpus.dataset.Periods;
import org.cadenza.eval.map.ComposerMap;
import org.cadenza.eval.map.Linkage;
import org.cadenza.eval.map.MapSettings;
import org.cadenza.api.run.EmbeddingMap;
import org.cadenza.model.ModelRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cadenza map}: a map of the composers an embedding model knows. */
@Command(name = "map", header = "Draws how the composers of an embedding relate: a dendrogram and maps of the pieces.", mixinStandardHelpOptions = true,
        description = {"Draws how the composers of an embedding model (cadenza embed) relate: a dendrogram of their",
                "anchors (hierarchical clustering) and 2-D maps of the training pieces (PCA and t-SNE) coloured by",
                "period, with figures saying whether the clusters follow the periods, beside shuffled periods.",
                "Writes OUT/dendrogram.png, pieces-pca.png, pieces-tsne.png, map.json and map.md (docs/COMPOSER_MAP.md)."})
public final class MapCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN", description = "An embedding run folder (or its model folder).")
    Path run;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where the pictures and the report go.")
    Path out;

    @Option(names = "--periods", paramLabel = "CSV",
            description = "A composer,period CSV overriding the built-in table (the period study's seven periods).")
    Path periods;

    @Option(names = "--linkage", defaultValue = "average",
            description = "average, complete, single or ward. Default: ${DEFAULT-VALUE}.")
    String linkage;

    @Option(names = "--perplexity", description = "t-SNE perplexity (default: 30, lowered for few pieces).")
    Double perplexity;

    @Option(names = "--seed", defaultValue = "42", description = "t-SNE and shuffled baselines. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Override
    public Integer call() {
        ModelRuntime.setThreads(1);
        MapSettings.Builder s = MapSettings.builder().optSeed(seed)
                .optLinkage(Linkage.valueOf(linkage.toUpperCase(Locale.ROOT)));
        if (perplexity != null) {
            s.optPerplexity(perplexity);
        }
        ComposerMap.Result r = EmbeddingMap.draw(run, periods == null ? Periods.builtIn() : Periods.load(periods),
                s.build(), out);
        System.out.print(r.summary());
        System.out.println("pictures and report: " + out);
        return ExitCode.OK;
    }
}
