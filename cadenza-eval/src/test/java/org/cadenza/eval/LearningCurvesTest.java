package org.cadenza.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.cadenza.io.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LearningCurvesTest {

    static Path writeHistory(Path dir) throws Exception {
        // columns in another order, an extra column, upper case, and an epoch without validation
        Path csv = dir.resolve("history.csv");
        Files.writeString(csv, """
                Epoch,lr,train_loss,train_acc,val_loss,val_acc,seconds,grad_norm
                1,0.001,2.20,0.21,2.10,0.25,12.5,3.1
                2,0.003,1.80,0.35,1.95,0.31,12.1,2.7
                3,0.002,1.50,0.46,1.90,0.36,12.3,2.2
                4,0.0005,1.30,0.52,,,12.0,2.0
                """);
        return csv;
    }

    @Test
    void readsToleratingExtraColumnsAndMissingValues(@TempDir Path dir) throws Exception {
        LearningCurves curves = LearningCurves.read(writeHistory(dir));
        assertEquals(4, curves.epochs().size());
        LearningCurves.Epoch second = curves.epochs().get(1);
        assertEquals(new LearningCurves.Epoch(2, 1.80, 0.35, 1.95, 0.31, 0.003, 12.1), second);
        assertTrue(Double.isNaN(curves.epochs().get(3).valLoss()));

        Path png = dir.resolve("curves.png");
        curves.writePng(png, "test run");
        var image = Pictures.assertValidNonBlankPng(png);
        assertEquals(1200, image.getWidth());
    }

    @Test
    void aMissingColumnNamesTheFile(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("wrong.csv");
        Files.writeString(csv, "epoch,loss\n1,2.0\n");
        var e = assertThrows(BadInputException.class, () -> LearningCurves.read(csv));
        assertTrue(e.getMessage().contains("wrong.csv") && e.getMessage().contains("train_loss"), e.getMessage());
        Files.writeString(csv, "epoch,train_loss\n1,abc\n");
        var notANumber = assertThrows(BadInputException.class, () -> LearningCurves.read(csv));
        assertTrue(notANumber.getMessage().contains("line"), notANumber.getMessage());
    }

    static Path writeLrFind(Path dir) throws Exception {
        StringBuilder sb = new StringBuilder("step,lr,loss,smoothed_loss\n");
        for (int i = 0; i < 60; i++) {
            double lr = 1e-6 * Math.pow(10, i / 10.0);
            double loss = 2.3 - 1.5 / (1 + Math.exp(-(i - 25) / 4.0)) + (i > 50 ? Math.exp((i - 50) / 2.0) : 0);
            sb.append(i).append(',').append(lr).append(',').append(loss + 0.05).append(',').append(loss).append('\n');
        }
        sb.append("60,1.0,NaN,NaN\n");
        Path csv = dir.resolve("lr-find.csv");
        Files.writeString(csv, sb);
        return csv;
    }

    @Test
    void lrFinderCurveOnALogAxis(@TempDir Path dir) throws Exception {
        LrFinderCurve curve = LrFinderCurve.read(writeLrFind(dir));
        // the diverged NaN row is dropped; the smoothed column is preferred
        assertEquals(60, curve.learningRates().length);
        assertEquals(1e-6, curve.learningRates()[0], 1e-18);
        assertEquals(2.3 - 1.5 / (1 + Math.exp(25 / 4.0)), curve.losses()[0], 1e-9);
        Path png = dir.resolve("lr.png");
        curve.writePng(png, "lr-find");
        Pictures.assertValidNonBlankPng(png);
        assertThrows(IllegalArgumentException.class, () -> new LrFinderCurve(new double[] {0}, new double[] {1}));
    }
}
