package org.cadenza.features.tokens;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The token ids of a {@link NoteTokenizer}: id &lt;-&gt; text, in a fixed layout (see {@code docs/TOKENS.md}).
 *
 * <p>Layout, ids in this order, each block contiguous:
 * <ol>
 *   <li>{@code PAD} = 0, {@code BOS} = 1, {@code EOS} = 2;</li>
 *   <li>{@code NOTE(p)} for every pitch {@code p} in {@code [minPitch, maxPitch]};</li>
 *   <li>{@code VELOCITY(b)} for every bin {@code b} in {@code [0, velocityBins)};</li>
 *   <li>{@code TIME_SHIFT(s)} for {@code s} in {@code [1, maxShiftSteps]};</li>
 *   <li>{@code DURATION(s)} for {@code s} in {@code [0, maxDurationSteps]};</li>
 *   <li>{@code COMPOSER(name)} for every composer of the list given, in its order.</li>
 * </ol>
 * The composer tokens come last, so that the ids of the musical tokens do not depend on the composer list. With the
 * default parameters and no composer the size is 3 + 88 + 32 + 100 + 501 = 724.
 */
public final class Vocabulary {

    /** What a token stands for. */
    public enum Kind {
        /** Padding after the end of a sequence, id 0. */
        PAD,
        /** Beginning of a sequence, id 1. */
        BOS,
        /** End of a sequence, id 2. */
        EOS,
        /** A note struck at the current time: value = MIDI pitch. */
        NOTE,
        /** The velocity bin of the following notes: value = bin. */
        VELOCITY,
        /** Moves the current time forward: value = steps. */
        TIME_SHIFT,
        /** Length of the note just before: value = steps. */
        DURATION,
        /** The composer the sequence is conditioned on: value = index in {@link #composers()}. */
        COMPOSER
    }

    /** Id of {@code PAD}. */
    public static final int PAD = 0;
    /** Id of {@code BOS}. */
    public static final int BOS = 1;
    /** Id of {@code EOS}. */
    public static final int EOS = 2;

    private static final Pattern TOKEN = Pattern.compile("([A-Z_]+)(?:\\((.*)\\))?");

    private final TokenizerParams params;
    private final List<String> composers;
    private final Map<String, Integer> composerIndex = new HashMap<>();
    private final int noteBase;
    private final int velocityBase;
    private final int shiftBase;
    private final int durationBase;
    private final int composerBase;
    private final int size;

    /**
     * @param params    the token parameters
     * @param composers the composer names with a COMPOSER token (may be empty), distinct, non-blank, without
     *                  parentheses or commas; ids follow this order
     */
    public Vocabulary(TokenizerParams params, List<String> composers) {
        this.params = Objects.requireNonNull(params, "params");
        this.composers = List.copyOf(Objects.requireNonNull(composers, "composers"));
        for (int i = 0; i < this.composers.size(); i++) {
            String c = this.composers.get(i);
            if (c.isBlank() || c.contains("(") || c.contains(")") || c.contains(",") || !c.equals(c.strip())) {
                throw new IllegalArgumentException("composer name must be non-blank, without parentheses, commas or"
                        + " surrounding spaces: '" + c + "'");
            }
            if (composerIndex.put(c, i) != null) {
                throw new IllegalArgumentException("composer '" + c + "' is listed twice");
            }
        }
        noteBase = 3;
        velocityBase = noteBase + params.pitchCount();
        shiftBase = velocityBase + params.velocityBins();
        durationBase = shiftBase + params.maxShiftSteps();
        composerBase = durationBase + params.maxDurationSteps() + 1;
        size = composerBase + this.composers.size();
    }

    /** The parameters the ids were laid out for. */
    public TokenizerParams params() {
        return params;
    }

    /** The composers with a COMPOSER token, in id order. */
    public List<String> composers() {
        return composers;
    }

    /** Number of token ids; ids are {@code 0 .. size()-1}. */
    public int size() {
        return size;
    }

    /** Whether {@code id} is a token of this vocabulary. */
    public boolean isValid(int id) {
        return id >= 0 && id < size;
    }

    /** What {@code id} stands for. */
    public Kind kind(int id) {
        check(id);
        if (id == PAD) {
            return Kind.PAD;
        } else if (id == BOS) {
            return Kind.BOS;
        } else if (id == EOS) {
            return Kind.EOS;
        } else if (id < velocityBase) {
            return Kind.NOTE;
        } else if (id < shiftBase) {
            return Kind.VELOCITY;
        } else if (id < durationBase) {
            return Kind.TIME_SHIFT;
        } else if (id < composerBase) {
            return Kind.DURATION;
        }
        return Kind.COMPOSER;
    }

    /**
     * The value carried by {@code id}: the pitch of a NOTE, the bin of a VELOCITY, the steps of a TIME_SHIFT or a
     * DURATION, the composer index of a COMPOSER; 0 for PAD, BOS and EOS.
     */
    public int value(int id) {
        return switch (kind(id)) {
            case PAD, BOS, EOS -> 0;
            case NOTE -> id - noteBase + params.minPitch();
            case VELOCITY -> id - velocityBase;
            case TIME_SHIFT -> id - shiftBase + 1;
            case DURATION -> id - durationBase;
            case COMPOSER -> id - composerBase;
        };
    }

