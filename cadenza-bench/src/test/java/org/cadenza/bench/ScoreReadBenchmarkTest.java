package org.cadenza.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.cadenza.corpus.ProgressListener;
import org.cadenza.io.score.TestScores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoreReadBenchmarkTest {

    @TempDir
    Path dir;

    /** One row per format found, the notes counted, a broken file listed with the reader's reason. */
    @Test
    void countsFilesNotesAndFailuresPerFormat() throws Exception {
        TestScores.kern(dir.resolve("a/one.krn"), "Chopin");
        TestScores.kern(dir.resolve("a/two.krn"), "Chopin");
        TestScores.musicXml(dir.resolve("b/song.musicxml"), "Clara Schumann");
        Files.writeString(dir.resolve("a/broken.krn"), "**kern\n4c\n4x\n*-\n");
        Files.writeString(dir.resolve("a/readme.txt"), "not music");
        ScoreReadBenchmark.Result r = ScoreReadBenchmark.run(List.of(dir), 2, "cadenza bench scores", ProgressListener.NONE);
        assertEquals(2, r.rows().size(), r.rows().toString());
        ScoreReadBenchmark.Row kern = r.rows().stream().filter(x -> x.format().equals("kern")).findFirst().orElseThrow();
        assertEquals(3, kern.files());
        assertEquals(1, kern.failed());
        assertEquals(2L * TestScores.KERN_NOTES, kern.notes());
        ScoreReadBenchmark.Row xml = r.rows().stream().filter(x -> x.format().equals("musicxml")).findFirst()
                .orElseThrow();
        assertEquals(TestScores.MUSICXML_NOTES, xml.notes());
        assertEquals(1, r.failures().size());
        assertTrue(r.failures().get(0).problem().contains("line 3"), r.failures().get(0).problem());
        assertTrue(r.toMarkdown().contains("| kern | 3 | 1 |"), r.toMarkdown());
    }
}
