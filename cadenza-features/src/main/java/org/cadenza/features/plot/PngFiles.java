package org.cadenza.features.plot;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/** Writing the plots of this package: PNG files with their parent folders, and the smallest picture accepted. */
final class PngFiles {

    /** Smallest width in pixels a plot accepts. */
    static final int MIN_WIDTH = 200;
    /** Smallest height in pixels a plot accepts. */
    static final int MIN_HEIGHT = 150;

    private PngFiles() {
    }

    /**
     * Saves {@code chart} as a PNG file (parent folders created).
     *
     * @param who the plot's name, for the message
     * @throws UncheckedIOException when the file cannot be written
     */
    static void save(Chart<?, ?> chart, Path png, String who) {
        Objects.requireNonNull(png, "png");
        try {
            Path parent = png.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (OutputStream out = Files.newOutputStream(png)) {
                BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(who + ": cannot write " + png + ": " + e.getMessage(), e);
        }
    }

    /** @throws IllegalArgumentException when the picture is smaller than {@value #MIN_WIDTH} x {@value #MIN_HEIGHT} */
    static void requireSize(int width, int height, String who) {
        if (width < MIN_WIDTH || height < MIN_HEIGHT) {
            throw new IllegalArgumentException(who + ": picture must be at least " + MIN_WIDTH + " x " + MIN_HEIGHT
                    + " pixels, got " + width + " x " + height);
        }
    }
}