    /** Text of a token: {@code PAD}, {@code BOS}, {@code EOS}, {@code NOTE(60)}, {@code VELOCITY(12)},
     * {@code TIME_SHIFT(25)}, {@code DURATION(40)}, {@code COMPOSER(chopin)}. */
    public String describe(int id) {
        Kind k = kind(id);
        return switch (k) {
            case PAD, BOS, EOS -> k.name();
            case COMPOSER -> "COMPOSER(" + composers.get(value(id)) + ")";
            default -> k.name() + "(" + value(id) + ")";
        };
    }

    /** {@link #describe} of every id, space-separated (for messages and debugging). */
    public String describe(int[] ids) {
        StringBuilder sb = new StringBuilder();
        for (int id : ids) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(isValid(id) ? describe(id) : "<unknown " + id + ">");
        }
        return sb.toString();
    }

    /** The id of a token's text, as {@link #describe} writes it. */
    public int id(String text) {
        Matcher m = TOKEN.matcher(Objects.requireNonNull(text, "text").strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a token: '" + text + "'");
        }
        Kind k;
        try {
            k = Kind.valueOf(m.group(1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown token kind in '" + text + "'", e);
        }
        String arg = m.group(2);
        if ((arg == null) != (k == Kind.PAD || k == Kind.BOS || k == Kind.EOS)) {
            throw new IllegalArgumentException("'" + text + "': " + k + (arg == null ? " needs" : " takes no")
                    + " value in parentheses");
        }
        if (k == Kind.COMPOSER) {
            return composer(arg);
        }
        int v;
        try {
            v = arg == null ? 0 : Integer.parseInt(arg);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "': value is not an integer", e);
        }
        return switch (k) {
            case PAD -> PAD;
            case BOS -> BOS;
            case EOS -> EOS;
            case NOTE -> note(v);
            case VELOCITY -> velocity(v);
            case TIME_SHIFT -> timeShift(v);
            case DURATION -> duration(v);
            default -> throw new IllegalStateException(k.name());
        };
    }

    /** Id of NOTE(pitch); pitch within the parameters' range. */
    public int note(int pitch) {
        if (!params.inRange(pitch)) {
            throw new IllegalArgumentException("pitch " + pitch + " outside the vocabulary's " + params.minPitch()
                    + "-" + params.maxPitch());
        }
        return noteBase + pitch - params.minPitch();
    }

    /** Id of VELOCITY(bin), bin 0 .. velocityBins-1. */
    public int velocity(int bin) {
        if (bin < 0 || bin >= params.velocityBins()) {
            throw new IllegalArgumentException("velocity bin must be 0-" + (params.velocityBins() - 1) + ", got "
                    + bin);
        }
        return velocityBase + bin;
    }

    /** Id of TIME_SHIFT(steps), steps 1 .. maxShiftSteps. */
    public int timeShift(int steps) {
        if (steps < 1 || steps > params.maxShiftSteps()) {
            throw new IllegalArgumentException("time shift must be 1-" + params.maxShiftSteps() + " steps, got "
                    + steps);
        }
        return shiftBase + steps - 1;
    }

    /** Id of DURATION(steps), steps 0 .. maxDurationSteps. */
    public int duration(int steps) {
        if (steps < 0 || steps > params.maxDurationSteps()) {
            throw new IllegalArgumentException("duration must be 0-" + params.maxDurationSteps() + " steps, got "
                    + steps);
        }
        return durationBase + steps;
    }

    /** Id of COMPOSER(name); the name must be one of {@link #composers()}. */
    public int composer(String name) {
        Integer i = composerIndex.get(name);
        if (i == null) {
            throw new IllegalArgumentException("no COMPOSER token for '" + name + "'; the vocabulary has "
                    + composers);
        }
        return composerBase + i;
    }

    /** The ids of every token of {@code kind}, as {@code {first, last}} inclusive, or {@code null} if none. */
    public int[] range(Kind kind) {
        return switch (kind) {
            case PAD -> new int[] {PAD, PAD};
            case BOS -> new int[] {BOS, BOS};
            case EOS -> new int[] {EOS, EOS};
            case NOTE -> new int[] {noteBase, velocityBase - 1};
            case VELOCITY -> new int[] {velocityBase, shiftBase - 1};
            case TIME_SHIFT -> new int[] {shiftBase, durationBase - 1};
            case DURATION -> new int[] {durationBase, composerBase - 1};
            case COMPOSER -> composers.isEmpty() ? null : new int[] {composerBase, size - 1};
        };
    }

    /** Every token's text in id order, e.g. to save beside a model. */
    public List<String> all() {
        List<String> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(describe(i));
        }
        return out;
    }

    /** {@link TokenizerParams#key()} and the composer list: equal keys mean equal ids. */
    public String key() {
        return params.key() + ";composers=" + String.join(",", composers);
    }

    private void check(int id) {
        if (!isValid(id)) {
            throw new IllegalArgumentException("unknown token id " + id + " (vocabulary of " + size + " ids)");
        }
    }

    @Override
    public String toString() {
        return "Vocabulary[" + size + " ids; " + key() + "]";
    }
}
