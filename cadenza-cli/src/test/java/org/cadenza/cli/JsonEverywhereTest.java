package org.cadenza.cli;

import org.cadenza.io.midi.TestMidi;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cadenza.corpus.datasets.PublicDataset;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --json} wherever there is a result (ingest, render, features, datasets, enrol, map, lr-find, train-style,
 * generate, style-eval, instruments): stdout alone is one JSON document whose fields hold the values the text
 * prints. On tiny synthetic corpora, so that each command runs in seconds.
 */
class JsonEverywhereTest {

    private static final String[] TINY_STYLE = {"--epochs", "1", "--hidden", "16", "--layers", "1", "--embedding",
        "8", "--dense", "16", "--context", "32", "--batch", "4", "--tokens-per-epoch", "800", "--threads", "1"};

    @TempDir
    static Path tmp;
    static Path music;
    static Path ws;

    @BeforeAll
    static void ingest() throws Exception {
        music = TestCorpus.bassAndSoprano(tmp.resolve("music"), 6, 24);
        ws = tmp.resolve("ws");
        assertEquals(ExitCode.OK, CommandLineTest.cadenza("ingest", music.toString(), "-w", ws.toString()).code());
    }

    /** Runs the command, checks its exit code and reads its whole stdout as one JSON document. */
    private static JsonNode json(int expectedCode, String... args) throws Exception {
        CommandLineTest.Result r = CommandLineTest.cadenza(args);
        assertEquals(expectedCode, r.code(), r.output());
        return read(r.stdout());
    }

    /** The text as one JSON document, and nothing after it. */
    private static JsonNode read(String stdout) throws Exception {
        return new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(stdout);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String[] with(String[] tail, String... head) {
        String[] out = Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, out, head.length, tail.length);
        return out;
    }

    @Test
    void ingestRenderAndFeaturesReportTheirCountsAndEveryProblem() throws Exception {
        Path folder = tmp.resolve("small");
        Path one = TestMidi.melody(folder.resolve("Bach/one.mid"), 60, 8, 0);
        Path copy = Files.copy(one, folder.resolve("Bach/copy.mid"));
        TestMidi.melody(folder.resolve("Chopin/etude.mid"), 48, 12, 0);
        Path bad = Files.writeString(folder.resolve("Chopin/notes.mid"), "this is a text file, not MIDI\n");
        Path small = tmp.resolve("small-ws");

        JsonNode i = json(ExitCode.PARTIAL, "ingest", folder.toString(), "-w", small.toString(), "--json");
        assertEquals(folder.toString(), i.get("input").asText());
        assertEquals(4, i.get("found").asInt(), i.toString());
        assertEquals(2, i.get("ingested").asInt(), i.toString());
        assertEquals(0, i.get("alreadyCatalogued").asInt(), i.toString());
        assertEquals(1, i.get("duplicates").size(), i.toString());
        JsonNode dup = i.get("duplicates").get(0);
        assertEquals(Set.of("one.mid", "copy.mid"), Set.of(Path.of(dup.get("path").asText()).getFileName().toString(),
                Path.of(dup.get("kept").asText()).getFileName().toString()), i.toString());
        assertEquals(1, i.get("quarantined").size(), i.toString());
        assertTrue(i.get("quarantined").get(0).get("path").asText().endsWith("notes.mid"), i.toString());
        assertTrue(i.get("quarantined").get(0).get("reason").asText().contains("not a Standard MIDI File"),
                i.toString());
        assertEquals(0, i.get("missing").size(), i.toString());
        assertTrue(copy.toFile().exists() && bad.toFile().exists(), "sources are left alone");

        Path csv = Files.createDirectories(tmp.resolve("csv")).resolve("labels.csv");
        Files.copy(one, csv.resolveSibling("real.mid"));
        Files.writeString(csv, "path,composer,piece_id\nreal.mid,bach,real\nghost.mid,bach,ghost\n");
        JsonNode c = json(ExitCode.PARTIAL, "ingest", csv.toString(), "-w", tmp.resolve("csv-ws").toString(), "--json");
        assertEquals(1, c.get("ingested").asInt(), c.toString());
        assertEquals(1, c.get("missing").size(), c.toString());
        assertTrue(c.get("missing").get(0).get("path").asText().endsWith("ghost.mid"), c.toString());
        assertTrue(c.get("missing").get(0).get("reason").asText().contains("not found, listed on line 3"),
                c.toString());

        JsonNode r = json(ExitCode.OK, "render", small.toString(), "--json");
        assertEquals("render", r.get("stage").asText());
        assertEquals(2, r.get("done").asInt(), r.toString());
        assertEquals(0, r.get("failed").asInt(), r.toString());
        assertEquals(0, r.get("problems").size(), r.toString());
        JsonNode again = json(ExitCode.OK, "render", small.toString(), "--json");
        assertEquals(0, again.get("done").asInt(), again.toString());
        assertEquals(2, again.get("skipped").asInt(), again.toString());

        JsonNode f = json(ExitCode.OK, "features", small.toString(), "--window", "2s", "--json");
        assertEquals("features", f.get("stage").asText());
        assertEquals(2, f.get("done").asInt(), f.toString());
        // 4 s and 6 s of music (plus a short release tail): 2 + 3 whole 2-s windows, as the text says
        assertEquals(5, f.get("windows").get("count").asInt(), f.toString());
        assertEquals(2.0, f.get("windows").get("windowSeconds").asDouble(), 1e-9);
        assertEquals(2.0, f.get("windows").get("hopSeconds").asDouble(), 1e-9);
        assertEquals("LOGMEL", f.get("windows").get("kind").asText());
        assertTrue(CommandLineTest.ok("features", small.toString(), "--window", "2s").stdout()
                .contains("5 windows of 2 s every 2 s"), "the text holds the same count");
    }

