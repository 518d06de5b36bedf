package org.cadenza.corpus.copies;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.cadenza.io.CadenzaException;
import org.cadenza.io.Parameters;
import org.cadenza.io.midi.MidiLimits;
import org.cadenza.io.midi.NoteReader;
import org.cadenza.io.midi.NoteSequence;
import org.cadenza.io.score.ScoreFormat;
import org.cadenza.io.score.Scores;

/**
 * What is compared of one file to find copies: its content hash, and for a MIDI file its {@link NoteHash} and
 * {@link NearCopyRule.Profile}. A recording (no notes) or a MIDI file whose notes cannot be read is compared by its
 * content hash only, and {@link #notesProblem} says why.
 *
 * @param sha256       SHA-256 of the file's bytes, lower-case hex
 * @param noteHash     the {@link NoteHash} of its notes, for MIDI files that could be read
 * @param profile      its near-copy profile, for MIDI files that could be read
 * @param notesProblem why there are no notes ({@code "a recording"}, the reader's message), empty when there are
 */
public record Fingerprint(String sha256, Optional<String> noteHash, Optional<NearCopyRule.Profile> profile,
                          Optional<String> notesProblem) {

    public Fingerprint {
        Parameters.nonNull("sha256, noteHash, profile, notesProblem", sha256, noteHash, profile, notesProblem);
    }

    /** A file known by its content only (a recording, or a file that is not at hand). */
    public static Fingerprint ofContent(String sha256, String why) {
        return new Fingerprint(sha256, Optional.empty(), Optional.empty(), Optional.of(why));
    }

    /** The fingerprint of notes already read. */
    public static Fingerprint ofNotes(String sha256, NoteSequence notes, NearCopyRule rule) {
        return new Fingerprint(sha256, Optional.of(NoteHash.of(notes)), Optional.of(rule.profile(notes)),
                Optional.empty());
    }

    /**
     * The fingerprint of {@code file} whose content hash is {@code sha256} (as the catalog keeps it; not
     * recomputed). A file that does not start like a Standard MIDI File ({@code MThd}, or {@code RIFF} for RMID) is a
     * recording unless its extension says it is a score; MIDI files and scores are read with {@link Scores}
     * (default limits, pedal ignored); a file that cannot be read gets the reason, and never an exception.
     */
    public static Fingerprint of(Path file, String sha256, NearCopyRule rule) {
        boolean score = ScoreFormat.of(file).filter(ScoreFormat::isScore).isPresent();
        if (!score && !isMidi(file)) {
            return ofContent(sha256, Files.isRegularFile(file) ? "a recording" : "missing: " + file);
        }
        try {
            return ofNotes(sha256, Scores.readNotes(file, MidiLimits.DEFAULTS, NoteReader.Pedal.IGNORE), rule);
        } catch (CadenzaException | IllegalArgumentException e) {
            return ofContent(sha256, String.valueOf(e.getMessage()));
        }
    }

    /** Whether the file starts with a MIDI header ({@code MThd}, or {@code RIFF} for an RMID file). */
    static boolean isMidi(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            String s = new String(head, java.nio.charset.StandardCharsets.ISO_8859_1);
            return s.equals("MThd") || s.equals("RIFF") && file.toString().toLowerCase(java.util.Locale.ROOT)
                    .matches(".*\\.(mid|midi|rmi|kar)$");
        } catch (IOException e) {
            return false;
        }
    }
}
