package org.cadenza.corpus.ingest;

import org.cadenza.corpus.ProgressListener;
import org.cadenza.corpus.StatusReport;
import org.cadenza.corpus.TestMedia;
import org.cadenza.corpus.Workspace;
import org.cadenza.corpus.catalog.CatalogFile;
import org.cadenza.corpus.catalog.FileStatus;
import org.cadenza.corpus.catalog.MediaKind;
import org.cadenza.io.BadInputException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IngestorTest extends IngestFixture {

    @BeforeEach
    void corpus() throws Exception {
        TestMedia.midi(root.resolve("Bach/wtc/fugue1.mid"), 0, 60, 62, 64);
        Files.copy(root.resolve("Bach/wtc/fugue1.mid"), root.resolve("Bach/wtc/fugue1-copy.mid"));
        TestMedia.midi(root.resolve("bach/invention1.midi"), 6, 62, 64, 65, 67);
        TestMedia.midi(root.resolve("Chopin/op10/etude1.mid"), 0, 48, 60, 72);
        TestMedia.truncatedMidi(root.resolve("Chopin/truncated.mid"), 40);
        Files.writeString(root.resolve("Chopin/letter.mid"), "Dear Frederic, this is not MIDI at all.\n");
        TestMedia.midiWithoutNotes(root.resolve("Chopin/silent.mid"));
        Files.writeString(root.resolve("README.txt"), "my collection");
        Files.writeString(root.resolve("Chopin/notes.pdf"), "%PDF-1.4 not really");
        TestMedia.zip(root.resolve("Mozart/sonatas.zip"),
                "k545/allegro.mid", TestMedia.midiBytes(0, 72, 76, 79),
                "k331/alla-turca.kar", TestMedia.midiBytes(0, 69, 71, 72, 74),
                "readme.txt", "text".getBytes(StandardCharsets.UTF_8));
        TestMedia.zip(root.resolve("Haydn/evil.zip"),
                "good.mid", TestMedia.midiBytes(0, 60, 61),
                "../escape.mid", TestMedia.midiBytes(0, 60, 62));
    }

    private static Map<Path, String> snapshot(Path dir) throws Exception {
        Map<Path, String> out = new HashMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                FileTime t = Files.getLastModifiedTime(p);
                out.put(p, t.toMillis() + ":" + java.util.HexFormat.of().formatHex(
                        java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
            }
        }
        return out;
    }

    private static Map<String, CatalogFile> byDisplay(List<CatalogFile> files) {
        return files.stream().collect(Collectors.toMap(CatalogFile::displayPath, f -> f));
    }

    @Test
    void folderIngestValidatesLabelsDeduplicatesAndLeavesSourcesUntouched() throws Exception {
        Map<Path, String> before = snapshot(root);
        List<String> advanced = new java.util.ArrayList<>();
        try (Workspace ws = Workspace.open(wsDir)) {
            IngestReport r = new Ingestor().ingest(ws, root, IngestOptions.builder().optThreads(3).build(),
                    new ProgressListener() {
                        @Override public void start(String task, long total) { advanced.add("start " + total); }
                        @Override public void advance(String item, boolean ok) { advanced.add(item); }
                        @Override public void finish() { advanced.add("finish"); }
                    });
            // 7 plain music files + 2 zip members (the evil zip is refused as a whole)
            assertEquals(9, r.found(), r.toText());
            assertEquals("start 9", advanced.get(0));
            assertEquals("finish", advanced.get(advanced.size() - 1));
            assertEquals(11, advanced.size());
            assertEquals(5, r.ingested(), r.toText());
            assertEquals(1, r.duplicates().size(), r.toText());
            assertTrue(r.duplicates().get(0).path().endsWith("fugue1.mid")
                    || r.duplicates().get(0).path().endsWith("fugue1-copy.mid"), r.toText());
            assertEquals(4, r.quarantined().size(), r.toText());
            assertEquals(3, r.skippedNonMusic(), "README.txt, notes.pdf and the zip's readme.txt");
            assertTrue(r.warnings().stream().anyMatch(w -> w.contains("'Bach/'") && w.contains("'bach/'")),
                    r.warnings().toString());

            Map<String, CatalogFile> files = byDisplay(ws.catalog().files());
            String sep = root.getFileSystem().getSeparator();
            CatalogFile fugue = files.get(root.resolve("Bach/wtc/fugue1-copy.mid").toString());
            CatalogFile copy = files.get(root.resolve("Bach/wtc/fugue1.mid").toString());
            assertEquals(FileStatus.INGESTED, fugue.status(), "files are taken in sorted order: '-copy' first");
            assertEquals(FileStatus.DUPLICATE, copy.status());
            assertEquals(Optional.of(fugue.id()), copy.duplicateOf());
            assertEquals("bach", fugue.composerId());
            assertEquals("Bach", fugue.composerWritten());
            assertEquals("bach/wtc/fugue1-copy", fugue.pieceId());
            assertEquals(Optional.of(3L), fugue.notes());
            assertEquals(1.5, fugue.seconds().orElseThrow(), 1e-6);
            CatalogFile invention = files.get(root.resolve("bach/invention1.midi").toString());
            assertEquals("bach", invention.composerId());
            assertEquals(List.of(6), invention.programs());

            assertTrue(files.get(root.resolve("Chopin/truncated.mid").toString()).reason().orElseThrow()
                    .contains("truncated"));
            assertTrue(files.get(root.resolve("Chopin/letter.mid").toString()).reason().orElseThrow()
                    .contains("not a Standard MIDI File"));
            assertTrue(files.get(root.resolve("Chopin/silent.mid").toString()).reason().orElseThrow()
                    .contains("no notes"));
            CatalogFile evil = files.get(root.resolve("Haydn/evil.zip").toString());
            assertEquals(MediaKind.ARCHIVE, evil.kind());
            assertEquals(FileStatus.QUARANTINED, evil.status());
            assertTrue(evil.reason().orElseThrow().contains(".."), evil.reason().toString());

            String zipPath = root.resolve("Mozart/sonatas.zip").toString();
            CatalogFile allegro = files.get(zipPath + "!k545/allegro.mid");
            assertEquals(FileStatus.INGESTED, allegro.status());
            assertEquals("mozart", allegro.composerId());
            assertEquals("mozart/sonatas/k545/allegro", allegro.pieceId());
            assertTrue(Path.of(allegro.storedPath()).startsWith(ws.sourcesDir().toRealPath()), allegro.storedPath());
            assertTrue(Files.isRegularFile(Path.of(allegro.storedPath())));
            assertEquals(MediaKind.MIDI, files.get(zipPath + "!k331/alla-turca.kar").kind());
            assertTrue(files.keySet().stream().noneMatch(k -> k.contains("README") || k.contains("pdf")));
            assertTrue(sep.length() == 1);

            StatusReport status = ws.status();
            assertEquals(2, status.composers().get("bach").ingested());
            assertEquals(1, status.composers().get("bach").duplicates());
            assertEquals(3, status.composers().get("chopin").quarantined());
            assertEquals(4, status.quarantine().size());
            assertTrue(status.toText().contains("truncated"), status.toText());
            assertEquals(5, status.total().ingested());
            assertEquals(1, ws.catalog().runs().size());
            assertEquals(4, ws.catalog().problems().size());
        }
        assertEquals(before, snapshot(root), "sources must not be modified, moved or deleted");

        // re-ingest: nothing new
        try (Workspace ws = Workspace.open(wsDir)) {
            int rows = ws.catalog().files().size();
            IngestReport again = new Ingestor().ingest(ws, root, IngestOptions.DEFAULTS, ProgressListener.NONE);
            assertEquals(0, again.ingested(), again.toText());
            assertEquals(0, again.duplicates().size(), again.toText());
            assertEquals(0, again.quarantined().size(), again.toText());
            assertEquals(10, again.alreadyCatalogued(), again.toText());
            assertEquals(rows, ws.catalog().files().size());
        }
        assertEquals(before, snapshot(root));
    }

    @Test
    void anAbortedIngestResumes() throws Exception {
        class Abort extends RuntimeException {
            private static final long serialVersionUID = 1L;
        }
        try (Workspace ws = Workspace.open(wsDir)) {
            int[] n = {0};
            assertThrows(Abort.class, () -> new Ingestor().ingest(ws, root, IngestOptions.DEFAULTS,
                    new ProgressListener() {
                        @Override public void start(String task, long total) { }
                        @Override public void advance(String item, boolean ok) {
                            if (++n[0] == 4) {
                                throw new Abort();
                            }
                        }
                        @Override public void finish() { }
                    }));
            assertEquals(5, ws.catalog().files().size(), "the refused zip and the four finished files are committed");
        }
        try (Workspace ws = Workspace.open(wsDir)) {
            IngestReport r = new Ingestor().ingest(ws, root, IngestOptions.DEFAULTS, ProgressListener.NONE);
            assertEquals(5, r.alreadyCatalogued(), r.toText());
            assertEquals(10, ws.catalog().files().size());
            assertEquals(5, ws.catalog().files(FileStatus.INGESTED).size());
        }
    }

    @Test
    void aChangedFileIsValidatedAgain() throws Exception {
        Path one = tmp.resolve("small/Liszt/a.mid");
        TestMedia.midi(one, 0, 60);
        try (Workspace ws = Workspace.open(wsDir)) {
            new Ingestor().ingest(ws, tmp.resolve("small"), IngestOptions.DEFAULTS, ProgressListener.NONE);
            Files.writeString(one, "overwritten with text");
            IngestReport r = new Ingestor().ingest(ws, tmp.resolve("small"), IngestOptions.DEFAULTS,
                    ProgressListener.NONE);
            assertEquals(1, r.quarantined().size(), r.toText());
            assertTrue(r.warnings().get(0).contains("changed"), r.warnings().toString());
            assertEquals(1, ws.catalog().files().size());
            assertEquals(FileStatus.QUARANTINED, ws.catalog().files().get(0).status());
        }
    }

    @Test
    void whenAKeptFileChangesItsDuplicatesTakeOver() throws Exception {
        Path small = tmp.resolve("small");
        Path a = TestMedia.midi(small.resolve("Liszt/a.mid"), 0, 60, 64);
        Files.copy(a, small.resolve("Liszt/b.mid"));
        Files.copy(a, small.resolve("Liszt/c.mid"));
        try (Workspace ws = Workspace.open(wsDir)) {
            new Ingestor().ingest(ws, small, IngestOptions.DEFAULTS, ProgressListener.NONE);
            TestMedia.midi(a, 0, 50, 52, 55);
            IngestReport r = new Ingestor().ingest(ws, small, IngestOptions.DEFAULTS, ProgressListener.NONE);
            assertEquals(1, r.ingested(), r.toText());
            Map<String, CatalogFile> files = byDisplay(ws.catalog().files());
            CatalogFile fa = files.get(a.toString());
            CatalogFile fb = files.get(small.resolve("Liszt/b.mid").toString());
            CatalogFile fc = files.get(small.resolve("Liszt/c.mid").toString());
            assertEquals(FileStatus.INGESTED, fa.status());
            assertEquals(Optional.of(3L), fa.notes());
            assertEquals(FileStatus.INGESTED, fb.status(), "b holds the old bytes now");
            assertEquals(Optional.of(2L), fb.notes());
            assertEquals(Optional.of(fb.id()), fc.duplicateOf());
        }
    }

    @Test
    void emptyOrMusicLessFoldersAreBadInput() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        try (Workspace ws = Workspace.open(wsDir)) {
            BadInputException e = assertThrows(BadInputException.class,
                    () -> new Ingestor().ingest(ws, empty, IngestOptions.DEFAULTS, ProgressListener.NONE));
            assertTrue(e.problem().contains("no music files"), e.getMessage());
            assertEquals(empty, e.file());

            Files.writeString(empty.resolve("README.md"), "nothing here");
            Files.createDirectories(empty.resolve("Bach"));
            Files.writeString(empty.resolve("Bach/notes.txt"), "nothing here either");
            e = assertThrows(BadInputException.class,
                    () -> new Ingestor().ingest(ws, empty, IngestOptions.DEFAULTS, ProgressListener.NONE));
            assertTrue(e.problem().contains("2 other file(s) skipped"), e.getMessage());

            e = assertThrows(BadInputException.class, () -> new Ingestor().ingest(ws, tmp.resolve("nope"),
                    IngestOptions.DEFAULTS, ProgressListener.NONE));
            assertTrue(e.problem().contains("no such"), e.getMessage());
            assertTrue(ws.catalog().files().isEmpty());
        }
    }

    @Test
    void labelsCsvGivesPieceIdsThatKeepFilesTogether() throws Exception {
        Path data = tmp.resolve("data");
        TestMedia.midi(data.resolve("perf/a.mid"), 0, 60, 64, 67);
        TestMedia.midi(data.resolve("perf/b.mid"), 0, 60, 64, 68);
        TestMedia.midi(data.resolve("score/c.mid"), 0, 60, 63, 67);
        TestMedia.zip(data.resolve("perf/more.zip"), "x/d.mid", TestMedia.midiBytes(0, 50, 52));
        Path csv = data.resolve("labels.csv");
        Files.writeString(csv, """
                path,composer,piece_id,period,split,title
                perf/a.mid,"Bach, J.S.",bwv846,baroque,train,Prelude
                perf/b.mid,J. S. Bach,bwv846,baroque,train,Prelude again
                score/c.mid,C.P.E. Bach,wq48,classical,test,Sonata
                perf/more.zip,Chopin,op28,romantic,val,Preludes
                perf/gone.mid,Chopin,op10,romantic,val,Missing
                """);
        Map<Path, String> before = snapshot(data);
        try (Workspace ws = Workspace.open(wsDir)) {
            IngestReport r = new Ingestor().ingest(ws, csv, IngestOptions.DEFAULTS, ProgressListener.NONE);
            assertEquals(4, r.ingested(), r.toText());
            assertEquals(1, r.missing().size(), r.toText());
            assertTrue(r.missing().get(0).detail().contains("line 6"), r.toText());
            assertTrue(r.hasProblems());
            Map<String, CatalogFile> files = byDisplay(ws.catalog().files());
            CatalogFile a = files.get(data.resolve("perf/a.mid").toString());
            CatalogFile b = files.get(data.resolve("perf/b.mid").toString());
            assertEquals("bach", a.composerId());
            assertEquals("Bach, J.S.", a.composerWritten());
            assertEquals(a.pieceId(), b.pieceId());
            assertEquals("bwv846", a.pieceId());
            assertEquals(Optional.of("baroque"), a.period());
            assertEquals(Optional.of("train"), a.split());
            CatalogFile c = files.get(data.resolve("score/c.mid").toString());
            assertEquals("cpe-bach", c.composerId());
            assertEquals(Optional.of("test"), c.split());
            CatalogFile d = files.get(data.resolve("perf/more.zip") + "!x/d.mid");
            assertEquals("chopin", d.composerId());
            assertEquals("op28", d.pieceId());
            assertEquals(Optional.of("val"), d.split());
            assertEquals(1, ws.catalog().problems(r.runId()).size());
        }
        assertEquals(before, snapshot(data));
    }

    @Test
    void workspaceAliasesDecideComposerIds() throws Exception {
        Path small = tmp.resolve("small");
        TestMedia.midi(small.resolve("J.S. Bach/a.mid"), 0, 60);
        TestMedia.midi(small.resolve("Dvořák/b.mid"), 0, 62);
        Files.createDirectories(wsDir);
        Files.writeString(wsDir.resolve("aliases.csv"), "alias,id\nJ.S. Bach,js-bach\n");
        try (Workspace ws = Workspace.open(wsDir)) {
            new Ingestor().ingest(ws, small, IngestOptions.DEFAULTS, ProgressListener.NONE);
            assertEquals(List.of("dvorak", "js-bach"), ws.catalog().files().stream()
                    .map(CatalogFile::composerId).sorted().toList());
        }
    }

    @Test
    void aWorkspaceInsideTheMusicFolderIsNotIngested() throws Exception {
        Path small = tmp.resolve("small");
        TestMedia.midi(small.resolve("Grieg/a.mid"), 0, 62);
        TestMedia.zip(small.resolve("Grieg/set.zip"), "b.mid", TestMedia.midiBytes(0, 64));
        try (Workspace ws = Workspace.open(small.resolve("Grieg/ws"))) {
            IngestReport first = new Ingestor().ingest(ws, small, IngestOptions.DEFAULTS, ProgressListener.NONE);
            assertEquals(2, first.ingested(), first.toText());
            // the zip member extracted into ws/sources/ must not come back as a music file of composer 'grieg'
            IngestReport again = new Ingestor().ingest(ws, small, IngestOptions.DEFAULTS, ProgressListener.NONE);
            assertEquals(2, again.found(), again.toText());
            assertEquals(0, again.skippedNonMusic(), "catalog.sqlite and aliases.csv are not even looked at");
            assertEquals(2, ws.catalog().files().size());
        }
    }

    @Test
    void audioFilesAreProbedAndBadOnesQuarantined() throws Exception {
        Path small = tmp.resolve("small");
        int rate = 22_050;
        float[] tone = new float[rate / 2];
        for (int i = 0; i < tone.length; i++) {
            tone[i] = (float) (0.3 * Math.sin(2 * Math.PI * 330 * i / rate));
        }
        Files.createDirectories(small.resolve("Ravel"));
        org.cadenza.io.audio.AudioEncoder.write(org.cadenza.io.audio.AudioClip.mono(tone, rate),
                small.resolve("Ravel/tone.flac"));
        Files.writeString(small.resolve("Ravel/fake.wav"), "RIFF? no, just text pretending to be a WAV file");
        Files.write(small.resolve("Ravel/empty.mp3"), new byte[0]);
        Files.writeString(small.resolve("labels.csv"), "path,composer,piece_id\nRavel/tone.flac,ravel,bolero\n");
        try (Workspace ws = Workspace.open(wsDir)) {
            IngestReport r = new Ingestor().ingest(ws, small, IngestOptions.DEFAULTS, ProgressListener.NONE);
            assertEquals(1, r.ingested(), r.toText());
            assertEquals(2, r.quarantined().size(), r.toText());
            assertEquals(1, r.skippedNonMusic(), "labels.csv");
            assertTrue(r.warnings().stream().anyMatch(w -> w.contains("labels.csv")), r.warnings().toString());
            CatalogFile tone1 = ws.catalog().files(FileStatus.INGESTED).get(0);
            assertEquals(MediaKind.AUDIO, tone1.kind());
            assertEquals(0.5, tone1.seconds().orElseThrow(), 0.01);
            assertEquals(Optional.empty(), tone1.notes());
            for (CatalogFile bad : ws.catalog().files(FileStatus.QUARANTINED)) {
                assertFalse(bad.reason().orElseThrow().isBlank());
                assertFalse(bad.reason().orElseThrow().contains(small.toString()), "problem() without the path");
            }
        }
    }

    @Test
    void symbolicLinksAreFollowedAndLoopsReported() throws Exception {
        Path small = tmp.resolve("small");
        Path elsewhere = TestMedia.midi(tmp.resolve("elsewhere/x.mid"), 0, 60, 67);
        Files.createDirectories(small.resolve("Elgar"));
        Files.createSymbolicLink(small.resolve("Elgar/linked.mid"), elsewhere);
        Files.createSymbolicLink(small.resolve("Elgar/loop"), small.resolve("Elgar"));
        Files.createSymbolicLink(small.resolve("Elgar/broken.mid"), tmp.resolve("nowhere.mid"));
        try (Workspace ws = Workspace.open(wsDir)) {
            IngestReport r = new Ingestor().ingest(ws, small, IngestOptions.DEFAULTS, ProgressListener.NONE);
            assertEquals(1, r.ingested(), r.toText());
            assertEquals("elgar", ws.catalog().files().get(0).composerId());
            assertTrue(r.warnings().stream().anyMatch(w -> w.contains("loop")), r.warnings().toString());
            assertTrue(r.warnings().stream().anyMatch(w -> w.contains("broken.mid")), r.warnings().toString());
        }
    }

    @Test
    void rootLevelFilesAreSkippedWithAWarning() throws Exception {
        Path small = tmp.resolve("small");
        TestMedia.midi(small.resolve("loose.mid"), 0, 60);
        TestMedia.midi(small.resolve("Grieg/a.mid"), 0, 62);
        try (Workspace ws = Workspace.open(wsDir)) {
            IngestReport r = new Ingestor().ingest(ws, small, IngestOptions.DEFAULTS, ProgressListener.NONE);
            assertEquals(1, r.ingested());
            assertTrue(r.warnings().stream().anyMatch(w -> w.contains("loose.mid")), r.warnings().toString());
        }
    }
}
