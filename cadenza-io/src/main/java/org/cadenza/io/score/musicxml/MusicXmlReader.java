package org.cadenza.io.score.musicxml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.audiveris.proxymusic.Identification;
import org.audiveris.proxymusic.ScorePartwise;
import org.audiveris.proxymusic.ScoreTimewise;
import org.audiveris.proxymusic.TypedText;
import org.audiveris.proxymusic.Work;
import org.cadenza.io.BadInputException;
import org.cadenza.io.InputFiles;
import org.cadenza.io.ResourceLimitException;
import org.cadenza.io.midi.MidiInspector;
import org.cadenza.io.midi.MidiLimits;
import org.cadenza.io.midi.Note;
import org.cadenza.io.midi.NoteSequence;
import org.cadenza.io.score.Score;
import org.cadenza.io.score.ScoreFormat;
import org.cadenza.io.score.ScoreMetadata;

/**
 * Reads a MusicXML score, uncompressed ({@code .musicxml}, {@code .xml}) or compressed ({@code .mxl}), as the
 * notes it sounds, in seconds, with its bar lines and what it says about itself. MusicXML is parsed into
 * ProxyMusic's JAXB classes ({@code org.audiveris.proxymusic}) from a StAX parser that reads no DTD and expands no
 * entity (see {@link MusicXmlDocument}).
 *
 * <pre>{@code
 * Score score = MusicXmlReader.read(Path.of("lied.mxl"), MidiLimits.DEFAULTS);
 * List<Note> notes = score.notes().notes();            // seconds, sorted by onset
 * Optional<String> composer = score.metadata().composer();
 * }</pre>
 *
 * <h2>How the score is played</h2>
 * <ul>
 *   <li><b>Layout:</b> {@code <score-partwise>} and {@code <score-timewise>}; measures are matched across parts by
 *       their index. In each part, a note starts where the previous one (in the file) ended, a {@code <chord/>}
 *       note where the previous note started; {@code <backup>} and {@code <forward>} move back and on (never
 *       before the measure's start); durations are {@code <duration>} / the {@code <divisions>} in effect (which
 *       may change in any measure), so tuplets need nothing more. Staves and voices need nothing either.</li>
 *   <li><b>Measures:</b> a measure lasts as far as the music of its longest part reaches, so a pickup
 *       (implicit) measure is as short as its notes; a measure with no duration in any part takes no time and
 *       has no bar. {@link NoteSequence#barStartSeconds()} holds the start of every other measure.</li>
 *   <li><b>Repeats</b> (repeat bar lines, voltas, da capo, segno): played <em>once, as written</em>: no expansion,
 *       so a score's length is bounded by its size. Voltas are played one after the other.</li>
 *   <li><b>Ties:</b> a note with {@code <tie type="stop"/>} continues the open tie of the same pitch in its part
 *       (of its own voice if there is one, else of another voice), the part's notes taken in time order:
 *       one note from the first onset to the last offset. A tie stop with nothing open starts a note; a tie start
 *       that no note continues ends where its note ends. {@code <tied>} (notation only) is not read.</li>
 *   <li><b>Grace notes</b> take their time from the note that follows them in their voice: each grace note (with
 *       its chord companions) lasts {@link PartPerformer#GRACE_QUARTERS} of a quarter note (a 32nd), all of them
 *       together at most half the following note; they start at that note's written onset, one after the other,
 *       and the following note (and its chord) starts after them, its offset unchanged. Grace notes before a rest
 *       take the rest's time; grace notes followed by nothing last a 32nd each.</li>
 *   <li><b>Cue notes</b> are skipped (their duration still moves the position); <b>rests</b> sound nothing;
 *       {@code <pitch>} alter is rounded to a semitone.</li>
 *   <li><b>Tempo</b> (one map for all parts): {@code <sound tempo>} (quarter notes per minute) wherever it stands,
 *       else a {@code <metronome>} with a {@code <beat-unit>} (dots counted) and a number in {@code <per-minute>};
 *       {@value TempoMap#DEFAULT_BPM} BPM before the first. A change applies from its position on. Where several
 *       tempos stand at one position, a {@code <sound>} wins over a metronome mark, then the first part wins.
 *       A direction's {@code <offset>} is not applied (MusicXML applies it to playback only with
 *       {@code sound="yes"}).</li>
 *   <li><b>Dynamics</b> (each part its own level): see {@link DynamicMarks} for the table; default mf = 80;
 *       {@code <sound dynamics>} and a note's {@code dynamics} attribute are percentages of velocity 90.</li>
 *   <li><b>Transposing instruments:</b> sounding pitch = written pitch + {@code <chromatic>} +
 *       12 &times; {@code <octave-change>} of the part's (first) {@code <transpose>} in effect.
 *       {@code <octave-shift>} (8va lines) changes nothing: MusicXML pitches are already shifted.</li>
 *   <li><b>Instruments:</b> part <i>i</i> (0-based, file order) is track <i>i</i>; program from
 *       {@link PartInstrument}; a part whose midi-instrument is on MIDI channel 10, or that has
 *       {@code <unpitched>} notes, plays on channel 9 (percussion; its unpitched notes sound their
 *       {@code <midi-unpitched>} key, else their display position); the other parts take channels 0-8, 10-15 in
 *       order, over again from 0 after the 15th.</li>
 *   <li>Everything else (pedals, lyrics, harmony, ornaments, articulations, instrument changes) is ignored.</li>
 * </ul>
 *
 * <h2>Metadata</h2>
 * Composer: the first {@code <creator type="composer">}. Title: the {@code <movement-title>}, followed by the
 * {@code <work-title>} in parentheses when both are given and differ; else whichever is given. Instruments: each
 * part's name and its {@code <instrument-name>}s, in score order, no repeats. MusicXML gives no life dates.
 *
 * <h2>Limits</h2>
 * The file at most {@link MidiLimits#maxBytes()} bytes (an {@code .mxl}'s score member too, inflated), the music at
 * most {@link MidiLimits#maxSeconds()} long, every tempo within [{@link MidiLimits#minBpm()},
 * {@link MidiLimits#maxBpm()}], at most {@value #MAX_NOTES} notes. Problems are {@link BadInputException}s (or
 * {@link ResourceLimitException}s for limits) that name the file and, where it helps, the part and measure.
 */
