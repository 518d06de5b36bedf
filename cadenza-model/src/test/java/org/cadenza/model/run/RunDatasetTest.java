package org.cadenza.model.run;

import org.cadenza.corpus.dataset.DatasetSpec;
import org.cadenza.corpus.dataset.Periods;
import org.cadenza.corpus.dataset.Target;
import org.cadenza.corpus.dataset.WindowSelection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The manifest's dataset section: target, selection, workspace, own periods table; older runs' files read. */
class RunDatasetTest {

    @Test
    void theDatasetSectionKeepsTargetSelectionWorkspaceAndAnOwnPeriodsTable(@TempDir Path tmp) throws Exception {
        Periods own = Periods.of(Map.of("bach", "baroque", "chopin", "romantic"));
        DatasetSpec spec = DatasetSpec.builder().optTarget(new Target.Period(own))
                .optSelection(new WindowSelection(Optional.of(60.0), WindowSelection.StartAt.FIRST_SOUND, 50.0)).build();
        Path run = tmp.resolve("run");
        RunDataset.save(spec, run, tmp.resolve("ws"));

        RunDataset back = RunDataset.load(run);
        assertEquals(Optional.of(60.0), back.firstSeconds());
        assertEquals(WindowSelection.StartAt.FIRST_SOUND, back.startAt());
        assertEquals(spec.target().key(), back.parsedTarget(run).key(), "the run's own table rebuilds its classes");
        assertEquals(Optional.of(tmp.resolve("ws").toAbsolutePath().normalize()), RunDataset.workspaceOf(run));
        String manifest = Files.readString(run.resolve(RunManifest.FILE));
        assertTrue(manifest.contains("\"dataset_key\" : \"" + spec.key().replace("\"", "\\\"") + "\""), manifest);
        assertTrue(manifest.contains("\"chopin\" : \"romantic\""), manifest);
    }

    @Test
    void runsMadeBeforeTheManifestReadTheirRunDatasetJsonAndPeriodsCsv(@TempDir Path old) throws Exception {
        Periods own = Periods.of(Map.of("bach", "baroque", "chopin", "romantic"));
        String key = new Target.Period(own).key();
        Files.writeString(old.resolve("run-dataset.json"), "{\"target\" : \"period\", \"target_key\" : \"" + key
                + "\", \"first_seconds\" : null, \"start_at\" : \"FILE_START\", \"silence_db\" : 60.0, "
                + "\"workspace\" : \"/data/ws\"}");
        Files.writeString(old.resolve("periods.csv"), "composer,period\nbach,baroque\nchopin,romantic\n");
        RunDataset back = RunDataset.load(old);
        assertEquals(key, back.parsedTarget(old).key());
        assertEquals(Optional.of(Path.of("/data/ws")), RunDataset.workspaceOf(old));
    }

    @Test
    void readsTheTargetAndSelectionOfRunsMadeBeforeRunDatasetJsonFromDatasetTxt() {
        Path f = Path.of("dataset.txt");
        RunDataset asap = RunDataset.fromDatasetLine(f, "dataset target=composer;split=file(sha256=9f2);seed=42;"
                + "min_pieces=2;classes=all;balancing=none;sampling=ROUND_ROBIN;selection=first=180.0;"
                + "start=first_sound;silence_db=60.0");
        assertEquals("composer", asap.target());
        assertEquals(180.0, asap.firstSeconds().orElseThrow());
        assertEquals(WindowSelection.StartAt.FIRST_SOUND, asap.startAt());
        assertEquals(Target.COMPOSER, asap.parsedTarget(f));

        RunDataset chopin = RunDataset.fromDatasetLine(f, "dataset target=one-vs-rest:chopin;split=random(0.7/0.1/0.2);"
                + "seed=1;min_pieces=2;classes=all;balancing=oversample;sampling=ROUND_ROBIN;selection=first=all;"
                + "start=file_start;augment=transpose=2");
        assertEquals(new Target.OneVsRest("chopin"), chopin.parsedTarget(f));
        assertTrue(chopin.firstSeconds().isEmpty());

        String builtIn = Target.parse("period").key();
        assertEquals("period", RunDataset.fromDatasetLine(f, "dataset target=" + builtIn + ";selection=first=all")
                .parsedTarget(f).name());
        RunDataset otherTable = RunDataset.fromDatasetLine(f, "dataset target=period{table-sha256=abc};"
                + "selection=first=all");
        assertThrows(org.cadenza.io.BadInputException.class, () -> otherTable.parsedTarget(f));
        assertThrows(org.cadenza.io.BadInputException.class, () -> RunDataset.fromDatasetLine(f, "garbage"));
    }
}
