package org.cadenza.corpus.dataset;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.cadenza.corpus.names.ComposerNames;
import org.cadenza.io.BadInputException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A composer id -&gt; style period table.
 *
 * <p>The built-in table ({@code periods.csv} in this package's resources) covers every composer of the bundled
 * datasets (asap, piano-midi-de, midi-classics), the ids of the built-in alias table and about a hundred more, with
 * seed 001's seven periods ({@link #SEED_001_PERIODS}). Its rule: the period in which the bulk of a composer's
 * best-known output was written (before 1600 renaissance, 1600-1749 baroque, 1750-1819 classical, 1820-1899
 * romantic, 1900-1999 20th-century, from 2000 21st-century), with two conventions first: impressionist for
 * Debussy, Ravel and their idiom, and Beethoven classical. Hence Schubert romantic, Rachmaninoff, Scriabin and
 * Prokofiev 20th-century, Albeniz and Granados romantic; borderline rows carry a note in the CSV. Ambiguous ids
 * (plain {@code strauss}) and {@code anonymous} are absent: unknown.
 *
 * <p>A user CSV (header {@code composer,period}; other columns ignored; {@code #} starts a comment line) overrides
 * and extends the table: composers are written any way {@link ComposerNames} understands, periods are lower-case
 * labels ({@code [a-z0-9]+(-[a-z0-9]+)*}, any scheme, not only the seven); an empty period removes the composer.
 * Immutable.
 */
public final class Periods {

    /** Seed 001's seven periods, in historical order. */
    public static final List<String> SEED_001_PERIODS = List.of("renaissance", "baroque", "classical", "romantic",
            "impressionist", "20th-century", "21st-century");

    /** Classpath resource (next to this class) holding the built-in table. */
    public static final String RESOURCE = "periods.csv";

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).setTrim(true)
            .setIgnoreHeaderCase(true).setAllowMissingColumnNames(true).setCommentMarker('#').build();
    private static final Periods BUILT_IN = loadBuiltIn();

    private final Map<String, String> table;

    private Periods(Map<String, String> table) {
        this.table = Collections.unmodifiableMap(new TreeMap<>(table));
    }

    /** The built-in table. */
    public static Periods builtIn() {
        return BUILT_IN;
    }

    /** A table holding exactly {@code composerToPeriod} (ids taken as they are; periods validated). */
    public static Periods of(Map<String, String> composerToPeriod) {
        TreeMap<String, String> t = new TreeMap<>();
        composerToPeriod.forEach((c, p) -> {
            if (!LABEL.matcher(p).matches() || !LABEL.matcher(c).matches()) {
                throw new IllegalArgumentException("Periods: composer id and period must be lower-case labels "
                        + "([a-z0-9] and hyphens), got " + c + " -> " + p);
            }
            t.put(c, p);
        });
        return new Periods(t);
    }

    /** The built-in table overridden by the user CSV {@code csv}, names normalised with the built-in aliases. */
    public static Periods load(Path csv) {
        return builtIn().withOverrides(csv, ComposerNames.builtIn());
    }

    /**
     * This table overridden and extended by the CSV {@code csv} (header {@code composer,period}).
     *
     * @param names how composer names in the CSV become ids (e.g. a workspace's {@code names()})
     * @throws BadInputException naming the CSV and line: missing columns, a bad period label, a composer listed
     *                           twice, unreadable file
     */
    public Periods withOverrides(Path csv, ComposerNames names) {
        TreeMap<String, String> t = new TreeMap<>(table);
        try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            r.mark(1);
            if (r.read() != '\uFEFF') {
                r.reset();
            }
            read(r, csv, names, t, true);
        } catch (IOException e) {
            throw new BadInputException(csv, "cannot read the periods CSV: " + e, e);
        }
        return new Periods(t);
    }

    private static void read(Reader reader, Path source, ComposerNames names, Map<String, String> into,
                             boolean override) throws IOException {
        try (CSVParser p = FORMAT.parse(reader)) {
            List<String> header = p.getHeaderNames().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
            if (!header.contains("composer") || !header.contains("period")) {
                throw new BadInputException(source, "line 1: the header needs the columns 'composer' and 'period', "
                        + "found: " + String.join(", ", header));
            }
            SortedSet<String> seen = new TreeSet<>();
            for (CSVRecord rec : p) {
                long line = rec.getParser().getCurrentLineNumber();
                String written = rec.isMapped("composer") && rec.isSet("composer") ? rec.get("composer") : "";
                String period = rec.isSet("period") ? rec.get("period").toLowerCase(Locale.ROOT) : "";
                if (written.isBlank()) {
                    throw new BadInputException(source, "line " + line + ": empty composer");
                }
                String id;
                try {
                    id = names == null ? written : names.toId(written);
                } catch (RuntimeException e) {
                    throw new BadInputException(source, "line " + line + ": composer '" + written
                            + "' cannot be normalised: " + e.getMessage(), e);
                }
                if (!seen.add(id)) {
                    throw new BadInputException(source, "line " + line + ": composer '" + written + "' (id " + id
                            + ") is listed twice");
                }
                if (period.isEmpty() && override) {
                    into.remove(id);
                    continue;
                }
                if (!LABEL.matcher(period).matches()) {
                    throw new BadInputException(source, "line " + line + ": period '" + period + "' for " + id
                            + " is not a lower-case label such as " + String.join(", ", SEED_001_PERIODS));
                }
                into.put(id, period);
            }
        }
    }

    private static Periods loadBuiltIn() {
        InputStream in = Periods.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("the built-in periods table " + RESOURCE + " is missing from the jar");
        }
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            TreeMap<String, String> t = new TreeMap<>();
            read(r, Path.of(RESOURCE), null, t, false); // ids are written normalised (PeriodsTest checks)
            return new Periods(t);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the built-in periods table: " + e.getMessage(), e);
        }
    }

    /**
     * The period of a composer the table does not know, from life years alone (as scores give them: kern
     * {@code !!!CDT}, the score corpora's {@code born}/{@code died} columns), by the table's own date rule applied
     * to the year the composer turned 40, or died if earlier: the middle of most careers' best-known output.
     * Bach (1685-1750) gives 1725, baroque; Mozart (1756-1791) 1791, classical; Moniuszko (1819-1872) 1859,
     * romantic. The conventions the table adds (impressionist, Beethoven) are not guessed from dates.
     *
     * @param born the year of birth
     * @param died the year of death, &ge; {@code born}
     * @return one of the periods of the date rule: renaissance, baroque, classical, romantic, 20th-century,
     *         21st-century
     * @throws IllegalArgumentException when {@code died < born}
     */
    public static String ofLifeYears(int born, int died) {
        if (died < born) {
            throw new IllegalArgumentException("died (" + died + ") before born (" + born + ")");
        }
        int year = Math.min(died, born + 40);
        return year < 1600 ? "renaissance" : year < 1750 ? "baroque" : year < 1820 ? "classical"
                : year < 1900 ? "romantic" : year < 2000 ? "20th-century" : "21st-century";
    }

    /** The period of {@code composerId}, or empty when the table does not know it. */
    public Optional<String> periodOf(String composerId) {
        return Optional.ofNullable(table.get(Objects.requireNonNull(composerId, "composerId")));
    }

    /** The whole table, sorted by composer id. */
    public Map<String, String> asMap() {
        return table;
    }

    /** The distinct periods the table uses, sorted. */
    public SortedSet<String> periods() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(table.values()));
    }

    /** Canonical text of the table ({@code id=period;...}, sorted): part of dataset hashes. */
    public String key() {
        StringBuilder sb = new StringBuilder();
        table.forEach((c, p) -> sb.append(c).append('=').append(p).append(';'));
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Periods other && table.equals(other.table);
    }

    @Override
    public int hashCode() {
        return table.hashCode();
    }

    @Override
    public String toString() {
        return "Periods[" + table.size() + " composers, " + periods() + "]";
    }
}
