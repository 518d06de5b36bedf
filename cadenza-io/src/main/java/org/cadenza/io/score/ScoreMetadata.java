package org.cadenza.io.score;

import org.cadenza.io.Parameters;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a score says about itself, as written in the file: MusicXML {@code <creator type="composer">},
 * {@code <work-title>}/{@code <movement-title>}, part names; kern {@code !!!COM}, {@code !!!CDT}, {@code !!!OTL},
 * {@code !!!AIN} and {@code *I} records. Nothing is normalised here (the corpus layer maps names to composer ids).
 * MIDI files have {@link #NONE}.
 *
 * @param composer    the composer as the file writes it ("Chopin, Fryderyk"), if it names one
 * @param title       the title of the work or movement, if given
 * @param dates       the composer's life dates as written ({@code 1810/03/01-1849/10/17}, {@code ~1650-~1749}), if given
 * @param born        the first 4-digit year before the dash of {@code dates}, if any
 * @param died        the first 4-digit year after the dash of {@code dates}, if any
 * @param instruments the instruments named by the file (part names, {@code *I} codes), in score order, no repeats
 */
public record ScoreMetadata(Optional<String> composer, Optional<String> title, Optional<String> dates,
                            OptionalInt born, OptionalInt died, List<String> instruments) {

    /** A file that says nothing about itself. */
    public static final ScoreMetadata NONE = new ScoreMetadata(Optional.empty(), Optional.empty(), Optional.empty(),
            OptionalInt.empty(), OptionalInt.empty(), List.of());

    public ScoreMetadata {
        Parameters.nonNull("composer, title, dates, born, died", composer, title, dates, born, died);
        instruments = List.copyOf(instruments);
    }

    /**
     * Metadata from texts as found (blank means absent); born and died are parsed from {@code dates}: the first
     * run of 4 digits on each side of the first dash that has digits on its left ({@code ~1650-~1749} gives 1650
     * and 1749, {@code <1600->1650} gives 1600 and 1650, {@code 1819/05/05-1872/06/04} gives 1819 and 1872); a
     * dash before any digit leaves born empty ({@code -1752/02/17} gives died 1752 only).
     */
    public static ScoreMetadata of(String composer, String title, String dates, List<String> instruments) {
        Optional<String> d = present(dates);
        OptionalInt born = OptionalInt.empty();
        OptionalInt died = OptionalInt.empty();
        if (d.isPresent()) {
            String s = d.get();
            int dash = dashAfterDigits(s);
            int leading = s.indexOf('-');
            if (dash < 0 && leading >= 0 && !s.substring(0, leading).chars().anyMatch(Character::isDigit)) {
                died = firstYear(s.substring(leading + 1)); // "-1752/02/17": only the death is known
            } else {
                born = firstYear(dash < 0 ? s : s.substring(0, dash));
                died = dash < 0 ? OptionalInt.empty() : firstYear(s.substring(dash + 1));
            }
        }
        return new ScoreMetadata(present(composer), present(title), d, born, died, instruments);
    }

    private static Optional<String> present(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.strip());
    }

    private static int dashAfterDigits(String s) {
        boolean digits = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isDigit(c)) {
                digits = true;
            } else if (c == '-' && digits) {
                return i;
            }
        }
        return -1;
    }

    private static OptionalInt firstYear(String s) {
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            if (Character.isDigit(s.charAt(i))) {
                run++;
                if (run == 4 && (i + 1 == s.length() || !Character.isDigit(s.charAt(i + 1)))) {
                    return OptionalInt.of(Integer.parseInt(s.substring(i - 3, i + 1)));
                }
            } else {
                run = 0;
            }
        }
        return OptionalInt.empty();
    }
}
