package org.cadenza.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;

/** Analysis.toJson is the documented schema (docs/analysis.schema.json), and reads back. */
class AnalysisJsonTest {

    /** The schema in docs/, found from the module folder. */
    static JsonSchema schema() throws Exception {
        Path file = Path.of("..", "docs", "analysis.schema.json");
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(new ObjectMapper().readTree(file.toFile()));
    }

    /** The schema's complaints about {@code json} (empty when it conforms). */
    static Set<ValidationMessage> problems(String json) throws Exception {
        return schema().validate(new ObjectMapper().readTree(json));
    }

    static Analysis full() {
        List<Analysis.Ranked> composers = List.of(new Analysis.Ranked("chopin", 0.6), new Analysis.Ranked("liszt", 0.3));
        Analysis.OpenSet open = new Analysis.OpenSet(Analysis.Verdict.KNOWN, "chopin", 0.5, 0.9,
                List.of(new Analysis.NearPiece("chopin/Etudes_Opus_10", "chopin", 0.4)));
        Analysis.Explanation why = new Analysis.Explanation(List.of(
                new Analysis.TimelineWindow(0, 30, new Analysis.Ranked("chopin", 0.7),
                        Optional.of(new Analysis.Ranked("romantic", 0.9))),
                new Analysis.TimelineWindow(15, 45, new Analysis.Ranked("liszt", 0.5), Optional.empty())),
                List.of(new Analysis.FeatureWeight("pitch_range", 1.5, 0.8)));
        return new Analysis(Path.of("x.mid"), 0.25, 2, composers, List.of(new Analysis.Ranked("romantic", 0.8)),
                Optional.of(open), List.of(new Analysis.Warning(Analysis.WarningKind.MODELS_DISAGREE, "m")),
                Optional.of(why), List.of(new Analysis.Instrument("strings", 0.9, 0.5, true, 0.75)),
                Map.of("composer", "/m/composer"));
    }

    static Analysis bare() {
        return new Analysis(Path.of("y.mid"), 0.1, 1, List.of(new Analysis.Ranked("bach", 1.0)), List.of(),
                Optional.empty(), List.of(), Optional.empty(), List.of(), Map.of("composer", "/m/c"));
    }

    @Test
    void everyFieldFilledConformsToTheSchemaAndReadsBack() throws Exception {
        Analysis a = full();
        String json = a.toJson();
        assertEquals(Set.of(), problems(json));
        assertEquals(a, Analysis.fromJson(json));
    }

    @Test
    void noPeriodNoOpenSetNoExplanationConformsAndReadsBack() throws Exception {
        Analysis a = bare();
        String json = a.toJson();
        assertEquals(Set.of(), problems(json));
        assertTrue(json.contains("\"openSet\" : null"), json);
        assertFalse(json.contains("explanation"), json);
        assertEquals(a, Analysis.fromJson(json));
    }

    @Test
    void theSchemaRefusesWhatTheRecordCannotHold() throws Exception {
        String json = bare().toJson();
        assertFalse(problems(json.replace("\"probability\" : 1.0", "\"probability\" : 1.5")).isEmpty());
        assertFalse(problems(json.replace("cadenza-analysis/1", "cadenza-analysis/0")).isEmpty());
        assertFalse(problems(json.replace("\"windows\"", "\"window\"")).isEmpty());
    }

    @Test
    void fromJsonRefusesOtherDocumentsWithAMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Analysis.fromJson("{}"));
        assertTrue(e.getMessage().contains("cadenza-analysis/1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Analysis.fromJson("not json"));
    }

    @Test
    void theRecordRefusesProbabilitiesOutsideZeroToOneAndNoComposer() {
        assertThrows(IllegalArgumentException.class, () -> new Analysis.Ranked("x", 1.01));
        assertThrows(IllegalArgumentException.class, () -> new Analysis.Ranked("x", Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new Analysis(Path.of("z"), 0, 0, List.of(), List.of(),
                Optional.empty(), List.of(), Optional.empty(), List.of(), Map.of()));
    }

    @Test
    void textNamesTheAnswerTheVerdictAndTheWarnings() {
        String text = full().toText();
        assertTrue(text.contains("chopin") && text.contains("60.0 %"), text);
        assertTrue(text.contains("KNOWN: nearest composer chopin"), text);
        assertTrue(text.contains("romantic 80.0 %"), text);
        assertTrue(text.contains("pitch_range"), text);
        assertTrue(text.contains("warning   m"), text);
    }
}
