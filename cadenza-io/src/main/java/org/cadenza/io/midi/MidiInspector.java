package org.cadenza.io.midi;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;

import org.cadenza.io.BadInputException;
import org.cadenza.io.InputFiles;
import org.cadenza.io.ResourceLimitException;

/**
 * Reads and validates Standard MIDI Files (formats 0, 1 and 2) with {@code javax.sound.midi}. The one gate every
 * reader of MIDI goes through: {@link #read} and {@link #inspect} apply the same {@link MidiLimits} (size, tempo,
 * duration) with the same messages, so a file that ingest refuses is refused by the notes and audio routes too.
 *
 * <p>Format 2 (independent sequential patterns), which {@code javax.sound.midi} does not read, is read as its
 * patterns played one after another: each track starts where the previous one ends (at its end-of-track event),
 * and a pattern without its own set-tempo event at its start plays at the SMF default of 120 BPM, not at the
 * previous pattern's tempo. The result is a sequence of parallel tracks, one per pattern, as for format 1.
 *
 * <p>Every problem is reported as a {@link BadInputException} (or its subclass {@link ResourceLimitException} for
 * size and length limits) whose message names the file and the problem, and where it applies the track (0-based
 * index, as in {@link Sequence#getTracks()}) and the tick. Parser exceptions are kept as the cause.
 *
 * <p>Thread-safe: holds no state.
 */
public final class MidiInspector {

    /** Microseconds per quarter note of the SMF default tempo (120 BPM). */
    static final int DEFAULT_MICROS_PER_QUARTER = 500_000;
    private static final int META_SET_TEMPO = 0x51;
    private static final int PERCUSSION_CHANNEL = 9;

    private MidiInspector() {
    }

    /**
     * Reads and validates a MIDI file with the {@linkplain MidiLimits#DEFAULTS default} limits: as
     * {@link #read(Path, MidiLimits)}.
     */
    public static Sequence read(Path file) {
        return read(file, MidiLimits.DEFAULTS);
    }

    /**
     * Reads a MIDI file after the same checks as {@link #inspect}: the file itself (exists, readable, not empty, not
     * too large, has the 'MThd' header, parses), then notes, tempo and duration against {@code limits}. A format-2
     * file comes back with its patterns one after another in time (see the class comment).
     *
     * @throws BadInputException      as {@link #inspect}
     * @throws ResourceLimitException as {@link #inspect}
     */
    public static Sequence read(Path file, MidiLimits limits) {
        return load(file, limits).sequence();
    }

    /**
     * Reads and validates a MIDI file and summarises it.
     *
     * @throws BadInputException      the file is missing, unreadable, empty, not MIDI, truncated or corrupt, has
     *                                no notes, a set-tempo event of 0 &micro;s per quarter note, a tempo outside
     *                                [{@code minBpm}, {@code maxBpm}], or an invalid time division
     * @throws ResourceLimitException the file is larger than {@code maxBytes} or its music lasts longer than
     *                                {@code maxSeconds}
     */
    public static MidiInfo inspect(Path file, MidiLimits limits) {
        return load(file, limits).info();
    }

    /** A parsed, validated file and its summary. */
    private record Loaded(Sequence sequence, MidiInfo info) {
    }

    private static Loaded load(Path file, MidiLimits limits) {
        byte[] bytes = readBytes(file, limits);
        int format = u16(bytes, 8); // checked by readBytes: 0, 1 or 2
        Sequence sequence = parse(file, bytes, format);
        return new Loaded(sequence, summarise(file, format, sequence, limits));
    }