    @Test
    void datasetsListsEveryPublicCorpusAndFetchSaysWhereItCameFrom() throws Exception {
        JsonNode list = json(ExitCode.OK, "datasets", "list", "--json");
        assertEquals(PublicDataset.values().length, list.size(), list.toString());
        for (int k = 0; k < list.size(); k++) {
            PublicDataset d = PublicDataset.values()[k];
            assertEquals(d.id(), list.get(k).get("id").asText());
            assertEquals("https://github.com/" + d.repository(), list.get(k).get("repository").asText());
            assertEquals(d.commit(), list.get(k).get("commit").asText());
            assertEquals(d.content(), list.get(k).get("content").asText());
        }
        String text = CommandLineTest.ok("datasets", "list").stdout();
        for (String shown : List.of("openscore-lieder  MusicXML scores, https://github.com/OpenScore/Lieder @ bca122458de6",
                "polish-scores     Humdrum kern scores, https://github.com/pl-wnifc/humdrum-polish-scores @ c0403623c0da",
                "licence: CC BY 4.0; attribution: Polish Music Heritage in Open Access")) {
            assertTrue(text.contains(shown), text);
        }
        Optional<Path> asap = TestCorpus.asap();
        Assumptions.assumeTrue(asap.isPresent(), "CADENZA_DATA is not set (or lacks asap/): fetch needs a local copy");
        JsonNode fetched = json(ExitCode.OK, "datasets", "fetch", "asap", "--to", tmp.resolve("datasets").toString(),
                "--json");
        assertEquals("asap", fetched.get("dataset").asText());
        assertEquals("LOCAL_COPY", fetched.get("source").asText());
        assertEquals(asap.get().toRealPath(), Path.of(fetched.get("folder").asText()).toRealPath());
        assertTrue(fetched.get("files").asInt() > 100, fetched.toString());
        assertEquals(0, fetched.get("skipped").size(), "a local copy without skipped.csv left nothing out");
    }

    @Test
    void enrolListRemoveAndMapOfAnEmbedding() throws Exception {
        Path run = tmp.resolve("emb");
        CommandLineTest.ok("embed", "-w", ws.toString(), "--run", run.toString(), "--note-window", "4s/2s",
                "--epochs", "2", "--composers-per-batch", "2", "--windows-per-composer", "4", "--dim", "8");
        Path a = TestMidi.melody(tmp.resolve("new/tenor1.mid"), 55, 20, 0);
        Path b = TestMidi.melody(tmp.resolve("new/tenor2.mid"), 57, 20, 0);

        JsonNode e = json(ExitCode.OK, "enrol", run.toString(), "--composer", "tenore", a.toString(), b.toString(),
                "--json");
        assertEquals("enrol", e.get("action").asText());
        assertEquals("tenore", e.get("composer").asText());
        assertEquals(2, e.get("pieces").asInt());
        assertEquals(List.of(a.toString(), b.toString()), texts(e.get("files")));
        assertTrue(Set.of("basso", "soprano").contains(e.get("nearestOther").get("composer").asText()), e.toString());
        assertTrue(e.get("nearestOther").get("distance").asDouble() >= 0, e.toString());

        JsonNode list = json(ExitCode.OK, "enrol", run.toString(), "--list", "--json");
        assertEquals(Set.of("basso", "soprano"), Set.copyOf(texts(list.get("trained"))), list.toString());
        assertEquals(2, list.get("enrolled").get("tenore").asInt(), list.toString());

        JsonNode removed = json(ExitCode.OK, "enrol", run.toString(), "--remove", "tenore", "--json");
        assertEquals("remove", removed.get("action").asText());
        assertEquals("tenore", removed.get("composer").asText());
        assertFalse(json(ExitCode.OK, "enrol", run.toString(), "--list", "--json").get("enrolled").has("tenore"));

        Path out = tmp.resolve("map");
        JsonNode m = json(ExitCode.OK, "map", run.toString(), "--out", out.toString(), "--json");
        assertEquals(out.toString(), m.get("out").asText());
        assertEquals("average", m.get("linkage").asText());
        List<String> composers = new ArrayList<>();
        m.get("composers").forEach(c -> composers.add(c.get("composer").asText()));
        assertEquals(List.of("basso", "soprano"), composers, m.toString());
        assertEquals(Set.copyOf(composers), Set.copyOf(texts(m.get("leafOrder"))), m.toString());
        assertEquals(m.get("pieces").asInt(), m.get("pieceAgreement").get("pieces").asInt(), m.toString());
        for (String file : texts(m.get("files"))) {
            assertTrue(Files.isRegularFile(Path.of(file)), file);
        }
        assertEquals(5, m.get("files").size(), m.toString());
    }

