package org.cadenza.eval.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.cadenza.corpus.dataset.Periods;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComposerMapWriteTest {

    private static ComposerMap.Result result(boolean withPeriods) {
        Map<String, float[]> anchors = MapFixtures.twoGroups(4, 10, 9);
        anchors.put("x0", MapFixtures.near(2, 10, 0.05, new java.util.Random(2)));
        Map<String, String> periods = new HashMap<>();
        if (withPeriods) {
            anchors.keySet().stream().filter(c -> !c.startsWith("x"))
                    .forEach(c -> periods.put(c, c.startsWith("a") ? "baroque" : "classical"));
        }
        List<EmbeddedPiece> pieces = MapFixtures.piecesAround(anchors, 4, 0.1, 10);
        return ComposerMap.build(anchors, pieces, Periods.of(periods),
                MapSettings.builder().optTsneIterations(300).build());
    }

    @Test
    void writesThePicturesTheJsonAndTheReport(@TempDir Path tmp) throws Exception {
        ComposerMap.Result r = result(true);
        Path dir = tmp.resolve("map/out");
        ComposerMap.write(r, dir);
        for (String png : List.of("dendrogram.png", "pieces-pca.png", "pieces-tsne.png")) {
            Path file = dir.resolve(png);
            assertTrue(Files.size(file) > 5_000, png + " is " + Files.size(file) + " bytes");
            BufferedImage image = ImageIO.read(file.toFile());
            assertNotNull(image, png);
            assertTrue(image.getWidth() >= 800 && image.getHeight() >= 600, png);
        }
        JsonNode json = new ObjectMapper().readTree(dir.resolve("map.json").toFile());
        assertEquals(9, json.get("composers").size());
        assertEquals(8, json.get("merges").size());
        assertTrue(json.get("merges").get(7).get("height").asDouble() > 0);
        assertEquals(9, json.get("merges").get(7).get("size").asInt()); // the root holds every anchor
        assertEquals(15, json.get("merges").get(7).get("right").asInt()); // the last merge joins merge 6 (id 9 + 6)
        assertEquals(9, json.get("leafOrder").size());
        assertEquals(2, json.get("pcaExplainedVariance").size());
        assertEquals(36, json.get("pieces").size());
        JsonNode piece = json.get("pieces").get(0);
        assertEquals(2, piece.get("pca").size());
        assertEquals(2, piece.get("tsne").size());
        assertTrue(piece.get("period").isTextual());
        JsonNode composers = json.get("agreement").get("composers");
        assertEquals(1.0, composers.get("adjustedRandIndex").asDouble(), 1e-12);
        assertEquals(r.composerAgreement().shuffledAdjustedRandIndex(),
                composers.get("shuffledAdjustedRandIndex").asDouble(), 1e-12);
        assertTrue(composers.get("verdict").asText().contains("follow the periods"));
        JsonNode pieces = json.get("agreement").get("pieces");
        assertEquals(r.pieceAgreement().knnAgreement(), pieces.get("knnAgreement").asDouble(), 1e-12);
        assertTrue(pieces.get("silhouette").isNumber());
        assertEquals("average", json.get("settings").get("linkage").asText());
        String md = Files.readString(dir.resolve("map.md"));
        assertTrue(md.contains("adjusted Rand index"), md);
        assertTrue(md.contains("![dendrogram](dendrogram.png)"), md);
        assertTrue(md.contains("x0 (unknown)"), md);
    }

    @Test
    void undefinedFiguresAreNullInTheJson(@TempDir Path tmp) throws Exception {
        ComposerMap.write(result(false), tmp);
        JsonNode json = new ObjectMapper().readTree(tmp.resolve("map.json").toFile());
        assertTrue(json.get("agreement").get("composers").get("adjustedRandIndex").isNull());
        assertTrue(json.get("agreement").get("pieces").get("knnAgreement").isNull());
        assertTrue(Files.size(tmp.resolve("dendrogram.png")) > 5_000);
    }
}
