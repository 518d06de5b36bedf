package org.cadenza.features.tokens;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.cadenza.io.midi.Note;
import org.cadenza.io.midi.NoteSequence;

/**
 * Turns notes into tokens of a MIDI-like event vocabulary and back (the vocabulary is in {@code docs/TOKENS.md}).
 *
 * <p>A sequence is {@code BOS [COMPOSER(name)] event* EOS}. Events: onsets are quantised to the grid
 * ({@code round(onset / step)}), notes grouped by quantised onset (a chord shares one time position) and ordered
 * by pitch (then duration, then velocity); {@code TIME_SHIFT(s)} tokens move the current time from 0 to each
 * position (a gap longer than {@code maxShiftSteps} takes several tokens, the longest first); each note is
 * {@code [VELOCITY(bin)] NOTE(pitch) DURATION(steps)}, with the VELOCITY token only when the bin differs from the
 * previous note's (always before the first note). The duration in steps is {@code round(offset / step) -
 * round(onset / step)}, clipped to {@code maxDurationSteps}.
 *
 * <p>Reversibility: {@code decode(encode(seq))} has every note of {@code seq} whose pitch is in range and that is
 * not percussion, with its pitch, its velocity quantised ({@link TokenizerParams#velocityOf} of its bin), its onset
 * within half a step and its offset within half a step (so both within the 10 ms step) unless the note was clipped
 * at the maximum duration. Channel, program and track are not kept: decoded notes are piano (channel 0, program 0,
 * track 0). {@link #encodeWithReport} counts the notes dropped and clipped.
 *
 * <p>Decoding is {@link Mode#STRICT} (a malformed sequence throws, naming the position) or {@link Mode#LENIENT}
 * (malformed tokens are skipped and counted), the second for freely sampled sequences.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class NoteTokenizer {

    /** How {@link #decode(int[], Mode)} treats a malformed sequence. */
    public enum Mode {
        /** Throw {@link IllegalArgumentException} naming the position of the first malformed token. */
        STRICT,
        /** Skip malformed tokens and count them in {@link Decoding#skippedTokens()}. */
        LENIENT
    }

    /**
     * The result of {@link #encodeWithReport}.
     *
     * @param tokens            the token ids, {@code BOS [COMPOSER] ... EOS}
     * @param notesIn           notes in the sequence given
     * @param notesKept         notes written as tokens (clipped ones included)
     * @param clipped           kept notes longer than the maximum duration, written at {@code maxDurationSteps}
     * @param droppedOutOfRange notes left out because their pitch has no NOTE token
     * @param droppedPercussion notes left out because they are percussion (channel index 9)
     */
    public record Encoding(int[] tokens, int notesIn, int notesKept, int clipped, int droppedOutOfRange,
                           int droppedPercussion) {

        /** Tokens per kept note ({@code NaN} without notes). */
        public double tokensPerNote() {
            return notesKept == 0 ? Double.NaN : (double) tokens.length / notesKept;
        }

        /** One line: notes kept, clipped and dropped. */
        public String summary() {
            return tokens.length + " tokens for " + notesKept + " of " + notesIn + " notes; " + clipped
                    + " clipped at the maximum duration, " + droppedOutOfRange + " out of pitch range and "
                    + droppedPercussion + " percussion dropped";
        }
    }

    /**
     * The result of {@link #decode(int[], Mode)}.
     *
     * @param notes         the decoded notes (source {@code (tokens)}, a bar every 2 s)
     * @param composer      the composer of the COMPOSER token, if the sequence had one
     * @param skippedTokens malformed tokens skipped (always 0 in {@link Mode#STRICT})
     * @param ended         whether an EOS token was met (tokens after it, PAD or not, are ignored)
     */
    public record Decoding(NoteSequence notes, Optional<String> composer, int skippedTokens, boolean ended) {
    }

    private static final Comparator<Note> ORDER = Comparator.comparingDouble(Note::onsetSeconds)
            .thenComparingInt(Note::pitch).thenComparingDouble(Note::offsetSeconds)
            .thenComparingInt(Note::velocity);

    private final TokenizerParams params;
    private final Vocabulary vocab;

    /** A tokenizer with {@code params} and a COMPOSER token for each of {@code composers} (may be empty). */
    public NoteTokenizer(TokenizerParams params, List<String> composers) {
        this(new Vocabulary(params, composers));
    }

    /** A tokenizer over {@code vocabulary}. */
    public NoteTokenizer(Vocabulary vocabulary) {
        this.vocab = Objects.requireNonNull(vocabulary, "vocabulary");
        this.params = vocabulary.params();
    }

    /** The default parameters, no composer token. */
    public static NoteTokenizer defaults() {
        return new NoteTokenizer(TokenizerParams.defaults(), List.of());
    }

    public TokenizerParams params() {
        return params;
    }

    public Vocabulary vocabulary() {
        return vocab;
    }

    /** The tokens of {@code seq}, without a composer token. */
    public int[] encode(NoteSequence seq) {
        return encodeWithReport(seq, null).tokens();
    }

    /** The tokens of {@code seq} conditioned on {@code composer} (one of the vocabulary's composers). */
    public int[] encode(NoteSequence seq, String composer) {
        return encodeWithReport(seq, Objects.requireNonNull(composer, "composer")).tokens();
    }

    /**
     * The tokens of {@code seq} with what was kept, clipped and dropped.
     *
     * @param composer a composer of the vocabulary, written as {@code COMPOSER(name)} after BOS, or {@code null}
     *                 for none
     */
    public Encoding encodeWithReport(NoteSequence seq, String composer) {
        Objects.requireNonNull(seq, "seq");
        int outOfRange = 0;
        int percussion = 0;
        int clipped = 0;
        List<long[]> events = new ArrayList<>(); // {onsetStep, pitch, durationSteps, velocityBin}
        for (Note n : seq.notes()) {
            if (n.isPercussion()) {
                percussion++;
                continue;
            }
            if (!params.inRange(n.pitch())) {
                outOfRange++;
                continue;
            }
            long on = params.steps(n.onsetSeconds());
            long dur = Math.max(0, params.steps(n.offsetSeconds()) - on);
            if (dur > params.maxDurationSteps()) {
                dur = params.maxDurationSteps();
                clipped++;
            }
            events.add(new long[] {on, n.pitch(), dur, params.velocityBin(n.velocity())});
        }
        events.sort((a, b) -> {
            for (int i = 0; i < 4; i++) {
                int c = Long.compare(a[i], b[i]);
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        });
        IntList out = new IntList(3 + events.size() * 3);
        out.add(Vocabulary.BOS);
        if (composer != null) {
            out.add(vocab.composer(composer));
        }
        long now = 0;
        int bin = -1;
        for (long[] e : events) {
            long gap = e[0] - now;
            while (gap > 0) {
                int s = (int) Math.min(gap, params.maxShiftSteps());
                out.add(vocab.timeShift(s));
                gap -= s;
            }
            now = e[0];
            if (e[3] != bin) {
                bin = (int) e[3];
                out.add(vocab.velocity(bin));
            }
            out.add(vocab.note((int) e[1]));
            out.add(vocab.duration((int) e[2]));
        }
        out.add(Vocabulary.EOS);
        return new Encoding(out.toArray(), seq.notes().size(), events.size(), clipped, outOfRange, percussion);
    }

    /** The notes of a well-formed token sequence ({@link Mode#STRICT}). */
    public NoteSequence decode(int[] tokens) {
        return decode(tokens, Mode.STRICT).notes();
    }

    /**
     * The notes of a token sequence.
     *
     * <p>Grammar: an optional {@code BOS} first; an optional {@code COMPOSER} right after it (or first); then
     * events; an optional {@code EOS}, after which everything is ignored (strict mode accepts only PAD there).
     * Malformed, in strict mode an {@link IllegalArgumentException} naming the position and the token, in lenient
     * mode skipped and counted: an id outside the vocabulary; {@code PAD} before the end; {@code BOS} or
     * {@code COMPOSER} after the first event; a second {@code COMPOSER}; a {@code NOTE} not directly followed by a
     * {@code DURATION} (the NOTE is skipped); a {@code DURATION} not directly after a {@code NOTE}; a {@code NOTE}
     * before any {@code VELOCITY} (lenient mode plays it at the bin of velocity 64 and does not count it).
     */
    public Decoding decode(int[] tokens, Mode mode) {
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(mode, "mode");
        boolean strict = mode == Mode.STRICT;
        int skipped = 0;
        boolean ended = false;
        boolean header = true;   // still before the first event
        boolean sawBos = false;
        String composer = null;
        long now = 0;
        int bin = -1;
        List<Note> notes = new ArrayList<>();
        for (int i = 0; i < tokens.length; i++) {
            int id = tokens[i];
            String problem = null;
            if (!vocab.isValid(id)) {
                problem = "unknown token id " + id + " (vocabulary of " + vocab.size() + " ids)";
            } else {
                Vocabulary.Kind k = vocab.kind(id);
                switch (k) {
                    case PAD -> problem = "PAD before the end of the sequence";
                    case BOS -> {
                        if (i == 0) {
                            sawBos = true;
                        } else {
                            problem = "BOS not at the start";
                        }
                    }
                    case COMPOSER -> {
                        if (header && composer == null && i == (sawBos ? 1 : 0)) {
                            composer = vocab.composers().get(vocab.value(id));
                        } else {
                            problem = vocab.describe(id) + " not right after BOS";
                        }
                    }
                    case EOS -> ended = true;
                    case TIME_SHIFT -> {
                        header = false;
                        now += vocab.value(id);
                    }
                    case VELOCITY -> {
                        header = false;
                        bin = vocab.value(id);
                    }
                    case DURATION -> problem = "DURATION(" + vocab.value(id) + ") with no NOTE before it";
                    case NOTE -> {
                        header = false;
                        boolean hasDuration = i + 1 < tokens.length && vocab.isValid(tokens[i + 1])
                                && vocab.kind(tokens[i + 1]) == Vocabulary.Kind.DURATION;
                        if (!hasDuration) {
                            problem = "NOTE(" + vocab.value(id) + ") not followed by a DURATION";
                        } else if (bin < 0 && strict) {
                            problem = "NOTE(" + vocab.value(id) + ") before any VELOCITY";
                        } else {
                            int velocity = params.velocityOf(bin < 0 ? params.velocityBin(64) : bin);
                            double on = params.seconds(now);
                            double off = params.seconds(now + vocab.value(tokens[i + 1]));
                            notes.add(new Note(vocab.value(id), on, off, velocity, 0, 0, 0));
                            i++; // the DURATION is consumed
                        }
                    }
                    default -> throw new IllegalStateException(k.name());
                }
            }
            if (problem != null) {
                if (strict) {
                    throw new IllegalArgumentException("malformed token sequence at position " + i + " of "
                            + tokens.length + ": " + problem);
                }
                skipped++;
            }
            if (ended) {
                for (int j = i + 1; j < tokens.length; j++) {
                    if (tokens[j] != Vocabulary.PAD && strict) {
                        throw new IllegalArgumentException("malformed token sequence at position " + j + " of "
                                + tokens.length + ": " + vocab.describe(new int[] {tokens[j]})
                                + " after EOS (only PAD may follow it)");
                    }
                }
                break;
            }
        }
        notes.sort(ORDER);
        NoteSequence seq = new NoteSequence(Path.of("(tokens)"), notes, NoteSequence.of(notes).barStartSeconds());
        return new Decoding(seq, Optional.ofNullable(composer), skipped, ended);
    }

    /** Duration of music a token sequence spans: the sum of its TIME_SHIFT steps, seconds (invalid ids ignored). */
    public double shiftSeconds(int[] tokens) {
        long steps = 0;
        for (int id : tokens) {
            if (vocab.isValid(id) && vocab.kind(id) == Vocabulary.Kind.TIME_SHIFT) {
                steps += vocab.value(id);
            }
        }
        return params.seconds(steps);
    }

    /** A growable int array. */
    private static final class IntList {
        private int[] a;
        private int n;

        IntList(int capacity) {
            a = new int[Math.max(4, capacity)];
        }

        void add(int v) {
            if (n == a.length) {
                a = java.util.Arrays.copyOf(a, a.length * 2);
            }
            a[n++] = v;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(a, n);
        }
    }
}
