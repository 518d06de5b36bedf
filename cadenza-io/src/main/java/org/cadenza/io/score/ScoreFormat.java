package org.cadenza.io.score;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The symbolic file formats Cadenza reads, told apart by file name extension (case-insensitive).
 * Every one of them becomes a {@link org.cadenza.io.midi.NoteSequence}: MIDI directly, scores through their reader.
 */
public enum ScoreFormat {
    /** Standard MIDI File. */
    MIDI("midi", ".mid", ".midi", ".kar"),
    /** Uncompressed MusicXML (partwise or timewise). */
    MUSICXML("musicxml", ".musicxml", ".xml"),
    /** Compressed MusicXML: a zip whose {@code META-INF/container.xml} names the score. */
    MXL("musicxml", ".mxl"),
    /** Humdrum {@code **kern}. */
    KERN("kern", ".krn");

    private final String family;
    private final List<String> extensions;

    ScoreFormat(String family, String... extensions) {
        this.family = family;
        this.extensions = List.of(extensions);
    }

    /** The format a file has by its extension; empty when it is none of these. */
    public static Optional<ScoreFormat> of(Path file) {
        Path name = file.getFileName();
        if (name == null) {
            return Optional.empty();
        }
        String lower = name.toString().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.extensions.stream().anyMatch(lower::endsWith)).findFirst();
    }

    /** Whether {@code file} has the extension of a format Cadenza reads as notes. */
    public static boolean isSymbolic(Path file) {
        return of(file).isPresent();
    }

    /** Whether this is a notated score (MusicXML or kern) rather than MIDI. */
    public boolean isScore() {
        return this != MIDI;
    }

    /** The format's family as reports and {@code split.csv} name it: {@code midi}, {@code musicxml} or {@code kern}. */
    public String family() {
        return family;
    }

    /** The extensions, lower case with the dot, the first the usual one. */
    public List<String> extensions() {
        return extensions;
    }

    /** Every extension of every format, lower case with the dot: for help texts and file filters. */
    public static List<String> allExtensions() {
        return Arrays.stream(values()).flatMap(f -> f.extensions.stream()).toList();
    }
}
