package org.cadenza.corpus.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;

import org.cadenza.corpus.dataset.Split;
import org.cadenza.corpus.datasets.PublicDataset;
import org.junit.jupiter.api.Test;

/** The names written into catalogs, split files and folders: existing workspaces hold them, so they never change. */
class CatalogNameTest {

    @Test
    void catalogColumnsHoldLowerCaseNames() {
        assertEquals(List.of("ingested", "quarantined", "duplicate"),
                Arrays.stream(FileStatus.values()).map(FileStatus::dbName).toList());
        assertEquals(List.of("midi", "score", "audio", "archive"),
                Arrays.stream(MediaKind.values()).map(MediaKind::dbName).toList());
        assertEquals(List.of("ingest", "render", "features"),
                Arrays.stream(Stage.values()).map(Stage::dbName).toList());
        assertEquals(FileStatus.QUARANTINED, CatalogName.fromDb(FileStatus.class, "quarantined"));
        assertEquals(MediaKind.ARCHIVE, CatalogName.fromDb(MediaKind.class, "archive"));
        assertEquals(Stage.FEATURES, CatalogName.fromDb(Stage.class, "features"));
        assertThrows(IllegalArgumentException.class, () -> CatalogName.fromDb(Stage.class, "train"));
    }

    @Test
    void splitAndDatasetNames() {
        assertEquals(List.of("train", "val", "test"), Arrays.stream(Split.values()).map(Split::id).toList());
        assertEquals("val", Split.VAL.toString());
        assertEquals(List.of("asap", "piano-midi-de", "openscore-lieder", "polish-scores"),
                Arrays.stream(PublicDataset.values()).map(PublicDataset::id).toList());
        assertEquals(PublicDataset.PIANO_MIDI_DE, PublicDataset.parse(" Piano_MIDI_de "));
        assertEquals("unknown dataset 'maestro'; choose one of: asap, piano-midi-de, openscore-lieder, polish-scores",
                assertThrows(IllegalArgumentException.class, () -> PublicDataset.parse("maestro")).getMessage());
    }
}
