package org.cadenza.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.cadenza.io.midi.NoteReader;
import org.cadenza.io.midi.NoteSequence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Style models on real asap scores (three composers, eight pieces each, a tiny network for two short epochs): train,
 * resume, generate deterministically with MIDI, WAV and piano roll, refuse what it should, and evaluate beside the
 * baselines with a notes classifier as the judge.
 */
class StyleOnRealDataTest {

    private static final String[] TINY = {"--epochs", "2", "--hidden", "32", "--layers", "1", "--embedding", "16",
        "--dense", "32", "--context", "64", "--batch", "8", "--tokens-per-epoch", "6000", "--threads", "1"};

    private static String[] args(String... head) {
        String[] out = new String[head.length + TINY.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(TINY, 0, out, head.length, TINY.length);
        return out;
    }

    private static void copyTree(Path from, Path to) throws java.io.IOException {
        try (java.util.stream.Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    @Test
    void trainGenerateAndEvaluate(@TempDir Path tmp) throws Exception {
        Path ws = TestCorpus.ingestedAsapScores(tmp, List.of("bach", "beethoven",
                "chopin"), 8);

        Path style = tmp.resolve("style");
        CommandLineTest.Result trained = CommandLineTest.ok(args("train-style", ws.toString(), "--run",
                style.toString(), "--composer", "chopin"));
        assertTrue(trained.output().contains("style model: "), trained.output());
        assertTrue(trained.output().contains("validation: NLL"), trained.output());
        assertTrue(Files.exists(style.resolve("model/weights.params")));
        assertTrue(Files.readString(style.resolve("model/pieces.csv")).contains("chopin"));
        CommandLineTest.Result again = CommandLineTest.ok(args("train-style", ws.toString(), "--run",
                style.toString(), "--composer", "chopin"));
        assertTrue(again.output().contains("best epoch"), "a finished run is reported, not retrained");

        Path a = tmp.resolve("a.mid");
        CommandLineTest.Result gen = CommandLineTest.cadenza("generate", "--run", style.toString(), "--composer",
                "chopin", "--length", "8s", "--seed", "5", "--out", a.toString());
        assertTrue(gen.code() == ExitCode.OK || gen.code() == ExitCode.PARTIAL, gen.output());
        assertTrue(gen.output().contains("checks: "), gen.output());
        assertTrue(Files.size(tmp.resolve("a.wav")) > 1000, "a WAV is rendered beside the MIDI");
        assertTrue(Files.size(tmp.resolve("a.png")) > 1000, "a piano roll is drawn beside the MIDI");
        NoteSequence first = NoteReader.read(a);
        assertTrue(!first.notes().isEmpty(), "the MIDI file plays: " + first);

        Path b = tmp.resolve("b.mid");
        CommandLineTest.cadenza("generate", "--run", style.toString(), "--composer", "chopin", "--length", "8s",
                "--seed", "5", "--out", b.toString(), "--no-wav", "--no-png");
        assertEquals(first.notes(), NoteReader.read(b).notes(), "the same seed writes the same music");
        assertTrue(!Files.exists(tmp.resolve("b.wav")));
        Path c = tmp.resolve("c.mid");
        CommandLineTest.cadenza("generate", "--run", style.toString(), "--composer", "chopin", "--length", "8s",
                "--seed", "6", "--out", c.toString(), "--no-wav", "--no-png");
        assertNotEquals(first.notes(), NoteReader.read(c).notes(), "another seed writes other music");

        CommandLineTest.Result exists = CommandLineTest.cadenza("generate", "--run", style.toString(),
                "--composer", "chopin", "--out", a.toString());
        assertEquals(ExitCode.ERROR, exists.code(), exists.output());
        assertTrue(exists.output().contains("a.mid exists"), exists.output());
        CommandLineTest.Result other = CommandLineTest.cadenza("generate", "--run", style.toString(),
                "--composer", "bach", "--out", tmp.resolve("x.mid").toString());
        assertEquals(ExitCode.ERROR, other.code(), other.output());
        assertTrue(other.output().contains("writes for [chopin]"), other.output());

        Path home = tmp.resolve("home");
        copyTree(style, home.resolve("style-models").resolve("chopin"));
        String before = System.getProperty("cadenza.home");
        System.setProperty("cadenza.home", home.toString());
        try {
            CommandLineTest.Result byDefault = CommandLineTest.cadenza("generate", "--composer", "chopin", "--length",
                    "8s", "--seed", "5", "--no-wav", "--no-png", "--out", tmp.resolve("default.mid").toString());
            assertTrue(byDefault.code() == ExitCode.OK || byDefault.code() == ExitCode.PARTIAL, byDefault.output());
            assertEquals(first.notes(), NoteReader.read(tmp.resolve("default.mid")).notes(),
                    "without --model the composer's default model in the home folder writes");
        } finally {
            if (before == null) {
                System.clearProperty("cadenza.home");
            } else {
                System.setProperty("cadenza.home", before);
            }
        }

        Path primed = tmp.resolve("primed.mid");
        Path primer = TestCorpus.asap().orElseThrow().resolve("chopin/Etudes_op_10/3/midi_score.mid");
        assumeTrue(Files.exists(primer), primer + " is part of asap");
        CommandLineTest.Result cont = CommandLineTest.cadenza("generate", "--run", style.toString(), "--composer",
                "chopin", "--length", "4bars", "--primer", primer.toString(), "--primer-seconds", "5",
                "--keep-primer", "--no-wav", "--out", primed.toString());
        assertTrue(cont.code() == ExitCode.OK || cont.code() == ExitCode.PARTIAL, cont.output());
        NoteSequence p = NoteReader.read(primer);
        assertEquals(p.notes().get(0).pitch(), NoteReader.read(primed).notes().get(0).pitch(),
                "a kept primer opens the piece");

        Path notMidi = tmp.resolve("primer.txt");
        Files.writeString(notMidi, "not music");
        CommandLineTest.Result badPrimer = CommandLineTest.cadenza("generate", "--run", style.toString(),
                "--composer", "chopin", "--primer", notMidi.toString(), "--out", tmp.resolve("y.mid").toString());
        assertEquals(ExitCode.BAD_INPUT, badPrimer.code(), badPrimer.output());
        assertTrue(badPrimer.output().contains("primer.txt"), badPrimer.output());
        assertTrue(!Files.exists(tmp.resolve("y.mid")), "nothing is written for a bad primer");

        Path judge = tmp.resolve("judge");
        CommandLineTest.Result j = CommandLineTest.ok("train", ws.toString(), "--run", judge.toString(),
                "--input", "notes", "--classifier", "logistic", "--note-window", "20s/10s");
        Path eval = tmp.resolve("eval");
        CommandLineTest.Result ev = CommandLineTest.ok("style-eval", style.toString(), ws.toString(), "--judge",
                judge.toString(), "--out", eval.toString(), "--pieces", "3", "--seconds", "20");
        String md = Files.readString(eval.resolve("style-eval.md"));
        for (String s : List.of("Held-out likelihood", "unigram", "uniform guess", "random baseline",
                "real held-out", "generated", "style fidelity")) {
            assertTrue(md.contains(s), s + " in the report:\n" + md);
        }
        String csv = Files.readString(eval.resolve("pieces.csv"));
        assertEquals(1 + 3 + 3, csv.lines().filter(l -> l.startsWith("generated") || l.startsWith("random")
                || l.startsWith("set,")).count(), csv);
        assertTrue(Files.exists(eval.resolve("midi/generated/chopin-seed01.wav")));

        Path cond = tmp.resolve("cond");
        CommandLineTest.Result both = CommandLineTest.ok(args("train-style", ws.toString(), "--run",
                cond.toString(), "--composer", "all", "--balance-composers"));
        assertTrue(both.output().contains("conditioned on [bach, beethoven, chopin]"), both.output());
        String saved = Files.readString(cond.resolve("model/style-model.json"));
        assertTrue(saved.contains("\"balanceComposers\" : true") && saved.contains("\"conditionEveryStep\" : true"),
                saved);
        CommandLineTest.Result bach = CommandLineTest.cadenza("generate", "--run", cond.toString(), "--composer",
                "bach", "--length", "5s", "--no-wav", "--no-png", "--out", tmp.resolve("bach.mid").toString());
        assertTrue(bach.code() == ExitCode.OK || bach.code() == ExitCode.PARTIAL, bach.output());
        assertTrue(Files.exists(tmp.resolve("bach.mid")));
    }
}
