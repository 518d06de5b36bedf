package org.cadenza.io.score.kern;

import java.util.Optional;

/**
 * One note or rest of a {@code **kern} data token (a chord is several, separated by spaces), as far as it sounds:
 * pitch, duration, grace, tie. Every other signifier (beams {@code L J K k}, stems {@code / \}, slurs and phrases
 * {@code ( ) { }}, articulations, ornaments, editorial marks {@code x X y ?}, user-defined characters such as
 * {@code < > | @ + §}) is skipped.
 *
 * @param rest        a rest ({@code r}, {@code rr}); pitch is then -1
 * @param pitch       MIDI key, 0-127 ({@code c} = 60, {@code cc} = 72, {@code C} = 48), -1 for a rest
 * @param duration    the written duration in quarter notes, dots applied; empty when the token has none (grace
 *                    notes, or chord members that take the chord's first duration)
 * @param grace       a grace note ({@code q}, {@code qq}) or groupetto note ({@code Q}): no duration of its own
 * @param tie         where the note stands in a tie
 */
record KernToken(boolean rest, int pitch, Optional<Quarters> duration, boolean grace, Tie tie) {

    /** A note's place in a tie: {@code [} starts one, {@code _} continues it, {@code ]} ends it. */
    enum Tie {
        NONE, START, CONTINUE, END;

        /** Whether the note sounds on from an earlier one rather than being struck. */
        boolean continues() {
            return this == CONTINUE || this == END;
        }
    }

    private static final int[] STEP = {9, 11, 0, 2, 4, 5, 7}; // a b c d e f g, semitones above C

    /**
     * Parses a sub-token (no spaces; not the null token {@code .}).
     *
     * @throws IllegalArgumentException with a message that names the token and the problem
     */
    static KernToken parse(String token) {
        boolean rest = false;
        boolean grace = false;
        boolean tieOpens = false;
        boolean tieCloses = false;
        boolean tieContinues = false;
        char letter = 0;
        int letters = 0;
        int alter = 0;
        String reciprocal = null;
        String wholes = null;
        int dots = 0;
        int i = 0;
        int n = token.length();
        while (i < n) {
            char c = token.charAt(i);
            if (c >= '0' && c <= '9') {
                if (reciprocal != null) {
                    throw problem(token, "two durations");
                }
                int start = i;
                while (i < n && Character.isDigit(token.charAt(i))) {
                    i++;
                }
                reciprocal = token.substring(start, i);
                if (i < n && token.charAt(i) == '%') {
                    int from = ++i;
                    while (i < n && Character.isDigit(token.charAt(i))) {
                        i++;
                    }
                    wholes = token.substring(from, i);
                }
                continue;
            }
            if (isPitchLetter(c)) {
                if (letters > 0 && (c != letter || token.charAt(i - 1) != letter)) {
                    throw problem(token, "two pitches");
                }
                letter = c;
                letters++;
            } else if (c == '@' && i + 1 < n && Character.isDigit(token.charAt(i + 1))) {
                // a tremolo mark such as 2g@16@: the number is not the note's duration
                i++;
                while (i < n && token.charAt(i) != '@') {
                    i++;
                }
            } else {
                switch (c) {
                    case '.' -> dots++;
                    case '#' -> alter++;
                    case '-' -> alter--;
                    case 'r' -> rest = true;
                    case 'q', 'Q' -> grace = true;
                    case '[' -> tieOpens = true;
                    case '_' -> tieContinues = true;
                    case ']' -> tieCloses = true;
                    default -> {
                        // articulation, ornament, beam, stem, slur, editorial or user-defined signifier
                    }
                }
            }
            i++;
        }
        // "][" (end one tie, start the next) is a continuation, as "_" is
        Tie tie = tieContinues || (tieOpens && tieCloses) ? Tie.CONTINUE
                : tieOpens ? Tie.START : tieCloses ? Tie.END : Tie.NONE;
        Optional<Quarters> duration = reciprocal == null ? Optional.empty()
                : Optional.of(duration(token, reciprocal, wholes, dots));
        if (rest) {
            return new KernToken(true, -1, duration, grace, Tie.NONE);
        }
        if (letters == 0) {
            throw problem(token, "neither a pitch nor a rest");
        }
        int pitch = pitch(letter, letters) + alter;
        if (pitch < 0 || pitch > 127) {
            throw problem(token, "pitch " + pitch + " is outside MIDI's 0-127");
        }
        return new KernToken(false, pitch, duration, grace, tie);
    }

    private static boolean isPitchLetter(char c) {
        return (c >= 'a' && c <= 'g') || (c >= 'A' && c <= 'G');
    }

    /** c = C4 (60), cc = C5, C = C3, CC = C2; very long runs go far out of range and are refused by the caller. */
    private static int pitch(char letter, int count) {
        int octave = Character.isLowerCase(letter) ? 3 + Math.min(count, 20) : 4 - Math.min(count, 20);
        return (octave + 1) * 12 + STEP[Character.toLowerCase(letter) - 'a'];
    }

    private static Quarters duration(String token, String reciprocal, String wholes, int dots) {
        if (dots > 8 || reciprocal.length() > 9 || (wholes != null && (wholes.isEmpty() || wholes.length() > 9))) {
            throw problem(token, "unknown duration");
        }
        try {
            if (reciprocal.chars().allMatch(ch -> ch == '0')) {
                if (wholes != null || reciprocal.length() > 3) {
                    throw problem(token, "unknown duration");
                }
                // 0 = breve, 00 = long, 000 = maxima: 2, 4, 8 whole notes
                return Quarters.ofReciprocal(1, 1L << reciprocal.length(), dots);
            }
            long r = Long.parseLong(reciprocal);
            long w = wholes == null ? 1 : Long.parseLong(wholes);
            if (reciprocal.charAt(0) == '0' || w == 0) {
                throw problem(token, "unknown duration");
            }
            return Quarters.ofReciprocal(r, w, dots);
        } catch (ArithmeticException e) {
            throw problem(token, "unknown duration");
        }
    }

    private static IllegalArgumentException problem(String token, String what) {
        return new IllegalArgumentException(what + " in token '" + token + "'");
    }
}