public final class MusicXmlReader {

    /** The most notes a score may have: 2,000,000 (a very long opera has a few hundred thousand). */
    public static final int MAX_NOTES = 2_000_000;

    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    private MusicXmlReader() {
    }

    /** {@link #read(Path, MidiLimits)} with {@link MidiLimits#DEFAULTS}. */
    public static Score read(Path file) {
        return read(file, MidiLimits.DEFAULTS);
    }

    /**
     * The notes, bars and metadata of a MusicXML file. An {@code .mxl} (or any file that starts as a zip does) is
     * read as compressed MusicXML, anything else as uncompressed.
     *
     * @param file   a {@code .musicxml}, {@code .xml} or {@code .mxl} file
     * @param limits size, length and tempo limits
     * @return the score, format {@link ScoreFormat#MUSICXML} or {@link ScoreFormat#MXL}
     * @throws BadInputException      missing, empty, not XML, not MusicXML, a broken .mxl, a musical error
     *                                ({@code <divisions>} 0, a note without a duration, a pitch outside MIDI), a
     *                                tempo outside the limits, no notes
     * @throws ResourceLimitException larger than {@code limits.maxBytes()}, longer than {@code limits.maxSeconds()},
     *                                more than {@value #MAX_NOTES} notes, or an .mxl over its archive limits
     */
    public static Score read(Path file, MidiLimits limits) {
        return read(file, limits, MAX_NOTES);
    }

    /** {@link #read(Path, MidiLimits)} with another note limit (for tests). */
    static Score read(Path file, MidiLimits limits, int maxNotes) {
        InputFiles.requireReadable(file, "a MusicXML file", "MusicXML");
        InputFiles.requireAtMostBytes(file, limits.maxBytes());
        boolean zip = startsWithZipMagic(file);
        byte[] xml = zip ? MxlContainer.score(file, MxlContainer.limits(limits.maxBytes())) : readAll(file);
        Object document = MusicXmlDocument.parse(xml, file);
        List<PartSource> parts;
        ScoreMetadata metadata;
        if (document instanceof ScorePartwise p) {
            parts = PartSource.of(p);
            metadata = metadata(p.getIdentification(), p.getWork(), p.getMovementTitle(), parts);
        } else {
            ScoreTimewise t = (ScoreTimewise) document;
            parts = PartSource.of(t);
            metadata = metadata(t.getIdentification(), t.getWork(), t.getMovementTitle(), parts);
        }
        NoteSequence notes = perform(file, parts, limits, maxNotes);
        return new Score(zip ? ScoreFormat.MXL : ScoreFormat.MUSICXML, notes, metadata);
    }

