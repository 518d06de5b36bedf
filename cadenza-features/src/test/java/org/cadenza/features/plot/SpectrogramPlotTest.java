package org.cadenza.features.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import javax.imageio.ImageIO;

import org.cadenza.features.FeatureExtractor;
import org.cadenza.features.FeatureKind;
import org.cadenza.features.FeatureParams;
import org.cadenza.features.Spectrogram;
import org.cadenza.io.audio.AudioClip;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpectrogramPlotTest {
    @TempDir
    Path dir;

    private static AudioClip sweep(double seconds) {
        int sr = 22_050;
        float[] y = new float[(int) (seconds * sr)];
        for (int i = 0; i < y.length; i++) {
            double t = (double) i / sr;
            y[i] = (float) (0.4 * Math.sin(2 * Math.PI * (200 * t + 300 * t * t / seconds)));
        }
        return AudioClip.mono(y, sr);
    }

    @Test
    void writesANonBlankPngOfTheRequestedSizeForEveryKind() throws Exception {
        AudioClip clip = sweep(3);
        for (FeatureKind kind : FeatureKind.values()) {
            Spectrogram s = new FeatureExtractor(FeatureParams.defaults().withKind(kind)).compute(clip);
            Path png = dir.resolve("sub/" + kind + ".png");
            SpectrogramPlot.writePng(s, png, "sweep " + kind, 800, 400);
            byte[] head = Files.readAllBytes(png);
            assertEquals((byte) 0x89, head[0]);
            assertEquals('P', head[1]);
            assertEquals('N', head[2]);
            assertEquals('G', head[3]);
            BufferedImage img = ImageIO.read(png.toFile());
            assertEquals(800, img.getWidth());
            assertEquals(400, img.getHeight());
            Set<Integer> colours = new HashSet<>();
            for (int x = 0; x < img.getWidth(); x += 3) {
                for (int y = 0; y < img.getHeight(); y += 3) {
                    colours.add(img.getRGB(x, y));
                }
            }
            assertTrue(colours.size() > 50, kind + ": picture looks blank, " + colours.size() + " colours");
            // viridis' dark end (#440154) appears in the plot area of a sweep (most cells are quiet)
            assertTrue(colours.stream().anyMatch(c -> near(c, 0x440154)), kind + ": no viridis low colour");
        }
    }

    @Test
    void tenMinutesDrawQuickly() {
        int sr = 22_050;
        float[] y = new float[sr * 600];
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) (0.3 * Math.sin(2 * Math.PI * 440 * i / sr) * ((i / 20_000) % 2));
        }
        Spectrogram s = new FeatureExtractor(FeatureParams.defaults()).compute(AudioClip.mono(y, sr));
        // warm up fonts and Java2D once (a one-off cost per JVM), then time a full draw
        SpectrogramPlot.writePng(s.slice(0, 100), dir.resolve("warm.png"), "warm-up");
        long t0 = System.nanoTime();
        SpectrogramPlot.writePng(s, dir.resolve("ten.png"), "10 minutes");
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertTrue(seconds < 2.0, "10-minute log-mel took " + seconds + " s to draw");
    }

    private static boolean near(int rgb, int target) {
        int dr = ((rgb >> 16) & 255) - ((target >> 16) & 255);
        int dg = ((rgb >> 8) & 255) - ((target >> 8) & 255);
        int db = (rgb & 255) - (target & 255);
        return Math.abs(dr) + Math.abs(dg) + Math.abs(db) < 30;
    }
}
