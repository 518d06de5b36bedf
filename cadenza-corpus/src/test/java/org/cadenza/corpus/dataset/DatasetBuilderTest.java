package org.cadenza.corpus.dataset;

import org.cadenza.corpus.ProgressListener;
import org.cadenza.corpus.Workspace;
import org.cadenza.corpus.ingest.IngestOptions;
import org.cadenza.corpus.ingest.IngestReport;
import org.cadenza.corpus.jobs.FeatureJob;
import org.cadenza.corpus.jobs.JobReport;
import org.cadenza.corpus.jobs.RenderJob;
import org.cadenza.corpus.jobs.WindowIndex;
import org.cadenza.features.FeatureParams;
import org.cadenza.features.Spectrogram;
import org.cadenza.features.WindowSpec;
import org.cadenza.render.RenderSettings;
import org.cadenza.render.Soundbanks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A tiny real workspace: 11 MIDI files (bach 4 pieces / 5 files, chopin 3, mozart 2, satie 1), ingested from a
 * labels CSV with a split column, rendered with the small GM bank and featurised (40 mel bands); windows of
 * 0.5 s every 0.5 s (22 frames).
 */
class DatasetBuilderTest {

    static final RenderSettings SETTINGS = RenderSettings.builder()
            .optSoundfont(Soundbanks.installed(Soundbanks.TIMGM6MB))
            .build();
    static final FeatureParams FEATURES = FeatureParams.builder().optNMels(40).build();
    static final WindowSpec SPEC = WindowSpec.of(0.5);

    @TempDir
    static Path tmp;
    static Path music;
    static Workspace ws;

