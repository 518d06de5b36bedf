package org.cadenza.io.score.musicxml;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.xml.bind.JAXBElement;

import org.audiveris.proxymusic.Attributes;
import org.audiveris.proxymusic.Backup;
import org.audiveris.proxymusic.Direction;
import org.audiveris.proxymusic.DirectionType;
import org.audiveris.proxymusic.Dynamics;
import org.audiveris.proxymusic.Forward;
import org.audiveris.proxymusic.Metronome;
import org.audiveris.proxymusic.Note;
import org.audiveris.proxymusic.Pitch;
import org.audiveris.proxymusic.Sound;
import org.audiveris.proxymusic.StartStop;
import org.audiveris.proxymusic.Tie;
import org.audiveris.proxymusic.Transpose;
import org.audiveris.proxymusic.Unpitched;
import org.cadenza.io.BadInputException;

/**
 * The first pass over one part: each measure's notes, rests, tempo and dynamics marks at their position in quarter
 * notes from the measure's start ({@code <duration>} / the {@code <divisions>} in effect; chords, backups and
 * forwards applied), and how long each measure is. Pitches are sounding pitches (transposition applied).
 */
final class PartWalk {

    /** The first number of a {@code <per-minute>}. */
    private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d+)?");
    /** Semitones above C of the steps, in the order of ProxyMusic's Step enum (A B C D E F G). */
    private static final int[] STEP = {9, 11, 0, 2, 4, 5, 7};

    /**
     * A note or rest as written.
     *
     * @param measure  the measure's index
     * @param onset    quarter notes from the measure's start
     * @param duration quarter notes; 0 for a grace note
     * @param pitch    sounding MIDI key, or -1 for a rest
     * @param voice    the voice ("1" when not written)
     * @param grace    whether it is a grace note
     * @param chord    whether it sounds with the note before it ({@code <chord/>})
     * @param tieStart whether a {@code <tie type="start"/>} starts on it
     * @param tieStop  whether a {@code <tie type="stop"/>} ends on it
     * @param velocity from its {@code dynamics} attribute, or -1
     */
    record Written(int measure, double onset, double duration, int pitch, String voice, boolean grace,
                   boolean chord, boolean tieStart, boolean tieStop, int velocity) {
        boolean isRest() {
            return pitch < 0;
        }
    }

    /**
     * A tempo or dynamics mark.
     *
     * @param measure  the measure's index
     * @param onset    quarter notes from the measure's start
     * @param value    BPM (quarter notes per minute) or velocity
     * @param priority 0 for a {@code <sound>} attribute, 1 for a mark ({@code <metronome>}, {@code <dynamics>}):
     *                 at one position the sound attribute wins
     * @param where    "part P1, measure 3" for messages
     */
    record Mark(int measure, double onset, double value, int priority, String where) {
    }

    /**
     * @param notes     notes and rests in file order
     * @param tempos    tempo marks in file order
     * @param dynamics  dynamics marks in file order
     * @param lengths   each measure's length, quarter notes: how far its music reaches
     * @param unpitched whether the part has unpitched notes (percussion)
     */
    record Result(List<Written> notes, List<Mark> tempos, List<Mark> dynamics, double[] lengths,
                  boolean unpitched) {
    }

    private final Path file;
    private final PartSource part;
    private final PartInstrument instrument;
    private final List<Written> notes = new ArrayList<>();
    private final List<Mark> tempos = new ArrayList<>();
    private final List<Mark> dynamics = new ArrayList<>();
    private double divisions = -1;
    private int transpose;
    private boolean unpitched;
    private int measure;
    private double position;

    private PartWalk(Path file, PartSource part, PartInstrument instrument) {
        this.file = file;
        this.part = part;
        this.instrument = instrument;
    }

    static Result walk(Path file, PartSource part, PartInstrument instrument) {
        return new PartWalk(file, part, instrument).run();
    }

    private Result run() {
        double[] lengths = new double[part.measures().size()];
        for (measure = 0; measure < lengths.length; measure++) {
            position = 0;
            double reach = 0;
            double lastOnset = 0;
            for (Object o : part.measures().get(measure).music()) {
                if (o instanceof Note n) {
                    boolean grace = n.getGrace() != null;
                    boolean chord = n.getChord() != null;
                    double duration = grace ? 0 : quarters(n.getDuration(), "<note>");
                    double onset = chord && !grace ? lastOnset : position; // grace notes take no time
                    if (!chord && !grace) {
                        lastOnset = position;
                        position += duration;
                    }
                    reach = Math.max(reach, Math.max(position, onset + duration));
                    if (n.getCue() == null) {
                        note(n, onset, duration, grace, chord);
                    }
                } else if (o instanceof Backup b) {
                    position = Math.max(0, position - quarters(b.getDuration(), "<backup>"));
                } else if (o instanceof Forward f) {
                    position += quarters(f.getDuration(), "<forward>");
                    reach = Math.max(reach, position);
                } else if (o instanceof Attributes a) {
                    attributes(a);
                } else if (o instanceof Direction d) {
                    direction(d);
                } else if (o instanceof Sound s) {
                    sound(s);
                }
            }
            lengths[measure] = reach;
        }
        return new Result(notes, tempos, dynamics, lengths, unpitched);
    }

    private BadInputException bad(String problem) {
        return new BadInputException(file, part.where(measure) + ": " + problem);
    }

    private double quarters(BigDecimal duration, String element) {
        if (duration == null) {
            throw bad(element + " without a <duration>");
        }
        if (duration.signum() < 0) {
            throw bad(element + " with a negative <duration> (" + duration.toPlainString() + ")");
        }
        if (divisions <= 0) {
            throw bad(element + " <duration> before any <divisions> (divisions per quarter note)");
        }
        return duration.doubleValue() / divisions;
    }

    private void attributes(Attributes a) {
        if (a.getDivisions() != null) {
            if (a.getDivisions().signum() <= 0) {
                throw bad("<divisions> is " + a.getDivisions().toPlainString() + ", expected > 0");
            }
            divisions = a.getDivisions().doubleValue();
        }
        if (!a.getTranspose().isEmpty()) {
            Transpose t = a.getTranspose().get(0);
            int chromatic = t.getChromatic() == null ? 0 : t.getChromatic().setScale(0,
                    RoundingMode.HALF_EVEN).intValueExact();
            int octaves = t.getOctaveChange() == null ? 0 : t.getOctaveChange().intValueExact();
            transpose = chromatic + 12 * octaves;
        }
    }

    private void note(Note n, double onset, double duration, boolean grace, boolean chord) {
        int pitch;
        if (n.getRest() != null) {
            pitch = -1;
        } else if (n.getPitch() != null) {
            pitch = pitchOf(n.getPitch());
        } else if (n.getUnpitched() != null) {
            unpitched = true;
            Object id = n.getInstrument().isEmpty() ? null : n.getInstrument().get(0).getId();
            pitch = instrument.unpitchedKey(id);
            if (pitch < 0) {
                pitch = displayPitch(n.getUnpitched());
            }
            if (pitch < 0) {
                return; // an unpitched note with neither a MIDI key nor a display position: nothing to play
            }
        } else {
            return;
        }
        boolean start = false;
        boolean stop = false;
        for (Tie t : n.getTie()) {
            start |= t.getType() == StartStop.START;
            stop |= t.getType() == StartStop.STOP;
        }
        String voice = n.getVoice() == null || n.getVoice().isBlank() ? "1" : n.getVoice().strip();
        int velocity = n.getDynamics() == null ? -1 : DynamicMarks.ofPercent(n.getDynamics());
        notes.add(new Written(measure, onset, duration, pitch, voice, grace, chord, start, stop, velocity));
    }

    private int pitchOf(Pitch p) {
        if (p.getStep() == null) {
            throw bad("a <pitch> without a valid <step>");
        }
        int alter = p.getAlter() == null ? 0 : (int) Math.round(p.getAlter().doubleValue());
        int key = (p.getOctave() + 1) * 12 + STEP[p.getStep().ordinal()] + alter + transpose;
        if (key < 0 || key > 127) {
            throw bad("pitch " + p.getStep() + p.getOctave() + (alter != 0 ? " altered by " + alter : "")
                    + (transpose != 0 ? " transposed by " + transpose : "") + " sounds as MIDI key " + key
                    + ", outside 0-127");
        }
        return key;
    }

    private int displayPitch(Unpitched u) {
        if (u.getDisplayStep() == null || u.getDisplayOctave() == null) {
            return -1;
        }
        int key = (u.getDisplayOctave() + 1) * 12 + STEP[u.getDisplayStep().ordinal()];
        return key < 0 || key > 127 ? -1 : key;
    }

    private void direction(Direction d) {
        for (DirectionType t : d.getDirectionType()) {
            for (Dynamics dyn : t.getDynamics()) {
                for (JAXBElement<?> mark : dyn.getPOrPpOrPpp()) {
                    OptionalInt level = DynamicMarks.level(mark.getName().getLocalPart());
                    if (level.isPresent()) {
                        dynamics.add(new Mark(measure, position, level.getAsInt(), 1, part.where(measure)));
                    }
                }
            }
            Metronome m = t.getMetronome();
            if (m != null) {
                double bpm = metronomeBpm(m);
                if (bpm > 0) {
                    tempos.add(new Mark(measure, position, bpm, 1, part.where(measure)));
                }
            }
        }
        if (d.getSound() != null) {
            sound(d.getSound());
        }
    }

    private void sound(Sound s) {
        if (s.getTempo() != null) {
            tempos.add(new Mark(measure, position, s.getTempo().doubleValue(), 0, part.where(measure)));
        }
        if (s.getDynamics() != null) {
            dynamics.add(new Mark(measure, position, DynamicMarks.ofPercent(s.getDynamics()), 0,
                    part.where(measure)));
        }
    }

    /**
     * Quarter notes per minute of a {@code <metronome>}: the first number of its {@code <per-minute>} ("ca. 72"
     * gives 72) times the quarters of its {@code <beat-unit>} and dots; 0 when it has no such pair (a metric
     * modulation "quarter = half", an unknown unit, no number).
     */
    static double metronomeBpm(Metronome m) {
        if (m.getPerMinute() == null || m.getPerMinute().getValue() == null || m.getBeatUnit() == null) {
            return 0;
        }
        Matcher number = NUMBER.matcher(m.getPerMinute().getValue());
        if (!number.find()) {
            return 0;
        }
        double unit = switch (m.getBeatUnit().strip()) {
            case "long" -> 16;
            case "breve" -> 8;
            case "whole" -> 4;
            case "half" -> 2;
            case "quarter" -> 1;
            case "eighth" -> 0.5;
            case "16th" -> 0.25;
            case "32nd" -> 0.125;
            case "64th" -> 0.0625;
            default -> 0;
        };
        double dotted = unit;
        double add = unit;
        for (int i = 0; i < m.getBeatUnitDot().size(); i++) {
            add /= 2;
            dotted += add;
        }
        return Double.parseDouble(number.group()) * dotted;
    }
}
