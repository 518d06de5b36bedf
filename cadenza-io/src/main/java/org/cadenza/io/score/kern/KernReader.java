package org.cadenza.io.score.kern;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.cadenza.io.BadInputException;
import org.cadenza.io.ResourceLimitException;
import org.cadenza.io.midi.MidiLimits;
import org.cadenza.io.midi.NoteSequence;
import org.cadenza.io.score.Score;
import org.cadenza.io.score.ScoreFormat;

/**
 * Reads a Humdrum {@code **kern} file as notes in seconds, bar lines and metadata. Written for Cadenza, small and
 * tested, because no Java reader of kern is published on Maven Central (the complete ones are humlib in C++ and
 * music21 in Python).
 *
 * <p>Example:
 * <pre>{@code
 * Score score = KernReader.read(Path.of("mazurka.krn"), MidiLimits.DEFAULTS);
 * double seconds = score.notes().durationSeconds();
 * Optional<String> composer = score.metadata().composer();   // !!!COM
 * }</pre>
 *
 * <p>What is read:
 * <ul>
 * <li>Spines are separated by TABs and followed through {@code *^ *v *x *+ *-} ({@link Spines}). Every
 *     {@code **kern} spine is a part: the notes of part {@code p} have track {@code p} and channel {@code p}
 *     (9, the percussion channel, skipped). Other spines ({@code **text}, {@code **dynam}...) are kept in step
 *     and not read; dynamics are ignored, every note has velocity {@value #VELOCITY}.</li>
 * <li>Time: each data line is a time slice; it lasts until the earliest end of the events sounding in the
 *     {@code **kern} spines (those started on it and those still held from earlier lines), the Humdrum rule.
 *     A line of null tokens only ({@code .}, e.g. one that carries a dynamic) or with a note that takes no time
 *     (below) lasts no time.
 *     Quarter-note times are exact fractions; seconds come from the {@code *MM} tempo map (quarter notes per
 *     minute, in force from its line on, in every spine); before any {@code *MM}, {@value #DEFAULT_BPM} BPM,
 *     the tempo a MIDI file has without a set-tempo event, so that a kern file and its MIDI rendering agree.</li>
 * <li>Notes ({@link KernToken}): chords, rests, dots, reciprocal durations ({@code 0} breve, {@code 00} long,
 *     {@code 000} maxima, tuplets such as {@code 3}, {@code 6}, {@code 12}, {@code 20}, rationals {@code 3%2}),
 *     pitches ({@code c} = 60) with {@code # - n}, tied notes ({@code [ _ ]}) joined into one note. A chord member
 *     without a duration takes the chord's. <b>Grace notes</b> ({@code q}, {@code qq}, {@code Q}) are left out
 *     of the notes: the score gives them no time, and the time they take from a neighbour is the performer's
 *     choice. So are notes written without any duration (unmeasured chant intonations before measured music).
 *     Both are counted in {@link KernReading#attacks()} and {@link KernReading#timelessNotes()}.</li>
 * <li>Bars: the time of every bar line ({@code =}) that comes before the last note's end, the first bar at 0
 *     (a pickup's bar line falls after it), equal times once; but an unnumbered invisible bar line ({@code =-})
 *     divides a measure and starts none.</li>
 * <li><b>Sections</b> ({@code *>A}, expansion lists {@code *>[A,A,B]}) are not expanded: the music is read once,
 *     in file order, so a repeat cannot make it longer than its text. Key signatures ({@code *k[]}; accidentals
 *     are explicit in kern tokens), meters ({@code *M3/4}; bars come from bar lines), clefs and transposition
 *     interpretations ({@code *ITr}, {@code *Tr}; kern writes concert pitch) change nothing.</li>
 * <li>Instruments: {@code *I<code>} ({@code *Ivioln}) sets its part's program by
 *     {@link org.cadenza.io.score.InstrumentNames#ofHumdrumCode}; {@code *I"Name} by
 *     {@link org.cadenza.io.score.InstrumentNames#ofName} where the code names none; program 0 before either.
 *     Metadata from {@link ReferenceRecords}.</li>
 * <li>A line is a bar line, a local comment, an interpretation or data by its first token. The tokens of an
 *     interpretation line must all be interpretations, those of a comment line comments; those of a bar line are
 *     not checked (a bar line holds no notes; three polish-scores files have a typo there, such as {@code |} for
 *     {@code =||}). A file that ends with spines still open (no {@code *-}) is accepted; blank lines are
 *     skipped.</li>
 * </ul>
 *
 * <p>Refused, with a {@link BadInputException} that names the file and says where ("line 57, spine 3: unknown
 * duration in token '4x'"): a missing, empty or binary file, no {@code **kern} spine, a line whose token count is
 * not the number of active spines, a {@code *v} or {@code *x} that cannot be followed, a token that is neither a
 * note nor a rest or has no duration, a pitch outside 0-127, a tempo outside the limits' BPM range, no notes. A
 * {@link ResourceLimitException} when the file is larger than {@link MidiLimits#maxBytes()} (checked before it is
 * read), its music lasts longer than {@link MidiLimits#maxSeconds()} (checked line by line), it has more than
 * {@value #MAX_NOTES} note attacks or more than {@value #MAX_SPINES} spines.
 */
