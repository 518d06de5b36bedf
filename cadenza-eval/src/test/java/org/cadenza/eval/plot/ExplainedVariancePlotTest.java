package org.cadenza.eval.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.cadenza.eval.Pictures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplainedVariancePlotTest {

    @Test
    void componentsForSeventyFivePercentOfVariances941AreTwo() {
        double[] ratio = {9 / 14.0, 4 / 14.0, 1 / 14.0};
        assertEquals(2, ExplainedVariancePlot.componentsFor(ratio, 0.75));
        assertEquals(1, ExplainedVariancePlot.componentsFor(ratio, 0.6));
        assertEquals(2, ExplainedVariancePlot.componentsFor(ratio, 13 / 14.0));
        assertEquals(3, ExplainedVariancePlot.componentsFor(ratio, 1.0));
    }

    @Test
    void drawsTheCurveTheThresholdAndTheComponentLine(@TempDir Path dir) throws Exception {
        double[] ratio = new double[40];
        double total = 0;
        for (int k = 0; k < ratio.length; k++) {
            ratio[k] = Math.pow(0.85, k);
            total += ratio[k];
        }
        for (int k = 0; k < ratio.length; k++) {
            ratio[k] /= total;
        }
        Path png = dir.resolve("pca.png");
        ExplainedVariancePlot.writePng(ratio, 0.75, png, "PCA of 40 symbolic features");
        BufferedImage image = Pictures.assertValidNonBlankPng(png);
        assertTrue(Pictures.countNear(image, ExplainedVariancePlot.CUMULATIVE.getRGB() & 0xffffff, 20) > 300,
                "no cumulative curve");
        assertTrue(Pictures.countNear(image, ExplainedVariancePlot.THRESHOLD.getRGB() & 0xffffff, 20) > 300,
                "no threshold line");
        assertTrue(Pictures.countNear(image, ExplainedVariancePlot.COMPONENTS.getRGB() & 0xffffff, 20) > 100,
                "no components line");
    }

    @Test
    void oneComponentStillDraws(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("one.png");
        ExplainedVariancePlot.writePng(new double[] {1.0}, 0.75, png, "one");
        Pictures.assertValidNonBlankPng(png);
    }

    @Test
    void badInputIsRefused(@TempDir Path dir) {
        Path png = dir.resolve("x.png");
        assertThrows(IllegalArgumentException.class, () -> ExplainedVariancePlot.writePng(new double[0], 0.75, png, "t"));
        assertThrows(IllegalArgumentException.class,
                () -> ExplainedVariancePlot.writePng(new double[] {0.5, 0.5}, 0, png, "t"));
        String m = assertThrows(IllegalArgumentException.class,
                () -> ExplainedVariancePlot.writePng(new double[] {0.5, Double.NaN}, 0.75, png, "t")).getMessage();
        assertTrue(m.contains("ratio 1"), m);
    }
}
