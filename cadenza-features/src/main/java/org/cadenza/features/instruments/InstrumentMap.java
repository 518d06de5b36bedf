package org.cadenza.features.instruments;

import java.io.BufferedReader;
import java.io.StringReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import org.cadenza.io.BadInputException;

/**
 * The table from a General MIDI program (0-127) to an instrument family ({@code "violin"}, {@code "strings"},
 * {@code "piano"}, ...), plus the percussion rule: a note on MIDI channel 10 (channel index
 * {@value #PERCUSSION_CHANNEL}) is {@value #PERCUSSION} whatever its program. Immutable and thread-safe.
 *
 * <p>The built-in table ({@link #builtIn()}) is the resource {@code instrument-families.csv} next to this class,
 * with columns {@code program,family,gm_name}; every choice is explained in {@code docs/INSTRUMENTS.md}. A user
 * overrides rows of it with {@link #load(Path)}.
 *
 * <p>The CSV files are plain comma-separated text in UTF-8: a header row, one row per program, no quoting (a field
 * holds no comma and no double quote), blank lines and lines starting with {@code #} ignored, fields trimmed.
 * Family names are lower case ASCII letters, digits and hyphens, starting with a letter
 * ({@code [a-z][a-z0-9-]*}), so that they can be used as label and file names as they are.
 */
public final class InstrumentMap {

    /** The family of every note on channel index 9 (MIDI channel 10), whatever its program. */
    public static final String PERCUSSION = "percussion";

    /** Channel index (0-15) of General MIDI percussion: MIDI channel 10. */
    public static final int PERCUSSION_CHANNEL = 9;

    /** Name of the built-in table, a resource next to this class. */
    public static final String RESOURCE = "instrument-families.csv";

    /** Version of the mapping rules (percussion channel, family name syntax); part of {@link #key()}. */
    public static final int VERSION = 1;

    private static final Pattern FAMILY = Pattern.compile("[a-z][a-z0-9-]*");

    private static final InstrumentMap BUILT_IN = readBuiltIn();

    private final String[] familyOfProgram; // 128 entries
    private final List<String> gmNames;     // 128 entries
    private final SortedSet<String> families;
    private final String key;

    private InstrumentMap(String[] familyOfProgram, List<String> gmNames) {
        this.familyOfProgram = familyOfProgram.clone();
        this.gmNames = List.copyOf(gmNames);
        TreeSet<String> all = new TreeSet<>(Arrays.asList(familyOfProgram));
        all.add(PERCUSSION);
        this.families = Collections.unmodifiableSortedSet(all);
        this.key = makeKey(familyOfProgram);
    }

    /** The built-in table (documented in {@code docs/INSTRUMENTS.md}); the same instance on every call. */
    public static InstrumentMap builtIn() {
        return BUILT_IN;
    }

    /**
     * The built-in table with the rows of {@code csv} overriding it. The file has a header whose first two columns
     * are {@code program,family} (further columns, such as the built-in table's {@code gm_name}, are ignored, so
     * a copy of the built-in CSV can be edited), then one row per overridden program; programs it does not list
     * keep their built-in family.
     *
     * @throws BadInputException naming the file, the line and the problem: the file is missing or unreadable, the
     *                           header is not {@code program,family}, a row has fewer than two fields or a quote, a
     *                           program is not an integer in 0-127, a family is empty or not
     *                           {@code [a-z][a-z0-9-]*}, or a program is listed twice
     */
    public static InstrumentMap load(Path csv) {
        Objects.requireNonNull(csv, "csv");
        List<String> lines;
        try {
            lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new BadInputException(csv, "no such instrument mapping file", e);
        } catch (IOException e) {
            throw new BadInputException(csv, "cannot read the instrument mapping: " + e.getMessage(), e);
        }
        String[] family = BUILT_IN.familyOfProgram.clone();
        List<Row> rows = parse(csv, lines, false);
        for (Row r : rows) {
            family[r.program] = r.family;
        }
        return new InstrumentMap(family, BUILT_IN.gmNames);
    }

    /**
     * This table with {@code program} mapped to {@code family} (for code that builds a table without a file).
     *
     * @throws IllegalArgumentException program outside 0-127, family not {@code [a-z][a-z0-9-]*}
     */
    public InstrumentMap with(int program, String family) {
        checkProgram(program);
        Objects.requireNonNull(family, "family");
        if (!FAMILY.matcher(family).matches()) {
            throw new IllegalArgumentException("family must match [a-z][a-z0-9-]*, got \"" + family + "\"");
        }
        String[] copy = familyOfProgram.clone();
        copy[program] = family;
        return new InstrumentMap(copy, gmNames);
    }

    /**
     * The family of a note.
     *
     * @param program General MIDI program in effect at the note's onset, 0-127
     * @param channel MIDI channel index, 0-15; {@value #PERCUSSION_CHANNEL} gives {@value #PERCUSSION}
     * @throws IllegalArgumentException program or channel out of range
     */
    public String familyOf(int program, int channel) {
        checkProgram(program);
        if (channel < 0 || channel > 15) {
            throw new IllegalArgumentException("channel must be 0-15, got " + channel);
        }
        return channel == PERCUSSION_CHANNEL ? PERCUSSION : familyOfProgram[program];
    }

    /** The family of {@code program} on a melodic channel (any channel but {@value #PERCUSSION_CHANNEL}). */
    public String familyOfProgram(int program) {
        checkProgram(program);
        return familyOfProgram[program];
    }

    /** The General MIDI name of {@code program} ({@code "Acoustic Grand Piano"} for 0). */
    public String gmName(int program) {
        checkProgram(program);
        return gmNames.get(program);
    }