public final class KernReader {

    /** Tempo before any {@code *MM}, quarter notes per minute (MIDI's default, 500,000 µs per quarter). */
    public static final double DEFAULT_BPM = 120;
    /** Velocity of every note (kern dynamics are not read): mezzo-forte. */
    public static final int VELOCITY = 80;
    /** Most note attacks accepted in one file. */
    public static final int MAX_NOTES = 2_000_000;
    /** Most spines active at once. */
    public static final int MAX_SPINES = 1000;

    private KernReader() {
    }

    /**
     * The notes ({@link ScoreFormat#KERN}), bar lines and metadata of a kern file.
     *
     * @param file   a {@code .krn} file, UTF-8 (or ISO-8859-1 where it is not valid UTF-8)
     * @param limits size, length and tempo limits, as for MIDI files
     * @throws BadInputException      the file cannot be read as kern (see the class comment)
     * @throws ResourceLimitException it is over one of the limits
     */
    public static Score read(Path file, MidiLimits limits) {
        return readCounted(file, limits).score();
    }

    /** As {@link #read}, with the count of note attacks and of the notes that take no time (grace notes). */
    public static KernReading readCounted(Path file, MidiLimits limits) {
        return readCounted(file, limits, MAX_NOTES);
    }

    /** As {@link #readCounted(Path, MidiLimits)} with another bound on note attacks (for tests). */
    static KernReading readCounted(Path file, MidiLimits limits, int maxNotes) {
        Objects.requireNonNull(limits, "limits");
        return new Pass(file, limits, maxNotes).run(KernText.lines(file, limits.maxBytes()));
    }

    /** One reading of one file: the state carried from line to line. */
    private static final class Pass {
        private final Path file;
        private final MidiLimits limits;
        private final int maxNotes;
        private final Spines spines = new Spines();
        private final PartNotes notes = new PartNotes(VELOCITY);
        private final ReferenceRecords records = new ReferenceRecords();
        private final TempoMap tempo = new TempoMap(DEFAULT_BPM);
        private final List<Quarters> bars = new ArrayList<>();
        private Quarters now = Quarters.ZERO;
        private long attacks;
        private long timelessNotes;
        private int line;
        private boolean ended;

        Pass(Path file, MidiLimits limits, int maxNotes) {
            this.file = file;
            this.limits = limits;
            this.maxNotes = maxNotes;
        }