    /** Writes {@code notes} quarter notes (0.5 s each at 120 BPM) after {@code silenceSeconds} of silence. */
    static void midi(Path file, double silenceSeconds, int notes, int firstPitch) throws Exception {
        Sequence seq = new Sequence(Sequence.PPQ, 480);
        Track t = seq.createTrack();
        t.add(new MidiEvent(new MetaMessage(0x51, new byte[] {0x07, (byte) 0xA1, 0x20}, 3), 0));
        t.add(new MidiEvent(new ShortMessage(ShortMessage.PROGRAM_CHANGE, 0, 0, 0), 0));
        long tick = Math.round(silenceSeconds * 960);
        for (int i = 0; i < notes; i++) {
            int p = firstPitch + (i * 5) % 12;
            t.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, 0, p, 96), tick));
            t.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, 0, p, 0), tick + 480));
            tick += 480;
        }
        Files.createDirectories(file.getParent());
        MidiSystem.write(seq, 1, file.toFile());
    }

    @BeforeAll
    static void corpus() throws Exception {
        music = tmp.resolve("music");
        StringBuilder csv = new StringBuilder("path,composer,piece_id,split\n");
        Object[][] files = {
            // path, composer, piece, split, leading silence s, notes, first pitch
            {"bach/b1a.mid", "Bach", "bach/b1", "train", 0.0, 8, 48},
            {"bach/b1b.mid", "Bach", "bach/b1", "train", 0.0, 8, 50},
            {"bach/b2.mid", "Bach", "bach/b2", "train", 0.0, 4, 52},
            {"bach/b3.mid", "Bach", "bach/b3", "val", 0.0, 12, 53},
            {"bach/b4.mid", "Bach", "bach/b4", "test", 0.0, 6, 55},
            {"chopin/c1.mid", "Chopin", "chopin/c1", "train", 0.0, 8, 60},
            {"chopin/c2.mid", "Chopin", "chopin/c2", "val", 0.0, 6, 62},
            {"chopin/c3.mid", "Chopin", "chopin/c3", "test", 3.0, 6, 64},
            {"mozart/m1.mid", "Mozart", "mozart/m1", "train", 0.0, 10, 67},
            {"mozart/m2.mid", "Mozart", "mozart/m2", "test", 0.0, 4, 69},
            {"satie/s1.mid", "Satie", "satie/s1", "train", 0.0, 6, 72},
        };
        for (Object[] f : files) {
            midi(music.resolve((String) f[0]), (double) f[4], (int) f[5], (int) f[6]);
            csv.append(f[0]).append(',').append(f[1]).append(',').append(f[2]).append(',').append(f[3]).append('\n');
        }
        Files.writeString(music.resolve("labels.csv"), csv);
        ws = Workspace.open(tmp.resolve("ws"));
        IngestReport in = new org.cadenza.corpus.ingest.Ingestor().ingest(ws, music.resolve("labels.csv"),
                IngestOptions.DEFAULTS, ProgressListener.NONE);
        assertEquals(11, in.ingested(), in.toText());
        JobReport r = new RenderJob().run(ws, SETTINGS, 2, ProgressListener.NONE);
        assertEquals(11, r.done(), r.problems().toString());
        JobReport f = new FeatureJob().run(ws, FEATURES, SETTINGS, 2, ProgressListener.NONE);
        assertEquals(11, f.done(), f.problems().toString());
    }

    @AfterAll
    static void close() {
        ws.close();
    }

    static WindowDataset build(DatasetSpec ds) {
        return DatasetBuilder.buildAll(ws, FEATURES, SETTINGS, SPEC, ds);
    }

    static Map<String, Integer> windowsPerPiece(SplitWindows s) {
        Map<String, Integer> m = new TreeMap<>();
        s.windows().forEach(w -> m.merge(w.ref().pieceId(), 1, Integer::sum));
        return m;
    }

    @Test
    void splitsByPieceDropsSinglePieceClassesAndCountsPerClass() {
        WindowDataset d = build(DatasetSpec.DEFAULTS);
        assertEquals(List.of("bach", "chopin", "mozart"), d.classes());
        assertEquals(1, d.excluded().get("class satie has 1 piece(s), fewer than 2"), d.excluded().toString());
        Map<Split, Set<String>> pieces = new EnumMap<>(Split.class);
        for (Split s : Split.values()) {
            pieces.put(s, d.get(s).windows().stream().map(w -> w.ref().pieceId()).collect(Collectors.toSet()));
            assertEquals(d.classes(), d.get(s).classes());
        }
        Leakage.check(pieces);
        // 4 bach pieces: 2/1/1; 3 chopin: 1/1/1; 2 mozart: 1/0/1 (SplitRatios.counts)
        Map<String, int[]> expected = Map.of("bach", new int[] {2, 1, 1}, "chopin", new int[] {1, 1, 1},
                "mozart", new int[] {1, 0, 1});
        for (int c = 0; c < 3; c++) {
            String label = d.classes().get(c);
            int[] got = new int[3];
            for (Split s : Split.values()) {
                ClassCounts cc = d.get(s).counts().get(c);
                assertEquals(label, cc.label());
                got[s.ordinal()] = cc.pieces();
                long windows = d.get(s).windows().stream().filter(w -> w.label() == d.classes().indexOf(label))
                        .count();
                assertEquals(windows, cc.windows());
            }
            assertArrayEquals(expected.get(label), got, label);
        }
        int total = 0;
        for (Split s : Split.values()) {
            total += d.get(s).size();
        }
        List<WindowIndex.WindowRef> all = WindowIndex.list(ws, FEATURES, SETTINGS, SPEC);
        assertEquals(all.stream().filter(w -> !w.composerId().equals("satie")).count(), total,
                "no balancing, all windows: every window of the kept files once");
        assertTrue(d.toText().contains("data hash"), d.toText());
    }

    @Test
    void windowDataIsTheCachedSpectrogramTransposedAndReadOncePerFile() {
        SplitWindows train = build(DatasetSpec.DEFAULTS).train();
        assertEquals(40, train.mels());
        assertEquals(22, train.frames());
        WindowLoader loader = train.loader(2);
        Set<Long> files = new TreeSet<>();
        for (int i = 0; i < train.size(); i++) {
            DatasetWindow w = train.windows().get(i);
            files.add(w.ref().fileId());
            float[] x = loader.window(i);
            assertEquals(40 * 22, x.length);
            if (i % 5 == 0) {
                Spectrogram s = ws.featureCache().read(w.ref().contentHash(), FEATURES).orElseThrow();
                for (int m = 0; m < 40; m += 7) {
                    for (int t = 0; t < 22; t += 3) {
                        assertEquals(s.data()[w.startFrame() + t][m], x[m * 22 + t], "window " + i);
                    }
                }
                assertArrayEquals(x, train.window(i));
            }
        }
        assertEquals(files.size(), loader.reads(), "in dataset order each spectrogram is read once");
        assertTrue(loader.cachedFiles() <= 2);
        int runs = 0;
        for (int[] run : train.fileRuns()) {
            runs++;
            for (int i = run[0]; i < run[1]; i++) {
                assertEquals(train.windows().get(run[0]).ref().fileId(), train.windows().get(i).ref().fileId());
            }
        }
        assertEquals(files.size(), runs);
    }

    @Test
    void dataHashIsStableAndChangesWithALabel() {
        Target periodA = Target.period(Periods.builtIn());
        DatasetSpec a = DatasetSpec.builder().optTarget(periodA).build();
        String h1 = build(a).train().dataHash();
        assertEquals(h1, build(a).train().dataHash(), "same data, same hash");
        assertEquals(h1, DatasetBuilder.build(ws, FEATURES, SETTINGS, SPEC, a, Split.TRAIN).dataHash());
        assertEquals(64, h1.length());
        Map<String, String> table = new HashMap<>(Periods.builtIn().asMap());
        table.put("mozart", "romantic"); // one composer relabelled: mozart joins chopin
        WindowDataset changed = build(a.toBuilder().optTarget(Target.period(Periods.of(table))).build());
        assertNotEquals(h1, changed.train().dataHash());
        assertEquals(List.of("baroque", "romantic"), changed.classes());
        assertNotEquals(build(DatasetSpec.DEFAULTS).test().dataHash(), build(DatasetSpec.DEFAULTS.withSeed(43)).test().dataHash());
        assertNotEquals(build(DatasetSpec.DEFAULTS).train().dataHash(), build(DatasetSpec.DEFAULTS).val().dataHash());
    }

    @Test
    void oneVsRestAndWhitelist() {
        WindowDataset d = build(DatasetSpec.builder().optTarget(Target.parse("one-vs-rest:chopin"))
                .optMinPiecesPerClass(1).build());
        assertEquals(List.of("chopin", "other"), d.classes());
        assertEquals(4 + 2 + 1, d.train().counts().get(1).pieces() + d.val().counts().get(1).pieces()
                + d.test().counts().get(1).pieces(), "bach, mozart and satie pieces are 'other'");
        WindowDataset w = build(DatasetSpec.builder().optClassWhitelist(Set.of("bach", "mozart")).build());
        assertEquals(List.of("bach", "mozart"), w.classes());
        assertEquals(3 + 1, w.excluded().get("class not in the whitelist"));
    }

    @Test
    void balancingCapsOrOversamplesTrainingWindowsEvenlyOverPieces() {
        DatasetSpec fromCatalog = DatasetSpec.builder().optSplitSource(new SplitSource.FromCatalog()).build();
        WindowDataset plain = build(fromCatalog);
        // training pieces: bach b1 (2 files) and b2, chopin c1, mozart m1
        Map<String, Integer> bach = windowsPerPiece(plain.train());
        assertTrue(bach.get("bach/b1") > 2 * bach.get("bach/b2"), bach.toString());
        int[] plainCounts = plain.train().counts().stream().mapToInt(ClassCounts::windows).toArray();

        int cap = 6;
        WindowDataset capped = build(fromCatalog.toBuilder().optBalancing(Balancing.cap(cap)).build());
        for (int c = 0; c < 3; c++) {
            assertEquals(Math.min(cap, plainCounts[c]), capped.train().counts().get(c).windows());
        }
        Map<String, Integer> even = windowsPerPiece(capped.train());
        assertEquals(3, even.get("bach/b1"), "round robin: 3 windows from each of the two bach pieces " + even);
        assertEquals(3, even.get("bach/b2"));
        assertEquals(plain.val().windows(), capped.val().windows(), "validation is never balanced");
        assertEquals(plain.test().windows(), capped.test().windows(), "test is never balanced");
        assertEquals(capped.train().windows(), build(fromCatalog.toBuilder().optBalancing(Balancing.cap(cap)).build())
                .train().windows(), "seeded");

        WindowDataset over = build(fromCatalog.toBuilder().optBalancing(Balancing.oversample()).build());
        int largest = java.util.Arrays.stream(plainCounts).max().orElseThrow();
        for (ClassCounts cc : over.train().counts()) {
            assertEquals(largest, cc.windows(), cc.toString());
        }
        Set<DatasetWindow> distinct = new java.util.HashSet<>(over.train().windows());
        assertEquals(plain.train().size(), distinct.size(), "oversampling repeats, never invents windows");

        WindowDataset uniform = build(fromCatalog.toBuilder().optBalancing(Balancing.cap(cap))
                .optPieceSampling(PieceSampling.UNIFORM).build());
        assertEquals(capped.train().counts(), uniform.train().counts());
        assertThrows(IllegalArgumentException.class, () -> Balancing.cap(0));
        assertEquals(Balancing.cap(100), Balancing.parse("cap:100"));

        // equal: every class exactly n windows, the larger drawn down, the smaller repeated up
        int n = 5;
        WindowDataset equal = build(fromCatalog.toBuilder().optBalancing(Balancing.equal(n)).build());
        for (ClassCounts cc : equal.train().counts()) {
            assertEquals(n, cc.windows(), cc.toString());
        }
        Set<DatasetWindow> plainWindows = new java.util.HashSet<>(plain.train().windows());
        assertTrue(plainWindows.containsAll(equal.train().windows()), "equal repeats or drops, never invents");
        assertEquals(Balancing.equal(400), Balancing.parse("equal:400"));
        assertEquals("equal:400", Balancing.equal(400).toString());
        assertThrows(IllegalArgumentException.class, () -> Balancing.equal(0));
    }

    @Test
    void firstSecondsCountedFromTheFirstNote() {
        DatasetSpec fromCatalog = DatasetSpec.builder().optSplitSource(new SplitSource.FromCatalog()).build();
        SplitWindows fromStart = build(fromCatalog.toBuilder().optSelection(WindowSelection.firstSeconds(1.0))
                .build()).test();
        List<DatasetWindow> c3 = fromStart.windows().stream().filter(w -> w.ref().pieceId().equals("chopin/c3"))
                .toList();
        assertEquals(List.of(0, 22), c3.stream().map(DatasetWindow::startFrame).toList(), "two silent windows");

        SplitWindows fromNote = build(fromCatalog.toBuilder()
                .optSelection(WindowSelection.firstSecondsFromFirstSound(1.0)).build()).test();
        List<DatasetWindow> c3n = fromNote.windows().stream().filter(w -> w.ref().pieceId().equals("chopin/c3"))
                .toList();
        assertEquals(2, c3n.size(), "1 s of 0.5-s windows");
        double onset = c3n.get(0).ref().startSeconds();
        assertTrue(onset > 2.85 && onset < 3.05, "the first note starts at 3 s, window at " + onset);
        assertEquals(c3n.get(0).startFrame() + 22, c3n.get(1).startFrame());
        assertEquals(WindowIndex.frameTimeSeconds(c3n.get(1).startFrame(), FEATURES), c3n.get(1).ref().startSeconds());
        float[] x = fromNote.window(fromNote.windows().indexOf(c3n.get(0)));
        float[] silent = fromStart.window(fromStart.windows().indexOf(c3.get(0)));
        assertTrue(max(x) > max(silent) + 20, "the selected window sounds: " + max(x) + " vs " + max(silent));
        for (DatasetWindow w : fromNote.windows()) {
            if (!w.ref().pieceId().equals("chopin/c3")) {
                assertTrue(w.startFrame() <= 22, "no leading silence elsewhere: " + w);
            }
        }
        Spectrogram s = ws.featureCache().read(c3n.get(0).ref().contentHash(), FEATURES).orElseThrow();
        int onsetFrame = DatasetBuilder.firstSoundingFrame(s, 60);
        assertEquals(c3n.get(0).startFrame(), onsetFrame);
        assertThrows(IllegalArgumentException.class, () -> DatasetBuilder.buildAll(ws,
                FEATURES.withKind(org.cadenza.features.FeatureKind.MFCC), SETTINGS, SPEC, fromCatalog.toBuilder()
                        .optSelection(WindowSelection.firstSecondsFromFirstSound(1.0)).build()));
    }

    @Test
    void augmentedCopiesJoinTheTrainingSplitOnly() {
        DatasetSpec plain = DatasetSpec.builder().optSplitSource(new SplitSource.FromCatalog())
                .optSelection(WindowSelection.firstSecondsFromFirstSound(1.0)).build();
        DatasetSpec up2 = plain.toBuilder().optTrainAugmentations(List.of(org.cadenza.render.Augmentation.transpose(2)))
                .build();
        WindowDataset before = build(plain);
        WindowDataset missing = build(up2);
        assertEquals(before.train().size(), missing.train().size(), "no augmented rendering yet: nothing added");
        assertEquals(List.of("transpose=+2,tempo=1.0: 0 of 5 training files"), missing.augmented());

        List<AugmentedRenders.Report> reports = AugmentedRenders.prepare(ws, FEATURES, SETTINGS, SPEC, up2, 2,
                ProgressListener.NONE);
        assertEquals(1, reports.size());
        assertEquals(5, reports.get(0).render().done(), "the 5 training files (satie, one piece, is dropped), not val or test");
        assertEquals(5, reports.get(0).features().done());
        assertTrue(reports.get(0).settings().startAtFirstNote(), "first-sound selection: rendered from the note");
        assertEquals(1.5, reports.get(0).settings().excerptSeconds().getAsDouble(), 1e-9, "first seconds + one window");
        List<AugmentedRenders.Report> again = AugmentedRenders.prepare(ws, FEATURES, SETTINGS, SPEC, up2, 2,
                ProgressListener.NONE);
        assertEquals(0, again.get(0).render().done(), "a rerun skips what exists");

        WindowDataset after = build(up2);
        assertEquals(List.of("transpose=+2,tempo=1.0: 5 of 5 training files"), after.augmented());
        assertEquals(2 * before.train().size(), after.train().size(), "each training window has a transposed twin");
        assertEquals(before.val().windows(), after.val().windows());
        assertEquals(before.test().windows(), after.test().windows());
        Set<String> plainHashes = before.train().windows().stream().map(w -> w.ref().contentHash())
                .collect(Collectors.toSet());
        List<DatasetWindow> copies = after.train().windows().stream()
                .filter(w -> !plainHashes.contains(w.ref().contentHash())).toList();
        assertEquals(before.train().size(), copies.size());
        for (DatasetWindow w : copies) {
            assertTrue(before.train().windows().stream().anyMatch(o -> o.ref().fileId() == w.ref().fileId()
                    && o.label() == w.label() && o.ref().pieceId().equals(w.ref().pieceId())), w.toString());
        }
        assertNotEquals(before.train().dataHash(), after.train().dataHash());
        // the copy sounds two semitones higher: its spectrum's centroid moves up
        int k = after.train().windows().indexOf(copies.get(0));
        DatasetWindow twin = after.train().windows().stream().filter(o -> plainHashes.contains(o.ref().contentHash())
                && o.ref().fileId() == copies.get(0).ref().fileId()).findFirst().orElseThrow();
        assertTrue(centroid(after.train().window(k), FEATURES.nMels())
                        > centroid(after.train().window(after.train().windows().indexOf(twin)), FEATURES.nMels()),
                "transposed up: higher mel centroid");
    }

    /** Mean mel band weighted by power, of a window stored mel-major ([mel][frame]). */
    static double centroid(float[] melMajor, int mels) {
        int frames = melMajor.length / mels;
        double num = 0;
        double den = 0;
        for (int m = 0; m < mels; m++) {
            for (int t = 0; t < frames; t++) {
                double p = Math.pow(10, melMajor[m * frames + t] / 10);
                num += m * p;
                den += p;
            }
        }
        return num / den;
    }

    static float max(float[] x) {
        float m = Float.NEGATIVE_INFINITY;
        for (float v : x) {
            m = Math.max(m, v);
        }
        return m;
    }

    @Test
    void splitFileRelativeToTheMusicFolder() throws Exception {
        Path csv = tmp.resolve("split.csv");
        Files.writeString(csv, "path,split\n"
                + "bach/b1a.mid,train\nbach/b1b.mid,train\nbach/b2.mid,test\nbach/b3.mid,val\n"
                + "chopin/c1.mid,train\nchopin/c2.mid,test\n"
                + "mozart/m1.mid,train\nmozart/m2.mid,test\nmozart/missing.mid,val\n");
        WindowDataset d = build(DatasetSpec.builder().optSplitSource(new SplitSource.FromFile(csv, music)).build());
        assertEquals(List.of("bach", "chopin", "mozart"), d.classes());
        assertEquals(3, d.excluded().get("not in the split file"), "b4, c3, s1: " + d.excluded());
        assertEquals(1, d.assignment().unmatchedRows());
        assertEquals(Set.of("bach/b1", "chopin/c1", "mozart/m1"),
                d.train().windows().stream().map(w -> w.ref().pieceId()).collect(Collectors.toSet()));
        assertEquals(Set.of("bach/b3"), d.val().windows().stream().map(w -> w.ref().pieceId()).collect(Collectors.toSet()));

        Files.writeString(csv, "path,split\nbach/b1a.mid,train\nbach/b1b.mid,test\nbach/b2.mid,train\n");
        assertThrows(org.cadenza.io.CadenzaException.class, () -> build(DatasetSpec.builder()
                .optSplitSource(new SplitSource.FromFile(csv, music)).optMinPiecesPerClass(1).build()),
                "the two files of bach/b1 on two sides");
    }
}
