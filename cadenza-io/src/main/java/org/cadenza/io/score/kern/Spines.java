package org.cadenza.io.score.kern;

import java.util.ArrayList;
import java.util.List;

/**
 * The spines active at a line of a Humdrum file, left to right, followed through the spine manipulators:
 * {@code *^} splits a spine in two, {@code *v} joins adjacent spines, {@code *x} exchanges two, {@code *+} adds one
 * (its exclusive interpretation comes on a later line), {@code *-} ends one, {@code *} leaves it alone.
 *
 * <p>Joins, as the Humdrum standard has them: a run of adjacent {@code *v} becomes one spine, which keeps the part
 * of its first spine (files join the sub-spines of two parts on separate lines; none of polish-scores' 5,650 joins
 * two parts); a single {@code *v} is refused.
 */
final class Spines {

    /** What a spine holds. */
    enum Kind {
        /** {@code **kern}: notes, read. */
        KERN,
        /** any other exclusive interpretation ({@code **text}, {@code **dynam}...): kept in step, not read. */
        OTHER,
        /** added by {@code *+}, its exclusive interpretation still to come. */
        PENDING
    }

    /**
     * One active spine.
     *
     * @param kind  what it holds
     * @param part  for kern spines, the part (0-based, in order of the {@code **kern} interpretations); else -1
     * @param end   when the event it last started ends, in quarter notes from the start
     */
    record Spine(Kind kind, int part, Quarters end) {
        Spine endingAt(Quarters newEnd) {
            return new Spine(kind, part, newEnd);
        }
    }

    /** A spine manipulator that cannot be followed, at a column of the line (0-based). */
    static final class Problem extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        final int column;

        Problem(int column, String message) {
            super(message);
            this.column = column;
        }
    }

    private List<Spine> active = new ArrayList<>();
    private int tracks;
    private int parts;

    /** How many spines are active. */
    int size() {
        return active.size();
    }

    Spine get(int column) {
        return active.get(column);
    }

    void set(int column, Spine spine) {
        active.set(column, spine);
    }

    /** How many spines the file has started so far, of every kind. */
    int tracks() {
        return tracks;
    }

    /** How many {@code **kern} spines (parts) the file has started so far. */
    int parts() {
        return parts;
    }

    /**
     * Applies an interpretation line: exclusive interpretations ({@code **kern} starts a part) on pending spines, or
     * on all of them when none is active (the file's header), then the manipulators.
     *
     * @param tokens the line's tokens, one per active spine (or the header's)
     * @param now    the time of the line, quarter notes, for spines that start here
     * @throws Problem when a manipulator cannot be followed
     */
    void interpret(String[] tokens, Quarters now) {
        if (active.isEmpty()) {
            for (String t : tokens) {
                active.add(new Spine(Kind.PENDING, -1, now));
                tracks++;
            }
        }
        for (int i = 0; i < tokens.length; i++) {
            Spine s = active.get(i);
            if (tokens[i].startsWith("**") && s.kind() == Kind.PENDING) {
                boolean kern = tokens[i].equals("**kern");
                active.set(i, new Spine(kern ? Kind.KERN : Kind.OTHER, kern ? parts++ : -1, now));
            }
        }
        List<Spine> next = new ArrayList<>(active.size() + 2);
        int exchange = -1; // where in next the first spine of an exchange went
        int exchangeColumn = -1;
        for (int i = 0; i < tokens.length; i++) {
            Spine s = active.get(i);
            switch (tokens[i]) {
                case "*^" -> {
                    next.add(s);
                    next.add(s);
                }
                case "*v" -> i = join(tokens, i, next);
                case "*x" -> {
                    if (exchange < 0) {
                        exchange = next.size();
                        exchangeColumn = i;
                    } else {
                        next.add(exchange, s);
                        next.add(next.remove(exchange + 1));
                        exchange = -1;
                        continue;
                    }
                    next.add(s);
                }
                case "*+" -> {
                    next.add(s);
                    next.add(new Spine(Kind.PENDING, -1, now));
                    tracks++;
                }
                case "*-" -> {
                    // the spine ends
                }
                default -> next.add(s);
            }
        }
        if (exchange >= 0) {
            throw new Problem(exchangeColumn, "*x without a second *x to exchange with");
        }
        active = next;
    }

    /**
     * Joins the run of adjacent {@code *v} starting at {@code first} into one spine, which keeps the identity of the
     * run's first spine and ends with the latest of their events; returns the index of the run's last token.
     */
    private int join(String[] tokens, int first, List<Spine> next) {
        int last = first;
        Spine joined = active.get(first);
        while (last + 1 < tokens.length && tokens[last + 1].equals("*v")) {
            last++;
            joined = joined.endingAt(Quarters.max(joined.end(), active.get(last).end()));
        }
        if (last == first) {
            throw new Problem(first, "*v joins spines that are not adjacent (a single *v: no *v beside it)");
        }
        next.add(joined);
        return last;
    }
}