        KernReading run(List<String> lines) {
            for (String text : lines) {
                line++;
                if (text.isEmpty()) {
                    continue;
                }
                if (text.startsWith("!!")) {
                    records.comment(text);
                    continue;
                }
                String[] tokens = text.split("\t", -1);
                check(tokens);
                switch (tokens[0].charAt(0)) {
                    case '*' -> interpretation(tokens);
                    case '!' -> expect(tokens, '!', "a local comment line");
                    case '=' -> barLine(tokens[0]);
                    default -> data(tokens);
                }
            }
            if (spines.parts() == 0) {
                throw new BadInputException(file, "no **kern spine"
                        + (spines.tracks() == 0 ? "" : " (" + spines.tracks() + " other spine(s))"));
            }
            if (notes.isEmpty()) {
                throw new BadInputException(file, "no notes: " + spines.parts() + " **kern spine(s) with rests only");
            }
            double end = tempo.seconds(notes.end());
            if (end > limits.maxSeconds()) {
                throw new ResourceLimitException(file, "too long: " + hms(end) + " (h:mm:ss) of music to the last"
                        + " note's end, over the limit of " + hms(limits.maxSeconds()));
            }
            NoteSequence sequence = new NoteSequence(file, notes.notes(tempo), barSeconds(end));
            return new KernReading(new Score(ScoreFormat.KERN, sequence, records.metadata()), attacks, timelessNotes);
        }

        /** Token count, empty tokens, and what may come after every spine ended or before the first. */
        private void check(String[] tokens) {
            if (spines.size() == 0) {
                for (String t : tokens) {
                    if (!t.startsWith("**")) {
                        throw bad(ended ? shown(t) + " after every spine ended (*-)"
                                : shown(t) + " before the first exclusive interpretation (such as **kern)");
                    }
                }
            } else if (tokens.length != spines.size()) {
                throw bad(tokens.length + " tokens, but " + spines.size() + " spines are active");
            }
            for (int i = 0; i < tokens.length; i++) {
                if (tokens[i].isEmpty()) {
                    throw bad(i, "empty token (two TABs in a row, or a TAB at the end of the line)");
                }
            }
        }

        private void expect(String[] tokens, char first, String kind) {
            for (int i = 0; i < tokens.length; i++) {
                if (tokens[i].charAt(0) != first) {
                    throw bad(i, shown(tokens[i]) + " in " + kind);
                }
            }
        }

        /**
         * A bar line (its other tokens are not checked: a bar line holds no notes). An unnumbered invisible one
         * ({@code =-}) starts no measure: it divides one, at a line break of the source for instance.
         */
        private void barLine(String first) {
            if (!first.equals("=-")) {
                bars.add(now);
            }
        }

        private void interpretation(String[] tokens) {
            expect(tokens, '*', "an interpretation line");
            for (int i = 0; i < tokens.length && spines.size() > 0; i++) {
                String t = tokens[i];
                if (t.startsWith("*MM") && t.length() > 3 && Character.isDigit(t.charAt(3))) {
                    tempo(i, t);
                } else if (t.startsWith("*I") && spines.get(i).kind() == Spines.Kind.KERN) {
                    instrument(spines.get(i).part(), t.substring(2));
                }
            }
            try {
                spines.interpret(tokens, now);
            } catch (Spines.Problem e) {
                throw bad(e.column, e.getMessage());
            }
            if (spines.size() > MAX_SPINES) {
                throw new ResourceLimitException(file, "line " + line + ": " + spines.size()
                        + " spines, over the limit of " + MAX_SPINES);
            }
            ended = spines.size() == 0;
        }

        private void tempo(int column, String token) {
            double bpm;
            try {
                bpm = Double.parseDouble(token.substring(3));
            } catch (NumberFormatException e) {
                throw bad(column, "tempo '" + token + "' is not a number of quarter notes per minute");
            }
            if (!(bpm >= limits.minBpm() && bpm <= limits.maxBpm())) {
                throw bad(column, String.format(Locale.ROOT, "tempo %s outside the accepted %s..%s BPM", token,
                        limits.minBpm(), limits.maxBpm()));
            }
            tempo.change(now, bpm);
        }

        /** {@code *I} + code ({@code violn}) or name ({@code "Violino}); classes ({@code *ICvox}), groups,
         * abbreviations ({@code *I'Vl}) and transpositions ({@code *ITrd1c2}) are not instruments. */
        private void instrument(int part, String rest) {
            if (rest.startsWith("\"")) {
                notes.instrumentName(part, rest.substring(1));
            } else if (!rest.isEmpty() && Character.isLowerCase(rest.charAt(0))) {
                notes.instrumentCode(part, rest);
                records.instrumentCode(rest);
            }
        }