    /** Every family a note can get: those of the 128 programs and {@value #PERCUSSION}; sorted, unmodifiable. */
    public SortedSet<String> families() {
        return families;
    }

    /**
     * Canonical text of the whole table, for trained models' contracts: equal keys mean equal mappings. Runs of
     * consecutive programs with the same family are written {@code first-last=family}, in program order, after
     * the version and the percussion rule; the built-in table's starts
     * {@code instruments-v1;channel9=percussion;0-5=piano;6-7=harpsichord;8-15=mallets;...}.
     */
    public String key() {
        return key;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InstrumentMap other && other.key.equals(key);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    @Override
    public String toString() {
        return key;
    }

    private static String makeKey(String[] family) {
        StringBuilder sb = new StringBuilder("instruments-v").append(VERSION)
                .append(";channel").append(PERCUSSION_CHANNEL).append('=').append(PERCUSSION);
        int start = 0;
        for (int p = 1; p <= 128; p++) {
            if (p == 128 || !family[p].equals(family[start])) {
                sb.append(';').append(start);
                if (p - 1 > start) {
                    sb.append('-').append(p - 1);
                }
                sb.append('=').append(family[start]);
                start = p;
            }
        }
        return sb.toString();
    }

    private static void checkProgram(int program) {
        if (program < 0 || program > 127) {
            throw new IllegalArgumentException("program must be 0-127, got " + program);
        }
    }

    private static InstrumentMap readBuiltIn() {
        Path name = Path.of("classpath:org/cadenza/features/instruments/" + RESOURCE);
        try (InputStream in = InstrumentMap.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + ": the cadenza-features jar is broken");
            }
            List<String> lines = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    lines.add(line);
                }
            }
            List<Row> rows = parse(name, lines, true);
            String[] family = new String[128];
            String[] gm = new String[128];
            for (Row row : rows) {
                family[row.program] = row.family;
                gm[row.program] = row.gmName;
            }
            for (int p = 0; p < 128; p++) {
                if (family[p] == null || gm[p] == null || gm[p].isEmpty()) {
                    throw new IllegalStateException(name + ": program " + p + " has no family or no gm_name");
                }
            }
            return new InstrumentMap(family, Arrays.asList(gm));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the resource " + name, e);
        }
    }

    private record Row(int program, String family, String gmName) {
    }

    /** Rows of a mapping CSV; {@code builtIn} requires the third column, gm_name. */
    private static List<Row> parse(Path file, List<String> lines, boolean builtIn) {
        List<Row> rows = new ArrayList<>();
        int[] firstLine = new int[128];
        boolean header = false;
        for (int i = 0; i < lines.size(); i++) {
            int lineNo = i + 1;
            String line = lines.get(i);
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1); // a byte-order mark, as spreadsheets write it
            }
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] f = fields(file, lineNo, trimmed);
            if (!header) {
                boolean ok = f.length >= 2 && f[0].equals("program") && f[1].equals("family")
                        && (!builtIn || f.length >= 3 && f[2].equals("gm_name"));
                if (!ok) {
                    throw bad(file, lineNo, "the header must start with "
                            + (builtIn ? "program,family,gm_name" : "program,family") + ", got \"" + trimmed + "\"");
                }
                header = true;
                continue;
            }
            if (f.length < (builtIn ? 3 : 2)) {
                throw bad(file, lineNo, "expected " + (builtIn ? "program,family,gm_name" : "program,family")
                        + ", got \"" + trimmed + "\"");
            }
            int program;
            try {
                program = Integer.parseInt(f[0]);
            } catch (NumberFormatException e) {
                throw bad(file, lineNo, "program \"" + f[0] + "\" is not an integer (General MIDI programs are"
                        + " 0-127: 0 = Acoustic Grand Piano, 40 = Violin)");
            }
            if (program < 0 || program > 127) {
                throw bad(file, lineNo, "program " + program + " is outside 0-127 (General MIDI programs count from"
                        + " 0; subtract 1 from a 1-128 numbering)");
            }
            if (f[1].isEmpty()) {
                throw bad(file, lineNo, "empty family for program " + program);
            }
            if (!FAMILY.matcher(f[1]).matches()) {
                throw bad(file, lineNo, "family \"" + f[1] + "\" for program " + program
                        + " must be lower case letters, digits and hyphens, starting with a letter");
            }
            if (firstLine[program] != 0) {
                throw bad(file, lineNo, "program " + program + " is listed twice (first on line "
                        + firstLine[program] + ")");
            }
            firstLine[program] = lineNo;
            rows.add(new Row(program, f[1], builtIn ? f[2] : ""));
        }
        if (!header) {
            throw new BadInputException(file, "empty instrument mapping: no header row program,family");
        }
        return rows;
    }

    /** The fields of one line, read by commons-csv (quotes allowed), each stripped. */
    private static String[] fields(Path file, int lineNo, String line) {
        try (CSVParser p = CSVFormat.DEFAULT.parse(new StringReader(line))) {
            List<CSVRecord> records = p.getRecords();
            if (records.size() != 1) {
                throw bad(file, lineNo, "expected one row, got \"" + line + "\"");
            }
            String[] f = records.get(0).values();
            for (int k = 0; k < f.length; k++) {
                f[k] = f[k].strip();
            }
            return f;
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw bad(file, lineNo, "not a CSV row (" + e.getMessage() + "): " + line);
        }
    }

    private static BadInputException bad(Path file, int line, String problem) {
        return new BadInputException(file, "line " + line + ": " + problem);
    }
}
