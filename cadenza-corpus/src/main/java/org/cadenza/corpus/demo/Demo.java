package org.cadenza.corpus.demo;

import org.cadenza.corpus.ProgressListener;
import org.cadenza.corpus.StatusReport;
import org.cadenza.corpus.WindowRecipe;
import org.cadenza.corpus.Workspace;
import org.cadenza.corpus.datasets.DatasetFetcher;
import org.cadenza.corpus.datasets.PublicDataset;
import org.cadenza.corpus.ingest.IngestOptions;
import org.cadenza.corpus.ingest.IngestReport;
import org.cadenza.corpus.ingest.Ingestor;
import org.cadenza.corpus.jobs.FeatureJob;
import org.cadenza.corpus.jobs.JobReport;
import org.cadenza.corpus.jobs.WindowIndex;
import org.cadenza.features.FeatureCache;
import org.cadenza.features.FeatureParams;
import org.cadenza.features.Spectrogram;
import org.cadenza.features.WindowSpec;
import org.cadenza.features.plot.SpectrogramPlot;
import org.cadenza.io.Parameters;
import org.cadenza.render.RenderSettings;
import org.cadenza.corpus.jobs.RenderJob;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The main job end to end on a small real corpus: pick files from the datasets, ingest, render, compute log-mel
 * features in windows, draw a spectrogram per composer, and report the workspace's status. Rerunning it on the
 * same workspace skips everything already done.
 */
public final class Demo {

    /**
     * What to run.
     *
     * @param workspace    the workspace folder (created when missing)
     * @param datasetsRoot the folder with asap/, piano-midi-de/, midi-classics/; empty: CADENZA_DATA, else fetch ASAP
     * @param selection    which files
     * @param render       how to render
     * @param window       the windows to cut
     * @param threads      parallel workers, &gt;= 1
     */
    public record Options(Path workspace, Optional<Path> datasetsRoot, DemoCorpus.Selection selection,
                          RenderSettings render, WindowSpec window, int threads) {
        public Options {
            Parameters.nonNull("workspace, datasetsRoot, selection, render, window",
                    workspace, datasetsRoot, selection, render, window);
            Parameters.atLeast("threads", threads, 1);
        }

        /** The defaults: 5-s windows without overlap, default rendering, one thread per core. */
        public static Options defaults(Path workspace) {
            return new Options(workspace, Optional.empty(), DemoCorpus.Selection.DEFAULT, RenderSettings.DEFAULTS,
                    WindowSpec.of(5.0), Runtime.getRuntime().availableProcessors());
        }
    }

    /** What the demo did. */
    public record Report(Path datasetsRoot, int filesChosen, IngestReport ingest, JobReport render, JobReport features,
                         int windows, Map<String, Path> pictures, StatusReport status) {

        /** Whether some step had failures. */
        public boolean hasProblems() {
            return ingest.hasProblems() || render.failed() > 0 || features.failed() > 0;
        }

        public String toText() {
            StringBuilder b = new StringBuilder();
            b.append("data: ").append(datasetsRoot).append(" (").append(filesChosen).append(" files chosen)\n");
            b.append(String.format("ingest: %d ingested, %d already catalogued, %d duplicates, %d quarantined%n",
                    ingest.ingested(), ingest.alreadyCatalogued(), ingest.duplicates().size(), ingest.quarantined().size()));
            b.append(render.summary()).append('\n');
            b.append(features.summary()).append('\n');
            b.append("windows: ").append(windows).append('\n');
            b.append("pictures:\n");
            pictures.forEach((composer, png) -> b.append("  ").append(composer).append(": ").append(png).append('\n'));
            b.append('\n').append(status.toText());
            return b.toString();
        }
    }

    private Demo() {
    }

    /** Runs the demo; progress of each step goes to {@code progress}. */
    public static Report run(Options options, ProgressListener progress) {
        Path root = options.datasetsRoot().orElseGet(() -> {
            DatasetFetcher.Result r = DatasetFetcher.fromEnvironment().fetch(PublicDataset.ASAP,
                    Path.of(System.getProperty("user.home"), ".cadenza", "datasets"), Optional.empty(), progress);
            return r.folder().getParent();
        });
        try (Workspace ws = Workspace.open(options.workspace())) {
            Path labels = ws.dir().resolve("demo-labels.csv");
            int chosen = DemoCorpus.write(root, options.selection(), labels);
            IngestReport ingest = new Ingestor().ingest(ws, labels,
                    IngestOptions.builder().optThreads(options.threads()).build(), progress);
            JobReport render = new RenderJob().run(ws, options.render(), options.threads(), progress);
            WindowRecipe recipe = WindowRecipe.of(options.render(), FeatureParams.builder(), options.window());
            FeatureParams params = recipe.features();
            JobReport features = new FeatureJob().run(ws, params, options.render(), options.threads(), progress);
            List<WindowIndex.WindowRef> windows = WindowIndex.list(ws, recipe);
            Map<String, Path> pictures = pictures(ws, params, windows);
            return new Report(root, chosen, ingest, render, features, windows.size(), pictures, ws.status());
        }
    }

    /** The first 30 s of the first featurised file of each composer, as a PNG in WORKSPACE/pictures/. */
    private static Map<String, Path> pictures(Workspace ws, FeatureParams params, List<WindowIndex.WindowRef> windows) {
        Map<String, WindowIndex.WindowRef> first = new LinkedHashMap<>();
        for (WindowIndex.WindowRef w : windows) {
            first.putIfAbsent(w.composerId(), w);
        }
        FeatureCache cache = new FeatureCache(ws.featuresDir());
        Map<String, Path> out = new LinkedHashMap<>();
        List<String> composers = new ArrayList<>(first.keySet());
        try {
            Path dir = Files.createDirectories(ws.dir().resolve("pictures"));
            for (String composer : composers) {
                WindowIndex.WindowRef w = first.get(composer);
                Optional<Spectrogram> s = cache.read(w.contentHash(), params);
                if (s.isEmpty()) {
                    continue;
                }
                Spectrogram whole = s.get();
                int frames = Math.min(whole.frames(), params.framesFor(30));
                Path png = dir.resolve(composer + ".png");
                SpectrogramPlot.writePng(whole.slice(0, frames), png, composer + ": " + w.pieceId() + " (first 30 s)");
                out.put(composer, png);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot draw the demo pictures in " + ws.dir(), e);
        }
        return out;
    }
}
