package org.cadenza.cli;

import java.util.concurrent.Callable;

import org.cadenza.eval.map.ComposerMap;
import org.cadenza.eval.map.Linkage;
import org.cadenza.eval.map.MapSettings;
import org.cadenza.api.run.EmbeddingMap;
import org.cadenza.model.ModelRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cadenza map}: a map of the composers an embedding model knows. */
@Command(name = "map", mixinStandardHelpOptions = true)
public final class MapCommand implements Callable<Integer> {

    @Mixin
    EmbeddingRunArgument run;

    @Mixin
    OutFolderOption out;

    @Mixin
    PeriodsOption periods;

    @Option(names = "--linkage", defaultValue = "average", paramLabel = "HOW")
    String linkage;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--perplexity")
    Double perplexity;

    @Mixin
    SeedOption seed;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        ModelRuntime.setThreads(1);
        MapSettings.Builder s = MapSettings.builder().optSeed(seed.value())
                .optLinkage(OptionValues.choice(spec, "--linkage", linkage, Linkage.class));
        if (perplexity != null) {
            s.optPerplexity(perplexity);
        }
        ComposerMap.Result r = EmbeddingMap.draw(run.dir(), periods.periods(),
                s.build(), out.dir());
        json.print(r.summary() + "pictures and report: " + out.dir() + "\n", () -> ResultDocuments.map(r, out.dir()));
        return ExitCode.OK;
    }
}