    private static byte[] readBytes(Path file, MidiLimits limits) {
        if (Files.isDirectory(file)) {
            throw new BadInputException(file, "is a directory, not a MIDI file");
        }
        if (!Files.exists(file)) {
            throw new BadInputException(file, "file not found");
        }
        if (InputFiles.requireAtMostBytes(file, limits.maxBytes()) == 0) {
            throw new BadInputException(file, "empty file (0 bytes), expected a Standard MIDI File");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (AccessDeniedException e) {
            throw new BadInputException(file, "cannot read the file: permission denied", e);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file, "file not found", e);
        } catch (IOException e) {
            throw new BadInputException(file, "cannot read the file: " + e, e);
        }
        if (bytes.length < 4 || bytes[0] != 'M' || bytes[1] != 'T' || bytes[2] != 'h' || bytes[3] != 'd') {
            throw new BadInputException(file, "not a Standard MIDI File: starts with " + describeStart(bytes)
                    + ", not the 'MThd' header");
        }
        if (bytes.length < 14) {
            throw new BadInputException(file, "truncated MIDI file: " + bytes.length
                    + " bytes, shorter than the 14-byte 'MThd' header chunk");
        }
        checkChunks(file, bytes);
        return bytes;
    }

    /**
     * Walks the chunk structure: the 'MThd' header, then as many 'MTrk' chunks as it declares (alien chunks are
     * skipped, as the SMF specification asks), each fully inside the file. The JDK's parser silently stops at a
     * truncated chunk, so truncation is detected here, with the track and byte offset.
     */
    private static void checkChunks(Path file, byte[] b) {
        long headerLength = u32(b, 4);
        if (headerLength < 6 || 8 + headerLength > b.length) {
            throw new BadInputException(file, "corrupt or truncated 'MThd' header: declares " + headerLength
                    + " bytes (expected 6) in a file of " + b.length + " bytes");
        }
        int format = u16(b, 8);
        int tracks = u16(b, 10);
        if (format > 2) {
            throw new BadInputException(file, "unknown Standard MIDI File format " + format + " (expected 0, 1 or 2)");
        }
        if (tracks == 0) {
            throw new BadInputException(file, "no tracks: the 'MThd' header declares 0 tracks");
        }
        long offset = 8 + headerLength;
        int found = 0;
        while (found < tracks) {
            if (offset + 8 > b.length) {
                throw new BadInputException(file, "truncated MIDI file: the header declares " + tracks
                        + " track(s) but the file ends after " + found + ", at byte offset " + b.length);
            }
            int at = (int) offset;
            boolean ascii = true;
            for (int i = 0; i < 4; i++) {
                int c = b[at + i] & 0xff;
                ascii &= c >= 0x20 && c < 0x7f;
            }
            if (!ascii) {
                throw new BadInputException(file, String.format(Locale.ROOT,
                        "corrupt MIDI file: expected an 'MTrk' chunk for track %d at byte offset %d, found bytes"
                                + " %02x %02x %02x %02x", found, at, b[at] & 0xff, b[at + 1] & 0xff,
                        b[at + 2] & 0xff, b[at + 3] & 0xff));
            }
            boolean isTrack = b[at] == 'M' && b[at + 1] == 'T' && b[at + 2] == 'r' && b[at + 3] == 'k';
            long length = u32(b, at + 4);
            if (offset + 8 + length > b.length) {
                throw new BadInputException(file, "truncated MIDI file: "
                        + (isTrack ? "track " + found : "chunk '" + new String(b, at, 4, StandardCharsets.US_ASCII)
                        + "'") + " at byte offset " + at + " declares " + length + " bytes but only "
                        + (b.length - offset - 8) + " remain");
            }
            if (isTrack) {
                found++;
            }
            offset += 8 + length;
        }
    }

    private static long u32(byte[] b, int at) {
        return ((long) (b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8)
                | (b[at + 3] & 0xff);
    }

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
    }

