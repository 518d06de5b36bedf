package org.cadenza.eval.map;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Hand-built embeddings for the map tests: points near chosen axes of a small space, seeded. */
final class MapFixtures {

    private MapFixtures() {
    }

    /** @return a vector of {@code dim} values near the unit vector of {@code axis}, noise of {@code noise} per value */
    static float[] near(int axis, int dim, double noise, Random random) {
        float[] v = new float[dim];
        for (int i = 0; i < dim; i++) {
            v[i] = (float) (noise * random.nextGaussian());
        }
        v[axis] += 1f;
        return v;
    }

    /** @return the unit vector at {@code degrees} on the plane of a 2-D space */
    static float[] angle(double degrees) {
        double r = Math.toRadians(degrees);
        return new float[] {(float) Math.cos(r), (float) Math.sin(r)};
    }

    /** Two groups of {@code perGroup} anchors, "a0".. near axis 0 and "b0".. near axis 1. */
    static Map<String, float[]> twoGroups(int perGroup, int dim, long seed) {
        Random random = new Random(seed);
        Map<String, float[]> anchors = new LinkedHashMap<>();
        for (int i = 0; i < perGroup; i++) {
            anchors.put("a" + i, near(0, dim, 0.05, random));
            anchors.put("b" + i, near(1, dim, 0.05, random));
        }
        return anchors;
    }

    /** {@code perComposer} pieces around each anchor's direction. */
    static List<EmbeddedPiece> piecesAround(Map<String, float[]> anchors, int perComposer, double noise, long seed) {
        Random random = new Random(seed);
        List<EmbeddedPiece> pieces = new ArrayList<>();
        anchors.forEach((composer, anchor) -> {
            for (int p = 0; p < perComposer; p++) {
                float[] v = anchor.clone();
                for (int i = 0; i < v.length; i++) {
                    v[i] += (float) (noise * random.nextGaussian());
                }
                pieces.add(new EmbeddedPiece(composer + "/piece" + p, composer, v));
            }
        });
        return pieces;
    }

    /** Composer "x"'s pieces around its anchor on axis 0, composer "y"'s around its anchor on another axis. */
    record TwoBlobs(Map<String, float[]> anchors, List<EmbeddedPiece> pieces) {
    }

    /**
     * @param yAxis    the axis of composer "y"'s anchor (x's is axis 0)
     * @param dim      dimensions
     * @param perBlob  pieces per composer, named {@code x/0, y/0, x/1...} in that order
     * @param noise    the pieces' noise per value
     * @param seed     seed of the one random stream the anchors and then the pieces are drawn from
     */
    static TwoBlobs twoBlobs(int yAxis, int dim, int perBlob, double noise, long seed) {
        Random random = new Random(seed);
        float[] x = near(0, dim, 0, random);
        float[] y = near(yAxis, dim, 0, random);
        List<EmbeddedPiece> pieces = new ArrayList<>();
        for (int i = 0; i < perBlob; i++) {
            pieces.add(new EmbeddedPiece("x/" + i, "x", near(0, dim, noise, random)));
            pieces.add(new EmbeddedPiece("y/" + i, "y", near(yAxis, dim, noise, random)));
        }
        return new TwoBlobs(Map.of("x", x, "y", y), pieces);
    }
}
