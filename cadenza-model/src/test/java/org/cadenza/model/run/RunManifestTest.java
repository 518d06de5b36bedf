package org.cadenza.model.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cadenza.io.BadInputException;
import org.cadenza.io.CadenzaException;
import org.cadenza.model.TrainingCounts;
import org.cadenza.model.notes.NotesSettings;
import org.cadenza.model.route.InputRoute;
import org.cadenza.model.route.RunRoute;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** run.json: one manifest per run, sections written by their owners, older runs' files read, bad ones refused. */
class RunManifestTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void oneFileHoldsEverySectionAndWhichCodeWroteIt(@TempDir Path run) throws Exception {
        RunRoute.write(run, InputRoute.NOTES);
        NotesSettings.defaults().save(run);
        new TrainingCounts(List.of("bach", "chopin"), new long[] {2, 1}, new long[] {2, 1}, new long[] {20, 9},
                new long[] {20, 9}).write(run);

        try (var files = Files.list(run)) {
            assertEquals(List.of(RunManifest.FILE), files.map(p -> p.getFileName().toString()).toList(),
                    "no sidecar beside the manifest");
        }
        JsonNode root = JSON.readTree(run.resolve(RunManifest.FILE).toFile());
        assertEquals(RunManifest.FORMAT, root.get("format").asText());
        assertEquals(RunManifest.FORMAT_VERSION, root.get("format_version").asInt());
        assertEquals(CodeVersion.current().version(), root.get("code").get("version").asText());
        assertFalse(root.get("created").asText().isEmpty());
        assertEquals("notes", root.get(RunManifest.Section.ROUTE.key()).get("input").asText());
        assertEquals(2, root.get(RunManifest.Section.COUNTS.key()).size());

        assertEquals(InputRoute.NOTES, RunRoute.of(run));
        assertEquals(NotesSettings.defaults(), NotesSettings.load(run));
        assertArrayEquals(new long[] {9, 20}, TrainingCounts.read(run, List.of("chopin", "bach")).windows());
        assertEquals(Optional.of(CodeVersion.current()), RunManifest.writtenBy(run));
    }

    @Test
    void extendedFeaturesAndWholePieceWindowsComeBackAsTheyWereSaved(@TempDir Path run) {
        NotesSettings extended = new NotesSettings(org.cadenza.features.symbolic.SymbolicParams.builder()
                .optFeatureSet(org.cadenza.features.symbolic.FeatureSet.EXTENDED).build(),
                org.cadenza.features.symbolic.NoteWindowSpec.piece(), java.util.OptionalDouble.empty(),
                NotesSettings.defaults().pedal());
        extended.save(run);
        assertEquals(extended, NotesSettings.load(run));
        assertEquals(239, new org.cadenza.features.symbolic.SymbolicFeatures(NotesSettings.load(run).features())
                .size());
    }

    @Test
    void runsMadeBeforeTheManifestLoadFromTheirOwnFiles(@TempDir Path old) throws Exception {
        Files.writeString(old.resolve("route.json"), "{\"input\" : \"notes\", \"formatVersion\" : 1}");
        Files.writeString(old.resolve("notes.json"), JSON.writeValueAsString(NotesSettings.defaults().stored()));
        Files.writeString(old.resolve("train-counts.csv"), "class,files,pieces,windows,windows_trained\nbach,2,2,20,20\n");

        assertTrue(RunManifest.isRun(old));
        assertEquals(InputRoute.NOTES, RunRoute.of(old));
        assertEquals(NotesSettings.defaults(), NotesSettings.load(old));
        assertArrayEquals(new long[] {20}, TrainingCounts.read(old, List.of("bach")).windows());
        assertEquals(Optional.empty(), RunManifest.writtenBy(old));

        // a section written now goes into a new manifest; the old files are left as they were
        RunManifest.put(old, RunManifest.Section.TRAINING, new NotesRunKeys("n", "m", "d"));
        assertEquals(new NotesRunKeys("n", "m", "d"), RunManifest.find(old, RunManifest.Section.TRAINING, NotesRunKeys.class)
                .orElseThrow());
        assertEquals(InputRoute.NOTES, RunRoute.of(old), "the route still comes from route.json");
        assertTrue(Files.isRegularFile(old.resolve("route.json")));
    }

    /** A stand-in section. */
    record NotesRunKeys(String notes, String model, String dataset) {
    }

    @Test
    void aFolderThatIsNoRunIsRefusedWithWhatToDo(@TempDir Path dir) {
        assertFalse(RunManifest.isRun(dir));
        BadInputException none = assertThrows(BadInputException.class, () -> RunRoute.of(dir));
        assertTrue(none.getMessage().contains("not a run folder") && none.getMessage().contains("cadenza train"),
                none.getMessage());
        BadInputException settings = assertThrows(BadInputException.class, () -> NotesSettings.load(dir));
        assertTrue(settings.getMessage().contains("cadenza train"), settings.getMessage());
    }

    @Test
    void aRunOfAnotherKindNamesTheMissingSection(@TempDir Path run) {
        RunRoute.write(run, InputRoute.PIANOROLL);
        BadInputException e = assertThrows(BadInputException.class, () -> NotesSettings.load(run));
        assertTrue(e.getMessage().contains("no notes settings"), e.getMessage());
        assertEquals(run.resolve(RunManifest.FILE), e.file());
    }

    @Test
    void anOpenSetOrStyleRunIsNotTakenForAClassifier(@TempDir Path run) {
        RunManifest.put(run, RunManifest.Section.MODEL, new RunManifest.ModelRef("style", "model"));
        BadInputException e = assertThrows(BadInputException.class, () -> RunRoute.of(run));
        assertTrue(e.getMessage().contains("a style model, not a classifier") && e.getMessage().contains("generate"),
                e.getMessage());
    }

    @Test
    void damagedOrForeignOrNewerManifestsAreRefused(@TempDir Path run) throws Exception {
        Path file = run.resolve(RunManifest.FILE);
        Files.writeString(file, "{ not json");
        BadInputException broken = assertThrows(BadInputException.class, () -> RunRoute.of(run));
        assertEquals(file, broken.file());

        Files.writeString(file, "{\"format\": \"something-else\"}");
        BadInputException foreign = assertThrows(BadInputException.class, () -> RunRoute.of(run));
        assertTrue(foreign.getMessage().contains("not a Cadenza run manifest"), foreign.getMessage());

        Files.writeString(file, "{\"format\": \"cadenza-run\", \"format_version\": 99, \"code\": {\"version\": \"9.0\"}}");
        CadenzaException newer = assertThrows(CadenzaException.class, () -> RunRoute.of(run));
        assertTrue(newer.getMessage().contains("newer Cadenza (9.0") && newer.getMessage().contains("update Cadenza"),
                newer.getMessage());

        Files.writeString(file, "{\"format\": \"cadenza-run\", \"format_version\": 1, \"notes\": {\"window\": 5}}");
        BadInputException section = assertThrows(BadInputException.class, () -> NotesSettings.load(run));
        assertTrue(section.getMessage().contains("train the run again"), section.getMessage());
    }

    @Test
    void theCodeVersionNamesTheBuildAndItsCommit() {
        CodeVersion v = CodeVersion.current();
        assertFalse(v.version().isBlank());
        assertTrue(v.describe().startsWith(v.version()));
        assertEquals("1.0 (abc123, with uncommitted changes)",
                new CodeVersion("1.0", Optional.of("abc123"), true).describe());
        assertEquals("1.0", new CodeVersion("1.0", Optional.empty(), false).describe());
    }
}