    @Test
    void trainStyleGenerateAndStyleEval() throws Exception {
        Path style = tmp.resolve("style");
        JsonNode t = json(ExitCode.OK, with(TINY_STYLE, "train-style", ws.toString(), "--run", style.toString(),
                "--composer", "basso", "--json"));
        assertEquals(style.toString(), t.get("run").asText());
        assertTrue(Files.isDirectory(Path.of(t.get("model").asText())), t.toString());
        assertEquals(List.of("basso"), texts(t.get("composers")));
        assertFalse(t.get("conditioned").asBoolean());
        assertEquals(1, t.get("bestEpoch").asInt(), t.toString());
        assertEquals(1, t.get("epochs").asInt(), t.toString());
        int files = 0;
        for (String s : List.of("train", "val", "test")) {
            files += t.get("pieces").get(s).get("files").asInt();
        }
        assertEquals(6, files, t.toString());
        assertTrue(t.get("pieces").get("train").get("tokens").asLong() > 0, t.toString());
        JsonNode val = t.get("validation");
        assertEquals(Math.exp(val.get("nll").asDouble()), val.get("perplexity").asDouble(), 1e-6);
        assertTrue(val.get("uniformNll").asDouble() > 0, t.toString());

        Path mid = tmp.resolve("gen/new.mid");
        CommandLineTest.Result g = CommandLineTest.cadenza("generate", "--run", style.toString(), "--composer",
                "basso", "--length", "4s", "--seed", "3", "--out", mid.toString(), "--no-png", "--json");
        assertTrue(g.code() == ExitCode.OK || g.code() == ExitCode.PARTIAL, g.output());
        JsonNode gen = read(g.stdout());
        assertEquals(mid.toString(), gen.get("midi").asText());
        assertTrue(Files.isRegularFile(mid));
        assertEquals(tmp.resolve("gen/new.wav").toString(), gen.get("wav").asText());
        assertTrue(Files.isRegularFile(tmp.resolve("gen/new.wav")));
        assertFalse(gen.has("png"), "no piano roll was asked for");
        assertEquals(4.0, gen.get("requestedSeconds").asDouble(), 1e-9);
        assertTrue(gen.get("tokens").asInt() > 0, gen.toString());
        assertEquals(gen.get("checks").get("passed").asBoolean(), g.code() == ExitCode.OK, gen.toString());
        assertTrue(gen.get("checks").get("results").size() >= 3, gen.toString());
        for (JsonNode c : gen.get("checks").get("results")) {
            assertTrue(c.has("check") && c.has("measured") && c.has("limit") && c.has("passed"), gen.toString());
        }

        Path eval = tmp.resolve("style-eval");
        JsonNode ev = json(ExitCode.OK, "style-eval", style.toString(), "-w", ws.toString(), "--out",
                eval.toString(), "--pieces", "2", "--seconds", "4", "--json");
        assertEquals("basso", ev.get("composer").asText());
        assertEquals(eval.resolve("style-eval.md").toString(), ev.get("report").asText());
        JsonNode l = ev.get("likelihood");
        assertEquals(Math.exp(l.get("model").get("nll").asDouble()), l.get("model").get("perplexity").asDouble(),
                1e-6);
        assertEquals(val.get("uniformNll").asDouble(), l.get("uniform").asDouble(), 1e-9);
        assertTrue(ev.get("sets").size() >= 2, ev.toString());
        for (JsonNode s : ev.get("sets")) {
            double passed = s.get("degeneracyPassed").asDouble();
            assertTrue(passed >= 0 && passed <= 1, ev.toString());
        }
    }

