package org.cadenza.cli;

import org.cadenza.corpus.WindowRecipe;
import org.cadenza.corpus.dataset.Balancing;
import org.cadenza.corpus.dataset.DatasetSpec;
import org.cadenza.corpus.dataset.SplitSource;
import org.cadenza.corpus.dataset.Target;
import org.cadenza.corpus.dataset.WindowSelection;
import org.cadenza.features.FeatureKind;
import org.cadenza.features.FeatureParams;
import org.cadenza.model.pipeline.PipelineSettings;
import org.cadenza.render.Augmentation;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;


/**
 * What to train on: the workspace, the target, the split, the window selection and how the windows were made (train,
 * embed, instruments, compare, lr-find).
 */
public final class DatasetOptions {

    @Mixin
    WorkspaceArgument workspace;

    @Option(names = "--target", defaultValue = "composer")
    String target;

    @Mixin
    PeriodsOption periods;

    @Mixin
    SeedOption seed;

    @Mixin
    SplitFileOptions splitFile;

    @Option(names = "--first-seconds", paramLabel = "S")
    Double firstSeconds;

    @Mixin
    BalanceOption balance = new BalanceOption("none");

    @Option(names = "--min-pieces", defaultValue = "2", paramLabel = "N")
    int minPieces;

    @Mixin
    WindowOptions windows;

    @Option(names = "--stack", defaultValue = "1", paramLabel = "K")
    int stack;

    @Mixin
    TransposeOption transpose;

    @Option(names = "--tempo", split = ",", paramLabel = "FACTOR")
    java.util.List<Double> tempo = java.util.List.of();

    @Mixin
    RenderOptions render;

    /** @return the seed of split, shuffling and weights */
    long seed() {
        return seed.value();
    }

    /** The augmented copies --transpose and --tempo ask for, transpositions first. */
    java.util.List<Augmentation> augmentations() {
        java.util.List<Augmentation> out = new java.util.ArrayList<>();
        out.addAll(transpose.augmentations());
        tempo.forEach(t -> out.add(Augmentation.tempo(t)));
        return out;
    }

    /** How the windows were made. */
    PipelineSettings pipeline() {
        return new PipelineSettings(WindowRecipe.of(render.settings(),
                FeatureParams.builder().optKind(FeatureKind.LOGMEL).optNMels(windows.mels), windows.spec()), stack);
    }

    @Option(names = "--split", paramLabel = "SOURCE")
    String split;

    /**
     * {@link #dataset()} with the split column given at ingest when the workspace has one and no other split was
     * asked for (a line on stderr says so).
     */
    DatasetSpec dataset(org.cadenza.corpus.Workspace ws) {
        DatasetSpec d = dataset();
        if (splitFile.source().isEmpty() && !"random".equals(split)) {
            long withSplit = ws.catalog().files(org.cadenza.corpus.catalog.FileStatus.INGESTED).stream()
                    .filter(f -> f.split().isPresent()).count();
            if (withSplit > 0 || "catalog".equals(split)) {
                if (!"catalog".equals(split)) {
                    System.err.println("using the split column given at ingest (" + withSplit + " files); "
                            + "--split random to split by piece instead");
                }
                return d.toBuilder().optSplitSource(new SplitSource.FromCatalog()).build();
            }
        }
        return d;
    }

    /** Target, split, filters and balancing. */
    DatasetSpec dataset() {
        if (split != null && !split.equals("random") && !split.equals("catalog")) {
            throw new IllegalArgumentException("--split: random or catalog, got " + split);
        }
        DatasetSpec.Builder ds = DatasetSpec.builder()
                .optTarget(Target.parse(target, periods.periods())).optSeed(seed())
                .optMinPiecesPerClass(minPieces).optBalancing(Balancing.parse(balance.value()))
                .optTrainAugmentations(augmentations());
        splitFile.source().ifPresent(ds::optSplitSource);
        if (firstSeconds != null) {
            ds.optSelection(WindowSelection.firstSecondsFromFirstSound(firstSeconds));
        }
        return ds.build();
    }
}
