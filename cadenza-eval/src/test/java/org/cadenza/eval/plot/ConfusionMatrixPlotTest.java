package org.cadenza.eval.plot;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.cadenza.eval.ConfusionMatrix;
import org.cadenza.eval.Pictures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfusionMatrixPlotTest {

    /** 25 composers, mostly right, some confusions; seeded. */
    private static ConfusionMatrix matrix(int n) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add("composer-" + (char) ('a' + i % 26) + "-" + "x".repeat(i % 9));
        }
        Random random = new Random(42);
        long[][] counts = new long[n][n];
        for (int t = 0; t < n; t++) {
            counts[t][t] = 5 + random.nextInt(60);
            for (int k = 0; k < 4; k++) {
                counts[t][random.nextInt(n)] += random.nextInt(8);
            }
        }
        return new ConfusionMatrix(names, counts);
    }

    @Test
    void twentyFiveClassesRenderQuicklyWithTheirColours(@TempDir Path dir) throws Exception {
        ConfusionMatrix m = matrix(25);
        Path png = dir.resolve("cm.png");
        long start = System.nanoTime();
        ConfusionMatrixPlot.writePng(m, png, "25 classes");
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds < 10, "took " + seconds + " s");
        BufferedImage image = Pictures.assertValidNonBlankPng(png);
        // 25 cells of at least 16 px plus labels on both axes
        assertTrue(image.getWidth() >= 25 * 16 && image.getHeight() >= 25 * 16, image.getWidth() + "x" + image.getHeight());
        // the diagonal is mostly near 100 % -> teal (viridis 0.5, #21918c) cells are there, and so are yellow ones
        assertTrue(Pictures.countNear(image, 0x21918c, 12) > 25 * 50, "no high-value cells");
        assertTrue(Pictures.countNear(image, 0xfde725, 30) > 100, "no low-value cells");

        // a second matrix in the same process, counts view, 60 classes: cells too small for values, still drawn
        Path big = dir.resolve("big.png");
        start = System.nanoTime();
        ConfusionMatrixPlot.writePng(matrix(60), big, "60 classes", ConfusionMatrixPlot.CellValue.COUNT);
        assertTrue((System.nanoTime() - start) / 1e9 < 10);
        Pictures.assertValidNonBlankPng(big);
    }

    @Test
    void anEmptyMatrixStillDraws(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("empty.png");
        ConfusionMatrixPlot.writePng(new ConfusionMatrix(List.of("a", "b"), new long[2][2]), png, "nothing");
        assertTrue(javax.imageio.ImageIO.read(png.toFile()).getWidth() > 0);
    }
}