    @Test
    void lrFindAndInstrumentsOnRenderedAudio() throws Exception {
        Path audio = TestCorpus.featurised(music, tmp.resolve("audio-ws"), "2s");
        Path lr = tmp.resolve("lr");
        JsonNode j = json(ExitCode.OK, "lr-find", audio.toString(), "--run", lr.toString(), "--window", "2s",
                "--hop", "500ms", "--steps", "12", "--json");
        assertEquals(lr.toString(), j.get("run").asText());
        assertEquals(lr.resolve("lr-find.png").toString(), j.get("plot").asText());
        assertTrue(Files.size(lr.resolve("lr-find.png")) > 1000);
        double suggested = j.get("suggestedLr").asDouble();
        assertTrue(suggested >= 1e-6 && suggested <= 1, j.toString());
        assertTrue(j.get("steps").asInt() >= 1 && j.get("steps").asInt() <= 12, j.toString());

        Path inst = tmp.resolve("inst");
        JsonNode i = json(ExitCode.OK, "instruments", audio.toString(), "--run", inst.toString(), "--epochs", "1",
                "--rare", "1", "--threads", "2", "--json");
        assertEquals(inst.resolve("instruments.md").toString(), i.get("report").asText());
        assertTrue(Files.isRegularFile(inst.resolve("instruments.md")));
        List<String> families = texts(i.get("families"));
        assertEquals(2, families.size(), i.toString());
        for (String level : List.of("byWindow", "byPiece")) {
            JsonNode l = i.get(level);
            JsonNode model = l.get("model");
            assertEquals(families.size(), model.get("perLabel").size(), i.toString());
            assertEquals(families.size(), l.get("thresholds").size(), i.toString());
            double exact = model.get("exactMatchRatio").asDouble();
            assertTrue(exact >= 0 && exact <= 1, i.toString());
            assertEquals(3, l.get("baselines").size(), i.toString());
            assertTrue(l.get("baselines").get(0).get("name").asText().startsWith("prior"), i.toString());
        }
        int pieces = i.get("byPiece").get("model").get("items").asInt();
        assertTrue(pieces > 0 && pieces < i.get("byWindow").get("model").get("items").asInt(), i.toString());
    }

    @Test
    void opensetPrintsEveryFoldRowAndFewShotResult() throws Exception {
        Path four = tmp.resolve("four");
        String[] composers = {"Basso", "Tenore", "Alto", "Soprano"};
        for (int c = 0; c < composers.length; c++) {
            for (int i = 0; i < 5; i++) {
                TestMidi.melody(four.resolve(composers[c] + "/piece" + i + ".mid"), 36 + 14 * c + i, 16, 8 * c);
            }
        }
        Path fourWs = tmp.resolve("four-ws");
        CommandLineTest.ok("ingest", four.toString(), "-w", fourWs.toString());
        Path out = tmp.resolve("openset");
        JsonNode o = json(ExitCode.OK, "openset", fourWs.toString(), "--out", out.toString(), "--folds", "2",
                "--min-pieces", "4", "--epochs", "1", "--variants", "softmax", "--shots", "1", "--draws", "2",
                "--note-window", "4s/2s", "--composers-per-batch", "2", "--windows-per-composer", "4", "--dim", "8",
                "--json");
        assertEquals(out.toString(), o.get("out").asText());
        assertTrue(Files.isRegularFile(Path.of(o.get("report").asText())), o.toString());
        assertEquals(2, o.get("folds").size(), o.toString());
        for (JsonNode fold : o.get("folds")) {
            Set<String> known = Set.copyOf(texts(fold.get("known")));
            Set<String> unseen = Set.copyOf(texts(fold.get("unseen")));
            assertFalse(unseen.isEmpty(), o.toString());
            assertTrue(known.stream().noneMatch(unseen::contains), "a fold's unseen composers are not known: " + o);
        }
        Set<String> variants = new java.util.HashSet<>();
        for (JsonNode row : o.get("rows")) {
            variants.add(row.get("variant").asText());
            double auroc = row.get("summary").get("auroc").asDouble();
            assertTrue(Double.isNaN(auroc) || (auroc >= 0 && auroc <= 1), o.toString());
            assertTrue(row.get("fold").asInt() >= 1 && row.get("fold").asInt() <= 2, o.toString());
        }
        assertTrue(variants.contains("softmax"), o.toString());
        assertTrue(o.get("fewShot").size() >= 1, o.toString());
        assertEquals(1, o.get("fewShot").get(0).get("k").asInt(), o.toString());
    }
}
