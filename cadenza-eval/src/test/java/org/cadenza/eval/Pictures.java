package org.cadenza.eval;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;

/** Checks that a PNG decodes and shows something. */
public final class Pictures {

    private Pictures() {
    }

    /** @return the decoded picture, after asserting it has many colours and enough non-white pixels */
    public static BufferedImage assertValidNonBlankPng(Path png) throws Exception {
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, png + " is not a readable picture");
        Set<Integer> colours = new HashSet<>();
        long nonWhite = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                colours.add(rgb);
                if (rgb != 0xffffff) {
                    nonWhite++;
                }
            }
        }
        double share = (double) nonWhite / ((long) image.getWidth() * image.getHeight());
        assertTrue(colours.size() >= 8, png + " has only " + colours.size() + " colours");
        assertTrue(share > 0.02, png + " is almost blank: " + share + " of its pixels are not white");
        return image;
    }

    /** @return how many pixels are within {@code tolerance} of {@code rgb} in every channel */
    public static long countNear(BufferedImage image, int rgb, int tolerance) {
        long n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                if (Math.abs(((p >> 16) & 255) - ((rgb >> 16) & 255)) <= tolerance
                        && Math.abs(((p >> 8) & 255) - ((rgb >> 8) & 255)) <= tolerance
                        && Math.abs((p & 255) - (rgb & 255)) <= tolerance) {
                    n++;
                }
            }
        }
        return n;
    }
}