    private static Sequence parse(Path file, byte[] bytes, int format) {
        Sequence sequence;
        byte[] readable = bytes;
        if (format == 2) {
            // javax.sound.midi reads formats 0 and 1 only: parse the patterns as parallel tracks, then lay them
            // out one after another
            readable = bytes.clone();
            readable[8] = 0;
            readable[9] = 1;
        }
        try {
            sequence = MidiSystem.getSequence(new ByteArrayInputStream(readable));
        } catch (EOFException e) {
            throw new BadInputException(file, "truncated MIDI file: the data ends inside a chunk (" + e + ")", e);
        } catch (InvalidMidiDataException e) {
            throw new BadInputException(file, "corrupt or truncated MIDI data: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw new BadInputException(file, "corrupt or truncated MIDI data: " + e, e);
        }
        if (sequence.getTracks().length == 0) {
            throw new BadInputException(file, "no tracks: the 'MThd' header is not followed by any 'MTrk' chunk");
        }
        if (sequence.getResolution() <= 0) {
            throw new BadInputException(file, "invalid time division: " + sequence.getResolution()
                    + " ticks per " + (sequence.getDivisionType() == Sequence.PPQ ? "quarter note" : "frame"));
        }
        return format == 2 ? sequential(file, sequence) : sequence;
    }

    /**
     * The patterns of a format-2 file (parsed as parallel tracks) laid out one after another: track {@code k} is
     * shifted by the summed lengths (end-of-track ticks) of tracks {@code 0..k-1}. A PPQ pattern after the first
     * that sets no tempo at its own tick 0 gets a set-tempo event of the SMF default (120 BPM) at its start, so that
     * it does not inherit the tempo of the pattern before it.
     */
    static Sequence sequential(Path file, Sequence patterns) {
        Sequence out;
        try {
            out = new Sequence(patterns.getDivisionType(), patterns.getResolution());
        } catch (InvalidMidiDataException e) {
            throw new BadInputException(file, "invalid time division: " + e.getMessage(), e);
        }
        long offset = 0;
        for (Track pattern : patterns.getTracks()) {
            Track track = out.createTrack();
            boolean tempoAtStart = false;
            for (int i = 0; i < pattern.size(); i++) {
                MidiEvent e = pattern.get(i);
                if (e.getMessage() instanceof MetaMessage meta) {
                    tempoAtStart |= meta.getType() == META_SET_TEMPO && e.getTick() == 0;
                }
                // an end-of-track event moves the new track's own one (javax.sound.midi keeps one per track)
                track.add(new MidiEvent(e.getMessage(), e.getTick() + offset));
            }
            if (offset > 0 && !tempoAtStart && patterns.getDivisionType() == Sequence.PPQ) {
                byte[] micros = {(byte) (DEFAULT_MICROS_PER_QUARTER >>> 16), (byte) (DEFAULT_MICROS_PER_QUARTER >>> 8),
                    (byte) DEFAULT_MICROS_PER_QUARTER};
                try {
                    track.add(new MidiEvent(new MetaMessage(META_SET_TEMPO, micros, micros.length), offset));
                } catch (InvalidMidiDataException e) {
                    throw new IllegalStateException("a 3-byte set-tempo event is valid", e);
                }
            }
            offset += pattern.ticks();
        }
        return out;
    }

    /** A set-tempo event: where it is and how many microseconds a quarter note lasts from there on. */
    private record TempoChange(long tick, int track, int microsPerQuarter) {
    }

    /** A program change on one channel. */
    private record ProgramChange(long tick, int program) {
    }

    private static MidiInfo summarise(Path file, int format, Sequence sequence, MidiLimits limits) {
        Track[] tracks = sequence.getTracks();
        List<TempoChange> tempos = new ArrayList<>();
        List<List<ProgramChange>> programChanges = new ArrayList<>(16);
        for (int c = 0; c < 16; c++) {
            programChanges.add(new ArrayList<>());
        }
        long noteCount = 0;
        long lastSoundTick = -1;

        // pass 1: tempo map, program changes, notes and the last note-off
        for (int t = 0; t < tracks.length; t++) {
            Track track = tracks[t];
            for (int i = 0; i < track.size(); i++) {
                MidiEvent event = track.get(i);
                MidiMessage message = event.getMessage();
                long tick = event.getTick();
                if (message instanceof MetaMessage meta && meta.getType() == META_SET_TEMPO) {
                    tempos.add(new TempoChange(tick, t, microsPerQuarter(file, meta, t, tick)));
                } else if (message instanceof ShortMessage sm) {
                    int cmd = sm.getCommand();
                    if (cmd == ShortMessage.NOTE_ON && sm.getData2() > 0) {
                        noteCount++;
                        lastSoundTick = Math.max(lastSoundTick, tick);
                    } else if (cmd == ShortMessage.NOTE_OFF || cmd == ShortMessage.NOTE_ON) {
                        lastSoundTick = Math.max(lastSoundTick, tick);
                    } else if (cmd == ShortMessage.PROGRAM_CHANGE) {
                        programChanges.get(sm.getChannel()).add(new ProgramChange(tick, sm.getData1()));
                    }
                }
            }
        }
        if (noteCount == 0) {
            throw new BadInputException(file, "no notes: " + tracks.length + " track(s) without a single note-on"
                    + " event (velocity > 0)");
        }

        // tempo validation (every set-tempo event, wherever it is)
        for (TempoChange tc : tempos) {
            double bpm = 60e6 / tc.microsPerQuarter();
            if (bpm < limits.minBpm() || bpm > limits.maxBpm()) {
                throw new BadInputException(file, String.format(Locale.ROOT,
                        "absurd tempo %.6g BPM (%d microseconds per quarter note) in track %d at tick %d;"
                                + " accepted %.6g..%.6g BPM",
                        bpm, tc.microsPerQuarter(), tc.track(), tc.tick(), limits.minBpm(), limits.maxBpm()));
            }
        }
        // the tempo map: by tick; at equal ticks the later track (then the later event) wins
        tempos.sort((a, b) -> a.tick() != b.tick() ? Long.compare(a.tick(), b.tick())
                : Integer.compare(a.track(), b.track()));

        double seconds;
        double minBpm;
        double maxBpm;
        if (sequence.getDivisionType() == Sequence.PPQ) {
            double[] range = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
            seconds = ppqSeconds(lastSoundTick, sequence.getResolution(), tempos, range);
            minBpm = range[0];
            maxBpm = range[1];
        } else {
            // SMPTE: ticks are fractions of a frame; set-tempo events do not change timing
            seconds = lastSoundTick / (sequence.getDivisionType() * sequence.getResolution());
            minBpm = Double.POSITIVE_INFINITY;
            maxBpm = Double.NEGATIVE_INFINITY;
            for (TempoChange tc : tempos) {
                if (tc.tick() <= lastSoundTick) {
                    double bpm = 60e6 / tc.microsPerQuarter();
                    minBpm = Math.min(minBpm, bpm);
                    maxBpm = Math.max(maxBpm, bpm);
                }
            }
            if (minBpm > maxBpm) {
                minBpm = maxBpm = 60e6 / DEFAULT_MICROS_PER_QUARTER;
            }
        }
        if (seconds > limits.maxSeconds()) {
            throw new ResourceLimitException(file, "too long: " + hms(seconds) + " (h:mm:ss) of music to the last"
                    + " note-off, over the limit of " + hms(limits.maxSeconds()));
        }

        // pass 2: programs of the melodic channels that play
        SortedSet<Integer> programs = new TreeSet<>();
        boolean percussion = false;
        List<long[]> programTicks = new ArrayList<>(16);
        List<int[]> programValues = new ArrayList<>(16);
        for (List<ProgramChange> pcs : programChanges) {
            pcs.sort((a, b) -> Long.compare(a.tick(), b.tick())); // stable: keeps track order at equal ticks
            programTicks.add(pcs.stream().mapToLong(ProgramChange::tick).toArray());
            programValues.add(pcs.stream().mapToInt(ProgramChange::program).toArray());
        }
        for (Track track : tracks) {
            for (int i = 0; i < track.size(); i++) {
                MidiEvent event = track.get(i);
                if (event.getMessage() instanceof ShortMessage sm && sm.getCommand() == ShortMessage.NOTE_ON
                        && sm.getData2() > 0) {
                    int channel = sm.getChannel();
                    if (channel == PERCUSSION_CHANNEL) {
                        percussion = true;
                    } else {
                        programs.add(programAt(programTicks.get(channel), programValues.get(channel),
                                event.getTick()));
                    }
                }
            }
        }
        return new MidiInfo(file, format, tracks.length, sequence.getResolution(), noteCount, seconds,
                minBpm, maxBpm, programs, percussion);
    }

    private static int microsPerQuarter(Path file, MetaMessage meta, int track, long tick) {
        byte[] data = meta.getData();
        if (data.length != 3) {
            throw new BadInputException(file, "malformed set-tempo event in track " + track + " at tick " + tick
                    + ": " + data.length + " data bytes, expected 3");
        }
        int micros = ((data[0] & 0xff) << 16) | ((data[1] & 0xff) << 8) | (data[2] & 0xff);
        if (micros == 0) {
            throw new BadInputException(file, "tempo 0: set-tempo event with 0 microseconds per quarter note in"
                    + " track " + track + " at tick " + tick);
        }
        return micros;
    }

    /**
     * Seconds from tick 0 to {@code endTick} under the tempo map; {@code range} receives the slowest and fastest
     * BPM in effect over that span.
     */
    private static double ppqSeconds(long endTick, int ppq, List<TempoChange> tempos, double[] range) {
        double seconds = 0;
        long tick = 0;
        int micros = DEFAULT_MICROS_PER_QUARTER;
        for (TempoChange tc : tempos) {
            if (tc.tick() > endTick || (tc.tick() == endTick && endTick > 0)) {
                break; // not in effect before the last note-off
            }
            if (tc.tick() > tick) {
                seconds += (tc.tick() - tick) * (micros / 1e6) / ppq;
                noteTempo(micros, range);
                tick = tc.tick();
            }
            micros = tc.microsPerQuarter();
        }
        seconds += (endTick - tick) * (micros / 1e6) / ppq;
        noteTempo(micros, range);
        return seconds;
    }

    private static void noteTempo(int micros, double[] range) {
        double bpm = 60e6 / micros;
        range[0] = Math.min(range[0], bpm);
        range[1] = Math.max(range[1], bpm);
    }

    private static int programAt(long[] ticks, int[] values, long tick) {
        // last program change at or before the note's tick; program 0 before any
        int lo = 0;
        int hi = ticks.length - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (ticks[mid] <= tick) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found < 0 ? 0 : values[found];
    }

    /** {@code seconds} as {@code h:mm:ss} (rounded down), for the messages of the length limit. */
    public static String hms(double seconds) {
        long s = (long) Math.floor(seconds);
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }

    /** Says in words what a non-MIDI file starts with. */
    static String describeStart(byte[] b) {
        if (startsWith(b, "RIFF") && b.length >= 12) {
            String kind = new String(b, 8, 4, StandardCharsets.ISO_8859_1);
            if (kind.equals("RMID")) {
                return "a RIFF-wrapped MIDI (RMID) header";
            }
            if (kind.equals("WAVE")) {
                return "a RIFF/WAVE audio header";
            }
        }
        if (startsWith(b, "PK\u0003\u0004")) {
            return "a ZIP archive header";
        }
        if (startsWith(b, "ID3") || (b.length >= 2 && (b[0] & 0xff) == 0xff && (b[1] & 0xe0) == 0xe0)) {
            return "an MP3 audio header";
        }
        if (startsWith(b, "fLaC")) {
            return "a FLAC audio header";
        }
        if (startsWith(b, "OggS")) {
            return "an Ogg container header";
        }
        if (startsWith(b, "%PDF")) {
            return "a PDF header";
        }
        int n = Math.min(b.length, 64);
        boolean text = n > 0;
        for (int i = 0; i < n && text; i++) {
            int c = b[i] & 0xff;
            text = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c != 0x7f);
        }
        if (text) {
            String snippet = new String(b, 0, Math.min(b.length, 24), StandardCharsets.UTF_8)
                    .replaceAll("[\\p{Cntrl}\\uFFFD]", " ").strip();
            return "text (\"" + snippet + (b.length > 24 ? "..." : "") + "\")";
        }
        StringBuilder hex = new StringBuilder("bytes");
        for (byte x : Arrays.copyOf(b, Math.min(b.length, 4))) {
            hex.append(String.format(Locale.ROOT, " %02x", x & 0xff));
        }
        return hex.toString();
    }

    private static boolean startsWith(byte[] b, String magic) {
        if (b.length < magic.length()) {
            return false;
        }
        for (int i = 0; i < magic.length(); i++) {
            if (b[i] != (byte) magic.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
