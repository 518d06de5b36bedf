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
    void tenMinutesDrawAtTheDefaultSizeWithTheToneFromStartToEnd() throws Exception {
        int sr = 22_050;
        float[] y = new float[sr * 600];
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) (0.3 * Math.sin(2 * Math.PI * 440 * i / sr) * ((i / 20_000) % 2));
        }
        Spectrogram s = new FeatureExtractor(FeatureParams.defaults()).compute(AudioClip.mono(y, sr));
        Path png = dir.resolve("ten.png");
        SpectrogramPlot.writePng(s, png, "10 minutes");
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(SpectrogramPlot.DEFAULT_WIDTH, img.getWidth());
        assertEquals(SpectrogramPlot.DEFAULT_HEIGHT, img.getHeight());
        // the 440 Hz tone sounds every other 0.9 s for the whole 10 minutes: in both halves of the picture its band
        // is a thin line in viridis' bright end (#fde725 / #b4de2c), the rest (clicks of the gating) is darker
        int half = img.getWidth() / 2;
        for (int[] range : new int[][] {{0, half}, {half, img.getWidth()}}) {
            int bright = 0;
            for (int x = range[0]; x < range[1]; x++) {
                for (int yy = 0; yy < img.getHeight(); yy++) {
                    int rgb = img.getRGB(x, yy);
                    bright += near(rgb, 0xFDE725) || near(rgb, 0xB4DE2C) ? 1 : 0;
                }
            }
            String where = "x " + range[0] + ".." + range[1] + ": ";
            assertTrue(bright > 2000, where + "the tone's band is not drawn (" + bright + " bright pixels)");
            assertTrue(bright < 0.1 * half * img.getHeight(), where + bright + " bright pixels: more than one band");
        }
    }

    private static boolean near(int rgb, int target) {
        int dr = ((rgb >> 16) & 255) - ((target >> 16) & 255);
        int dg = ((rgb >> 8) & 255) - ((target >> 8) & 255);
        int db = (rgb & 255) - (target & 255);
        return Math.abs(dr) + Math.abs(dg) + Math.abs(db) < 30;
    }
}
