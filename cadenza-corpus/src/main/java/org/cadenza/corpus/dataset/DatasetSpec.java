package org.cadenza.corpus.dataset;

import static org.cadenza.io.Parameters.require;

import org.cadenza.corpus.catalog.CatalogFile;
import org.cadenza.features.WindowSpec;
import org.cadenza.io.Parameters;
import org.cadenza.render.Augmentation;
import org.cadenza.render.RenderSettings;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Everything that decides which windows a dataset holds and how they are labelled, besides the features.
 * Build with {@link #builder()}; every parameter has a default.
 *
 * @param target            what is learned; default {@link Target#COMPOSER}
 * @param splitSource       where the split comes from; default {@link SplitSource#DEFAULT} (random by piece,
 *                          70/10/20 per class)
 * @param seed              seed of the random split and of balancing; default {@value #DEFAULT_SEED}
 * @param minPiecesPerClass classes with fewer distinct pieces (counted after the split source's restriction,
 *                          before splitting) are dropped; default {@value #DEFAULT_MIN_PIECES} (seed 001 drops
 *                          composers with a single composition); &gt;= 1
 * @param classWhitelist    when present, only these class labels are kept; default empty = all
 * @param balancing         balancing of the TRAINING windows; default {@link Balancing#NONE}
 * @param pieceSampling     which windows balancing takes; default {@link PieceSampling#ROUND_ROBIN}
 * @param selection         which windows of each file; default {@link WindowSelection#ALL}
 * @param trainAugmentations extra renderings of every TRAINING file, one per entry (transposition and/or tempo
 *                          change applied to the MIDI before rendering, see {@link Augmentation}); their windows
 *                          are added to the training split only, never to validation or test; default none. Each
 *                          is rendered with {@link #augmentedRender(RenderSettings, Augmentation, WindowSpec)}.
 *                          Recordings (audio files) have no MIDI to change and get no augmented copies.
 * @param trainOnValidation fit on the validation files too ({@link #fitFiles}); default false
 */
public record DatasetSpec(Target target, SplitSource splitSource, long seed, int minPiecesPerClass,
                          Optional<SortedSet<String>> classWhitelist, Balancing balancing,
                          PieceSampling pieceSampling, WindowSelection selection,
                          List<Augmentation> trainAugmentations, boolean trainOnValidation) {

    /** Default seed. */
    public static final long DEFAULT_SEED = 42;
    /** Default minimum number of pieces per class. */
    public static final int DEFAULT_MIN_PIECES = 2;

    /** All defaults. */
    public static final DatasetSpec DEFAULTS = builder().build();

    public DatasetSpec {
        Parameters.nonNull("target, splitSource, balancing, pieceSampling, selection, classWhitelist",
                target, splitSource, balancing, pieceSampling, selection, classWhitelist);
        trainAugmentations = List.copyOf(trainAugmentations);
        require("DatasetSpec", trainAugmentations.stream().noneMatch(Augmentation::isNone)
                && trainAugmentations.stream().distinct().count() == trainAugmentations.size(),
                "training augmentations must differ from the original and from each other, got " + trainAugmentations);
        require("DatasetSpec", minPiecesPerClass >= 1, "minPiecesPerClass must be >= 1, got " + minPiecesPerClass);
        classWhitelist = classWhitelist.map(s -> Collections.unmodifiableSortedSet(new TreeSet<>(s)));
        require("DatasetSpec", classWhitelist.isEmpty() || !classWhitelist.get().isEmpty(),
                "an empty class whitelist keeps nothing");
    }

    /** A builder with every parameter at its default. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.target = target;
        b.splitSource = splitSource;
        b.seed = seed;
        b.minPieces = minPiecesPerClass;
        b.whitelist = classWhitelist;
        b.balancing = balancing;
        b.pieceSampling = pieceSampling;
        b.selection = selection;
        b.augmentations = trainAugmentations;
        b.trainOnValidation = trainOnValidation;
        return b;
    }

    /** The same spec with another seed (one of repeated trials: a new random split and balancing draw). */
    public DatasetSpec withSeed(long newSeed) {
        return toBuilder().optSeed(newSeed).build();
    }

    /** Canonical text of every parameter (a split file by its SHA-256), hashed into {@code dataHash()}. */
    public String key() {
        return "target=" + target.key() + ";split=" + splitSource.key() + ";seed=" + seed + ";min_pieces="
                + minPiecesPerClass + ";classes=" + classWhitelist.map(Object::toString).orElse("all")
                + ";balancing=" + balancing + ";sampling=" + pieceSampling + ";selection=" + selection.key()
                + (trainAugmentations.isEmpty() ? "" : ";augment=" + String.join("|",
                        trainAugmentations.stream().map(Augmentation::key).toList()))
                + (trainOnValidation ? ";fit=train+val" : "");
    }

    /**
     * Refuses a spec that fits on the validation files, for {@code what} (a route that keeps its best epoch or stops
     * early on the validation split, which must then stay held out).
     */
    public void requireHeldOutValidation(String what) {
        require("DatasetSpec", !trainOnValidation, what + " chooses its epochs on the validation split, so it cannot "
                + "also be fit on it (trainOnValidation is for the notes route's classifiers)");
    }

    /**
     * The files a model is fit on: the training split, and the validation split too when {@link #trainOnValidation}
     * (a final refit, after everything was chosen on validation).
     */
    public List<CatalogFile> fitFiles(LabelledSplit split) {
        List<CatalogFile> out = new ArrayList<>(split.files(Split.TRAIN));
        if (trainOnValidation) {
            out.addAll(split.files(Split.VAL));
        }
        return out;
    }

    /**
     * How one augmented copy of the training files is rendered: {@code base} with the augmentation and, when the
     * window selection reads only the first {@code S} seconds, only as much audio as it reads (an excerpt of
     * {@code S} + one window, from the first note when the selection counts from the first sound), so that
     * augmenting a corpus of long pieces costs no more than the windows it yields.
     *
     * @param base   the render settings of the original windows
     * @param a      the augmentation (not {@link Augmentation#NONE})
     * @param window the window length and hop, seconds
     * @return the settings of the augmented rendering (its own cache key)
     */
    public RenderSettings augmentedRender(RenderSettings base, Augmentation a, WindowSpec window) {
        RenderSettings.Builder b = base.toBuilder().optAugmentation(a);
        if (selection.firstSeconds().isPresent() && base.excerptSeconds().isEmpty()) {
            b.optExcerptSeconds(selection.firstSeconds().get() + window.windowSeconds());
            if (selection.startAt() == WindowSelection.StartAt.FIRST_SOUND) {
                b.optStartAtFirstNote(true);
            }
        }
        return b.build();
    }

    /** Builder: every parameter is optional ({@code optX}) and starts at its default. */
    public static final class Builder {
        private Target target = Target.COMPOSER;
        private SplitSource splitSource = SplitSource.DEFAULT;
        private long seed = DEFAULT_SEED;
        private int minPieces = DEFAULT_MIN_PIECES;
        private Optional<SortedSet<String>> whitelist = Optional.empty();
        private Balancing balancing = Balancing.NONE;
        private PieceSampling pieceSampling = PieceSampling.ROUND_ROBIN;
        private WindowSelection selection = WindowSelection.ALL;
        private List<Augmentation> augmentations = List.of();
        private boolean trainOnValidation;

        private Builder() {
        }

        /** Default {@link Target#COMPOSER}. */
        public Builder optTarget(Target v) {
            this.target = v;
            return this;
        }

        /** Default random 70/10/20. */
        public Builder optSplitSource(SplitSource v) {
            this.splitSource = v;
            return this;
        }

        /** Default {@value DatasetSpec#DEFAULT_SEED}. */
        public Builder optSeed(long v) {
            this.seed = v;
            return this;
        }

        /** Default {@value DatasetSpec#DEFAULT_MIN_PIECES}. */
        public Builder optMinPiecesPerClass(int v) {
            this.minPieces = v;
            return this;
        }

        /** Default: all classes. */
        public Builder optClassWhitelist(Set<String> v) {
            this.whitelist = Optional.of(new TreeSet<>(v));
            return this;
        }

        /** Default {@link Balancing#NONE}. */
        public Builder optBalancing(Balancing v) {
            this.balancing = v;
            return this;
        }

        /** Default {@link PieceSampling#ROUND_ROBIN}. */
        public Builder optPieceSampling(PieceSampling v) {
            this.pieceSampling = v;
            return this;
        }

        /** Default {@link WindowSelection#ALL}. */
        public Builder optSelection(WindowSelection v) {
            this.selection = v;
            return this;
        }

        /** Default none: training windows come from the original rendering only. */
        public Builder optTrainAugmentations(List<Augmentation> v) {
            this.augmentations = List.copyOf(v);
            return this;
        }

        /**
         * Default false. True: fit on the training and the validation files (a final refit once every choice was made
         * on validation; the validation figures of such a model are no longer held out). The notes route only.
         */
        public Builder optTrainOnValidation(boolean v) {
            this.trainOnValidation = v;
            return this;
        }

        /** Validates and builds; throws {@link IllegalArgumentException} naming the offending parameter. */
        public DatasetSpec build() {
            return new DatasetSpec(target, splitSource, seed, minPieces, whitelist, balancing, pieceSampling,
                    selection, augmentations, trainOnValidation);
        }
    }
}