        private void data(String[] tokens) {
            boolean timeless = false;
            boolean started = false;
            for (int i = 0; i < tokens.length; i++) {
                Spines.Spine spine = spines.get(i);
                String token = tokens[i];
                if (spine.kind() != Spines.Kind.KERN || token.equals(".")) {
                    continue;
                }
                char c = token.charAt(0);
                if (c == '*' || c == '!' || c == '=') {
                    throw bad(i, shown(token) + " in a data line");
                }
                Quarters length = event(i, spine.part(), token);
                if (length == null) {
                    timeless = true;
                } else {
                    started = true;
                    spines.set(i, spine.endingAt(plus(now, length)));
                }
            }
            if (started && !timeless) {
                advance();
            }
        }

        /**
         * The notes of one kern token (a chord's members separated by spaces).
         *
         * @return its duration, quarter notes; null for a token that takes no time (grace notes, or no duration)
         */
        private Quarters event(int column, int part, String token) {
            List<KernToken> members = new ArrayList<>(4);
            Quarters length = null;
            for (String sub : token.split(" ")) {
                if (sub.isEmpty() || sub.equals(".")) {
                    continue;
                }
                KernToken k;
                try {
                    k = KernToken.parse(sub);
                } catch (IllegalArgumentException e) {
                    throw bad(column, e.getMessage());
                }
                members.add(k);
                if (length == null && !k.grace() && k.duration().isPresent()) {
                    length = k.duration().get();
                }
            }
            boolean timeless = length == null; // grace notes only, or notes written without a duration
            for (KernToken k : members) {
                if (k.rest()) {
                    continue;
                }
                if (!k.tie().continues()) {
                    if (++attacks > maxNotes) {
                        throw new ResourceLimitException(file, "line " + line + ": more than " + maxNotes
                                + " notes, the most one file may have");
                    }
                }
                if (timeless || k.grace()) {
                    timelessNotes++;
                } else {
                    notes.add(part, k.pitch(), now, plus(now, k.duration().orElse(length)), k.tie());
                }
            }
            return length;
        }

        /** Moves {@link #now} to the earliest end, after it, of an event in a kern spine. */
        private void advance() {
            Quarters next = null;
            for (int i = 0; i < spines.size(); i++) {
                Spines.Spine s = spines.get(i);
                if (s.kind() == Spines.Kind.KERN && s.end().compareTo(now) > 0
                        && (next == null || s.end().compareTo(next) < 0)) {
                    next = s.end();
                }
            }
            if (next == null) {
                return;
            }
            now = next;
            double seconds = tempo.seconds(now);
            if (seconds > limits.maxSeconds()) {
                throw new ResourceLimitException(file, "line " + line + ": too long: the music passes the limit of "
                        + hms(limits.maxSeconds()) + " (h:mm:ss)");
            }
        }

        private Quarters plus(Quarters a, Quarters b) {
            try {
                return a.plus(b);
            } catch (ArithmeticException e) {
                throw bad("durations too fine to add up exactly (" + a + " + " + b + " quarter notes)");
            }
        }

        private List<Double> barSeconds(double end) {
            List<Double> out = new ArrayList<>();
            out.add(0.0);
            for (Quarters q : bars) {
                double s = tempo.seconds(q);
                if (s < end && s > out.get(out.size() - 1)) {
                    out.add(s);
                }
            }
            return out;
        }

        private BadInputException bad(String problem) {
            return new BadInputException(file, "line " + line + ": " + problem);
        }

        private BadInputException bad(int column, String problem) {
            return new BadInputException(file, "line " + line + ", spine " + (column + 1) + ": " + problem);
        }

        /** A token quoted for a message, cut to 40 characters (a binary file's "token" can be a whole line). */
        private static String shown(String token) {
            return "'" + (token.length() > 40 ? token.substring(0, 40) + "..." : token) + "'";
        }

        private static String hms(double seconds) {
            long s = Math.round(seconds);
            return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
        }
    }
}