    private static boolean startsWithZipMagic(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(4), ZIP_MAGIC);
        } catch (IOException e) {
            throw new BadInputException(file, "cannot read the file: " + e, e);
        }
    }

    private static byte[] readAll(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new BadInputException(file, "cannot read the file: " + e, e);
        }
    }

    private static NoteSequence perform(Path file, List<PartSource> parts, MidiLimits limits, int maxNotes) {
        int n = parts.size();
        PartInstrument[] instruments = new PartInstrument[n];
        PartWalk.Result[] walks = new PartWalk.Result[n];
        int measures = 0;
        for (int i = 0; i < n; i++) {
            instruments[i] = PartInstrument.of(parts.get(i).scorePart());
            walks[i] = PartWalk.walk(file, parts.get(i), instruments[i]);
            measures = Math.max(measures, walks[i].lengths().length);
        }
        double[] start = new double[measures + 1];
        for (int m = 0; m < measures; m++) {
            double length = 0;
            for (PartWalk.Result w : walks) {
                length = m < w.lengths().length ? Math.max(length, w.lengths()[m]) : length;
            }
            start[m + 1] = start[m] + length;
        }
        TempoMap tempo = tempoMap(file, walks, start, limits);
        double seconds = tempo.seconds(start[measures]);
        if (!(seconds <= limits.maxSeconds())) {
            throw new ResourceLimitException(file, "too long: " + (Double.isFinite(seconds)
                    ? MidiInspector.hms(seconds) + " (h:mm:ss)" : "endless") + " of music to the end of the last"
                    + " measure, over the limit of " + MidiInspector.hms(limits.maxSeconds()));
        }
        List<Note> notes = new ArrayList<>();
        int pitched = 0;
        for (int i = 0; i < n; i++) {
            boolean percussion = instruments[i].percussion() || walks[i].unpitched();
            int channel = percussion ? 9 : melodicChannel(pitched++);
            PartPerformer.perform(file, walks[i], start, tempo, channel, percussion ? 0 : instruments[i].program(),
                    i, notes, maxNotes);
        }
        if (notes.isEmpty()) {
            throw new BadInputException(file, "no notes: " + n + " part(s), " + measures
                    + " measure(s) without a single sounding note");
        }
        List<Double> bars = new ArrayList<>();
        for (int m = 0; m < measures; m++) {
            double s = tempo.seconds(start[m]);
            if (bars.isEmpty() || s > bars.get(bars.size() - 1)) {
                bars.add(bars.isEmpty() ? 0.0 : s);
            }
        }
        return new NoteSequence(file, notes, bars);
    }

    /** Channels 0-8 and 10-15 for the melodic parts in order, around again after the 15th. */
    private static int melodicChannel(int index) {
        int c = index % 15;
        return c < 9 ? c : c + 1;
    }

    private static TempoMap tempoMap(Path file, PartWalk.Result[] walks, double[] start, MidiLimits limits) {
        record Candidate(double quarter, int priority, int part, PartWalk.Mark mark) {
        }
        List<Candidate> all = new ArrayList<>();
        for (int i = 0; i < walks.length; i++) {
            for (PartWalk.Mark m : walks[i].tempos()) {
                if (!(m.value() >= limits.minBpm() && m.value() <= limits.maxBpm())) {
                    throw new BadInputException(file, String.format(Locale.ROOT, "%s: tempo %s BPM (quarter notes"
                            + " per minute) outside the accepted %s-%s BPM", m.where(), num(m.value()),
                            num(limits.minBpm()), num(limits.maxBpm())));
                }
                all.add(new Candidate(start[m.measure()] + m.onset(), m.priority(), i, m));
            }
        }
        all.sort(Comparator.comparingDouble(Candidate::quarter).thenComparingInt(Candidate::priority)
                .thenComparingInt(Candidate::part));
        List<double[]> changes = new ArrayList<>();
        for (Candidate c : all) {
            double[] last = changes.isEmpty() ? null : changes.get(changes.size() - 1);
            if (last != null && c.quarter() - last[0] < 1e-9) {
                continue; // the first (sound before mark, then first part) at a position wins
            }
            if (last == null || last[1] != c.mark().value()) {
                changes.add(new double[] {c.quarter(), c.mark().value()});
            }
        }
        return new TempoMap(changes);
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static ScoreMetadata metadata(Identification identification, Work work, String movementTitle,
                                          List<PartSource> parts) {
        String composer = null;
        if (identification != null) {
            for (TypedText creator : identification.getCreator()) {
                if (composer == null && "composer".equalsIgnoreCase(creator.getType()) && creator.getValue() != null
                        && !creator.getValue().isBlank()) {
                    composer = creator.getValue().strip();
                }
            }
        }
        String workTitle = work == null || work.getWorkTitle() == null ? "" : work.getWorkTitle().strip();
        String movement = movementTitle == null ? "" : movementTitle.strip();
        String title = movement.isEmpty() ? workTitle
                : workTitle.isEmpty() || workTitle.equals(movement) ? movement : movement + " (" + workTitle + ")";
        Set<String> instruments = new LinkedHashSet<>();
        for (PartSource p : parts) {
            PartInstrument pi = PartInstrument.of(p.scorePart());
            if (!pi.name().isEmpty()) {
                instruments.add(pi.name());
            }
            instruments.addAll(pi.instruments());
        }
        return ScoreMetadata.of(composer, title, null, List.copyOf(instruments));
    }
}
