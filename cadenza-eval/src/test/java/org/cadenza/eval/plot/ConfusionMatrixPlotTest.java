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
    void twentyFiveClassesRenderWithTheirColours(@TempDir Path dir) throws Exception {
        ConfusionMatrix m = matrix(25);
        Path png = dir.resolve("cm.png");
        ConfusionMatrixPlot.writePng(m, png, "25 classes");
        BufferedImage image = Pictures.assertValidNonBlankPng(png);
        // 25 cells of at least 16 px plus labels on both axes
        assertTrue(image.getWidth() >= 25 * 16 && image.getHeight() >= 25 * 16, image.getWidth() + "x" + image.getHeight());
        // the diagonal is mostly near 100 % -> teal (viridis 0.5, #21918c) cells are there, and so are yellow ones
        assertTrue(Pictures.countNear(image, 0x21918c, 12) > 25 * 50, "no high-value cells");
        assertTrue(Pictures.countNear(image, 0xfde725, 30) > 100, "no low-value cells");
    }

    @Test
    void sixtyClassesDrawEveryDiagonalCellWithoutValues(@TempDir Path dir) throws Exception {
        // counts view, 60 classes: cells of 16 px, too small for values, still drawn
        Path big = dir.resolve("big.png");
        ConfusionMatrixPlot.writePng(matrix(60), big, "60 classes", ConfusionMatrixPlot.CellValue.COUNT);
        BufferedImage image = Pictures.assertValidNonBlankPng(big);
        assertTrue(image.getWidth() >= 60 * 16 && image.getHeight() >= 60 * 16, image.getWidth() + "x" + image.getHeight());
        // 60 diagonal cells and some confusions, each 16 x 16 px in a colour of the light viridis half (yellow
        // #fde725 to teal #21918c): at least the diagonal's 60 x 200 px are coloured
        long coloured = 0;
        for (int rgb : new int[] {0xfde725, 0xbddf26, 0x7ad151, 0x44bf70, 0x22a884, 0x21918c}) {
            coloured += Pictures.countNear(image, rgb, 20);
        }
        assertTrue(coloured > 60 * 200, "only " + coloured + " cell pixels");
    }

    @Test
    void theTitleOfAFewClassesIsNotClipped(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("two.png");
        ConfusionMatrixPlot.writePng(new ConfusionMatrix(List.of("bach", "chopin"), new long[][] {{3, 0}, {1, 2}}),
                png, "Confusion, piece level (% of each true class)");
        BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
        // the title is the dark text of the top 30 rows: some of it, and none within 8 px of either edge
        int dark = 0;
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                boolean isDark = ((rgb >> 16) & 255) + ((rgb >> 8) & 255) + (rgb & 255) < 300;
                if (isDark) {
                    dark++;
                    assertTrue(x >= 8 && x < image.getWidth() - 8, "the title touches the edge at x " + x + " of "
                            + image.getWidth());
                }
            }
        }
        assertTrue(dark > 100, "no title drawn: " + dark + " dark pixels");
    }

    @Test
    void anEmptyMatrixStillDraws(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("empty.png");
        ConfusionMatrixPlot.writePng(new ConfusionMatrix(List.of("a", "b"), new long[2][2]), png, "nothing");
        assertTrue(javax.imageio.ImageIO.read(png.toFile()).getWidth() > 0);
    }
}
