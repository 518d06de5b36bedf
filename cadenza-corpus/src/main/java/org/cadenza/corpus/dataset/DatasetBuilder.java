package org.cadenza.corpus.dataset;

import org.cadenza.corpus.WindowRecipe;
import org.cadenza.corpus.Workspace;
import org.cadenza.corpus.catalog.CatalogFile;
import org.cadenza.corpus.jobs.WindowIndex;
import org.cadenza.features.FeatureCache;
import org.cadenza.features.FeatureKind;
import org.cadenza.features.FeatureParams;
import org.cadenza.features.Spectrogram;
import org.cadenza.features.WindowSpec;
import org.cadenza.io.BadInputException;
import org.cadenza.io.Parameters;
import org.cadenza.render.Augmentation;
import org.cadenza.render.RenderSettings;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds the windows of a classification dataset from a workspace's catalog and feature cache.
 *
 * <p>Steps, in order:
 * <ol>
 *   <li>Files: the ingested files with at least one whole window featurised with the given feature and render
 *       parameters ({@link WindowIndex}); the others are excluded ("no windows").</li>
 *   <li>Labels from the target; unlabelled files excluded with the target's reason.</li>
 *   <li>A split file or the catalog's split column, when that is the source: files without a split are
 *       excluded.</li>
 *   <li>The class whitelist, then the minimum number of distinct pieces per class.</li>
 *   <li>Classes = the remaining labels, sorted. A random split is drawn now, by piece and per class; any source
 *       is checked for leaks ({@link SplitAssignment#assertNoLeak()}).</li>
 *   <li>Windows of each file per {@link WindowSelection}; then, for the training split only, balancing per
 *       {@link Balancing} and {@link PieceSampling}, seeded with the spec's seed.</li>
 * </ol>
 * Reads spectrograms only for first-sound selection (each once, on the common fork-join pool; the onset is
 * remembered per spectrogram for the life of the JVM): building asap-composer10 (1,256 files, about 8 GB of cached
 * log-mel) with first-sound selection took 39 s on one thread and 15 s with this parallel pass on the shared 2-core
 * machine (file-start selection: 1.4 s). Nothing is written.
 */
public final class DatasetBuilder {

    private static final Map<String, int[]> ONSETS = new ConcurrentHashMap<>();

    private DatasetBuilder() {
    }

    /** The windows of one split, made with {@code recipe}. */
    public static SplitWindows build(Workspace ws, WindowRecipe recipe, DatasetSpec ds, Split split) {
        return plan(ws, recipe, ds).windows(split);
    }

    /**
     * The windows of one split: {@link #build(Workspace, WindowRecipe, DatasetSpec, Split)}.
     *
     * @throws IllegalArgumentException when the feature rate is not the render rate
     */
    public static SplitWindows build(Workspace ws, FeatureParams fp, RenderSettings rendered, WindowSpec spec,
                                     DatasetSpec ds, Split split) {
        return build(ws, new WindowRecipe(rendered, fp, spec), ds, split);
    }

    /** The three splits at once (the split and labels are computed once), made with {@code recipe}. */
    public static WindowDataset buildAll(Workspace ws, WindowRecipe recipe, DatasetSpec ds) {
        Plan plan = plan(ws, recipe, ds);
        return new WindowDataset(plan.windows(Split.TRAIN), plan.windows(Split.VAL), plan.windows(Split.TEST),
                plan.classes, plan.assignment, plan.excluded, ds, plan.augmentedCoverage());
    }

    /**
     * The three splits at once: {@link #buildAll(Workspace, WindowRecipe, DatasetSpec)}.
     *
     * @throws IllegalArgumentException when the feature rate is not the render rate
     */
    public static WindowDataset buildAll(Workspace ws, FeatureParams fp, RenderSettings rendered, WindowSpec spec,
                                         DatasetSpec ds) {
        return buildAll(ws, new WindowRecipe(rendered, fp, spec), ds);
    }

    private static Plan plan(Workspace ws, WindowRecipe recipe, DatasetSpec ds) {
        Parameters.nonNull("ws, recipe, ds", ws, recipe, ds);
        ds.requireHeldOutValidation("the audio route");
        FeatureParams fp = recipe.features();
        RenderSettings rendered = recipe.render();
        WindowSpec spec = recipe.window();
        if (ds.selection().startAt() == WindowSelection.StartAt.FIRST_SOUND && fp.kind() == FeatureKind.MFCC) {
            throw new IllegalArgumentException("first-sound window selection needs LOGMEL or STFT features, not MFCC");
        }
        Map<Long, List<WindowIndex.WindowRef>> refsByFile = new LinkedHashMap<>();
        for (WindowIndex.WindowRef r : WindowIndex.list(ws, recipe)) {
            refsByFile.computeIfAbsent(r.fileId(), k -> new ArrayList<>()).add(r);
        }
        LabelledSplit labelled = LabelledSplit.plan(ws, ds, f -> refsByFile.containsKey(f.id()),
                "no windows (not featurised with these parameters, or shorter than one window)");
        Map<String, Integer> excluded = new TreeMap<>(labelled.excluded());
        Map<Long, CatalogFile> kept = new LinkedHashMap<>(labelled.files());
        Map<Long, String> labelOf = new HashMap<>(labelled.labelOf());
        List<String> classes = labelled.classes();
        SplitAssignment assignment = labelled.assignment();
        // augmented renderings of the training files: their windows join the training split only
        Map<Augmentation, Map<Long, List<WindowIndex.WindowRef>>> augmented = new LinkedHashMap<>();
        for (Augmentation a : ds.trainAugmentations()) {
            Map<Long, List<WindowIndex.WindowRef>> refs = new HashMap<>();
            for (WindowIndex.WindowRef r : WindowIndex.list(ws,
                    recipe.withRender(ds.augmentedRender(rendered, a, spec)))) {
                if (kept.containsKey(r.fileId()) && assignment.splitOf(r.fileId()).orElseThrow() == Split.TRAIN) {
                    refs.computeIfAbsent(r.fileId(), k -> new ArrayList<>()).add(r);
                }
            }
            augmented.put(a, refs);
        }
        if (ds.selection().startAt() == WindowSelection.StartAt.FIRST_SOUND) {
            // one pass over the kept files' spectrograms, in parallel (common pool): reading dominates
            FeatureCache cache = ws.featureCache();
            List<String> hashes = new ArrayList<>();
            kept.keySet().forEach(id -> hashes.add(refsByFile.get(id).get(0).contentHash()));
            augmented.values().forEach(m -> m.values().forEach(refs -> hashes.add(refs.get(0).contentHash())));
            hashes.parallelStream().forEach(h -> onset(cache, h, fp, ds.selection().silenceDb()));
        }
        return new Plan(ws.featureCache(), fp, rendered, spec, ds, kept, labelOf, refsByFile, classes, assignment,
                excluded, augmented);
    }

    private record Plan(FeatureCache cache, FeatureParams fp, RenderSettings rendered, WindowSpec spec,
                        DatasetSpec ds, Map<Long, CatalogFile> kept, Map<Long, String> labelOf,
                        Map<Long, List<WindowIndex.WindowRef>> refsByFile, List<String> classes,
                        SplitAssignment assignment, Map<String, Integer> excluded,
                        Map<Augmentation, Map<Long, List<WindowIndex.WindowRef>>> augmented) {

        List<String> augmentedCoverage() {
            long trainFiles = kept.keySet().stream()
                    .filter(id -> assignment.splitOf(id).orElseThrow() == Split.TRAIN).count();
            List<String> out = new ArrayList<>();
            augmented.forEach((a, refs) -> out.add(a.key() + ": " + refs.size() + " of " + trainFiles
                    + " training files"));
            return out;
        }

        SplitWindows windows(Split split) {
            int win = fp.framesFor(spec.windowSeconds());
            int hop = fp.framesFor(spec.hopSeconds());
            Map<String, Integer> classIndex = new HashMap<>();
            for (int i = 0; i < classes.size(); i++) {
                classIndex.put(classes.get(i), i);
            }
            List<DatasetWindow> selected = new ArrayList<>();
            Map<Long, Integer> fileOrder = new HashMap<>();
            for (Map.Entry<Long, CatalogFile> e : kept.entrySet()) {
                if (assignment.splitOf(e.getKey()).orElseThrow() != split) {
                    continue;
                }
                fileOrder.put(e.getKey(), fileOrder.size());
                int label = classIndex.get(labelOf.get(e.getKey()));
                selected.addAll(select(refsByFile.get(e.getKey()), label, win, hop));
                if (split == Split.TRAIN) {
                    for (Map<Long, List<WindowIndex.WindowRef>> refs : augmented.values()) {
                        List<WindowIndex.WindowRef> copy = refs.get(e.getKey());
                        if (copy != null) {
                            selected.addAll(select(copy, label, win, hop));
                        }
                    }
                }
            }
            if (split == Split.TRAIN) {
                selected = balance(selected);
            }
            selected.sort(Comparator.comparingInt((DatasetWindow w) -> fileOrder.get(w.ref().fileId()))
                    .thenComparingInt(DatasetWindow::startFrame));
            return new SplitWindows(split, classes, selected, counts(selected), hash(split, selected), cache, fp,
                    spec, win);
        }

        private List<DatasetWindow> select(List<WindowIndex.WindowRef> refs, int label, int win, int hop) {
            WindowSelection sel = ds.selection();
            // window k is kept when k * hop + window <= firstSeconds, in nominal seconds (not rounded frames)
            long maxWindows = sel.firstSeconds().map(s -> s < spec.windowSeconds() ? 0L
                    : 1L + (long) Math.floor((s - spec.windowSeconds()) / spec.hopSeconds() + 1e-9))
                    .orElse(Long.MAX_VALUE);
            List<DatasetWindow> out = new ArrayList<>();
            if (sel.startAt() == WindowSelection.StartAt.FILE_START) {
                for (WindowIndex.WindowRef r : refs) {
                    int start = r.windowIndex() * hop;
                    if (r.windowIndex() < maxWindows) {
                        out.add(new DatasetWindow(r, start, label));
                    }
                }
                return out;
            }
            WindowIndex.WindowRef first = refs.get(0);
            int[] onsetAndFrames = onset(cache, first.contentHash(), fp, sel.silenceDb());
            int onset = onsetAndFrames[0];
            int frames = onsetAndFrames[1];
            for (int k = 0, start = onset; start + win <= frames && k < maxWindows; k++, start += hop) {
                WindowIndex.WindowRef r = new WindowIndex.WindowRef(first.fileId(), first.sha256(), first.pieceId(),
                        first.composerId(), first.split(), k, WindowIndex.frameTimeSeconds(start, fp),
                        first.featurePath(), first.contentHash());
                out.add(new DatasetWindow(r, start, label));
            }
            return out;
        }

        private List<DatasetWindow> balance(List<DatasetWindow> all) {
            Balancing b = ds.balancing();
            if (b.mode() == Balancing.Mode.NONE) {
                return all;
            }
            Map<Integer, List<DatasetWindow>> byClass = new TreeMap<>();
            for (DatasetWindow w : all) {
                byClass.computeIfAbsent(w.label(), k -> new ArrayList<>()).add(w);
            }
            int largest = byClass.values().stream().mapToInt(List::size).max().orElse(0);
            List<DatasetWindow> out = new ArrayList<>();
            byClass.forEach((label, ws) -> {
                Random rng = new Random(ds.seed() * 1_000_003L + classes.get(label).hashCode());
                if (b.mode() == Balancing.Mode.CAP || b.mode() == Balancing.Mode.EQUAL && ws.size() >= b.perClass()) {
                    out.addAll(ws.size() <= b.perClass() ? ws : sample(ws, b.perClass(), rng));
                } else if (b.mode() == Balancing.Mode.EQUAL) {
                    out.addAll(ws);
                    out.addAll(sample(ws, b.perClass() - ws.size(), rng));
                } else {
                    out.addAll(ws);
                    out.addAll(sample(ws, largest - ws.size(), rng));
                }
            });
            return out;
        }

        /** {@code count} windows of one class per the spec's piece sampling; cycles when count exceeds the class. */
        private List<DatasetWindow> sample(List<DatasetWindow> ws, int count, Random rng) {
            List<DatasetWindow> out = new ArrayList<>(Math.max(0, count));
            if (count <= 0 || ws.isEmpty()) {
                return out;
            }
            if (ds.pieceSampling() == PieceSampling.UNIFORM) {
                List<DatasetWindow> pool = new ArrayList<>(ws);
                while (out.size() < count) {
                    Collections.shuffle(pool, rng);
                    out.addAll(pool.subList(0, Math.min(pool.size(), count - out.size())));
                }
                return out;
            }
            Map<String, List<DatasetWindow>> byPiece = new TreeMap<>();
            for (DatasetWindow w : ws) {
                byPiece.computeIfAbsent(w.ref().pieceId(), k -> new ArrayList<>()).add(w);
            }
            List<List<DatasetWindow>> pools = new ArrayList<>();
            for (List<DatasetWindow> p : byPiece.values()) {
                List<DatasetWindow> pool = new ArrayList<>(p);
                Collections.shuffle(pool, rng);
                pools.add(pool);
            }
            int[] next = new int[pools.size()];
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < pools.size(); i++) {
                order.add(i);
            }
            while (out.size() < count) {
                boolean any = false;
                Collections.shuffle(order, rng);
                for (int p : order) {
                    if (out.size() == count) {
                        break;
                    }
                    if (next[p] < pools.get(p).size()) {
                        out.add(pools.get(p).get(next[p]++));
                        any = true;
                    }
                }
                if (!any) { // every window taken once: start another pass (oversampling)
                    java.util.Arrays.fill(next, 0);
                    for (List<DatasetWindow> pool : pools) {
                        Collections.shuffle(pool, rng);
                    }
                }
            }
            return out;
        }

        private List<ClassCounts> counts(List<DatasetWindow> ws) {
            List<ClassCounts> out = new ArrayList<>();
            Map<Integer, Set<Long>> files = new HashMap<>();
            Map<Integer, Set<String>> pieces = new HashMap<>();
            int[] windows = new int[classes.size()];
            for (DatasetWindow w : ws) {
                files.computeIfAbsent(w.label(), k -> new TreeSet<>()).add(w.ref().fileId());
                pieces.computeIfAbsent(w.label(), k -> new TreeSet<>()).add(w.ref().pieceId());
                windows[w.label()]++;
            }
            for (int i = 0; i < classes.size(); i++) {
                out.add(new ClassCounts(classes.get(i), files.getOrDefault(i, Set.of()).size(),
                        pieces.getOrDefault(i, Set.of()).size(), windows[i]));
            }
            return out;
        }

        private String hash(Split split, List<DatasetWindow> ws) {
            try {
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                StringBuilder head = new StringBuilder("cadenza-dataset-v1\n");
                head.append(ds.key()).append('\n').append(fp.key()).append('\n').append(rendered.key()).append('\n')
                        .append(spec).append('\n').append(split.id()).append('\n')
                        .append(String.join(",", classes)).append('\n');
                md.update(head.toString().getBytes(StandardCharsets.UTF_8));
                for (DatasetWindow w : ws) {
                    md.update((w.ref().sha256() + ' ' + w.startFrame() + ' ' + w.label() + '\n')
                            .getBytes(StandardCharsets.UTF_8));
                }
                return HexFormat.of().formatHex(md.digest());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is missing from this JVM", e);
            }
        }
    }

    /**
     * The first sounding frame of the spectrogram {@code contentHash} and its frame count, as
     * {@code [onset, frames]} (see {@link WindowSelection} for the rule). Remembered per (spectrogram, parameters,
     * threshold) for the life of the JVM.
     *
     * @throws BadInputException when the spectrogram is missing from the cache or unreadable
     */
    static int[] onset(FeatureCache cache, String contentHash, FeatureParams fp, double silenceDb) {
        String key = contentHash + '|' + fp.key() + '|' + silenceDb;
        int[] known = ONSETS.get(key);
        if (known != null) {
            return known;
        }
        Spectrogram s = cache.read(contentHash, fp).orElseThrow(() -> new BadInputException(
                cache.pathFor(contentHash, fp), "the cached spectrogram is missing: run the feature job again"));
        int[] result = {firstSoundingFrame(s, silenceDb), s.frames()};
        ONSETS.put(key, result);
        return result;
    }

    /**
     * Index of the first frame whose loudest bin is within {@code silenceDb} dB of the loudest bin of the whole
     * spectrogram (LOGMEL in dB as is; STFT converted with {@code 10 log10(max(v, 1e-10))}); 0 for an empty one.
     *
     * @throws IllegalArgumentException for MFCC features
     */
    public static int firstSoundingFrame(Spectrogram s, double silenceDb) {
        if (s.params().kind() == FeatureKind.MFCC) {
            throw new IllegalArgumentException("first sounding frame: MFCC has no per-band level; use LOGMEL or STFT");
        }
        boolean linear = s.params().kind() == FeatureKind.STFT;
        float[][] d = s.data();
        double[] level = new double[d.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int t = 0; t < d.length; t++) {
            double m = Double.NEGATIVE_INFINITY;
            for (float v : d[t]) {
                m = Math.max(m, linear ? 10 * Math.log10(Math.max(v, 1e-10)) : v);
            }
            level[t] = m;
            max = Math.max(max, m);
        }
        for (int t = 0; t < d.length; t++) {
            if (level[t] >= max - silenceDb) {
                return t;
            }
        }
        return 0;
    }
}
