package org.cadenza.corpus.names;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.cadenza.io.BadInputException;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns composer names as people write them into stable composer ids.
 *
 * <p>An id is lower-case ASCII letters, digits and hyphens: normally the surname ({@code bach}, {@code dvorak},
 * {@code rimsky-korsakov}). The rules, in order:
 * <ol>
 *   <li>Remarks in parentheses or brackets and life dates are dropped ("Johannes Brahms (1833-1897)",
 *       "Charlotte Alington Barnard [published as "Claribel"]", "Fanny (Mendelssohn) Hensel").</li>
 *   <li>German umlauts are written out (Schröter → schroeter, Bühler → buehler), other diacritics are stripped
 *       and a few letters transliterated (Dvořák → dvorak, ß → ss, ø → o, æ → ae, ł → l); case is ignored; underscores, dots and other punctuation count as spaces.</li>
 *   <li>"Surname, Given names" is read as "Given names Surname" (a trailing "II", "Jr." after the given names
 *       stays at the end: "Strauss, Johann II" = "Johann Strauss II").</li>
 *   <li>The alias table is consulted with the whole name, then with its initials run together
 *       ("C. P. E. Bach" = "CPE Bach"). The table maps canonical forms of names to ids; it ships with
 *       {@code default-aliases.csv} (the composers of the bundled datasets with their usual spellings, and
 *       families whose members need distinct ids: C.P.E. Bach → {@code cpe-bach}, J.C. Bach → {@code bach-johann-christian},
 *       Leopold Mozart → {@code l-mozart}, Johann Strauss II → {@code strauss-ii}, Johann Strauss I →
 *       {@code strauss-i}, Richard Strauss → {@code strauss-richard}, Clara Schumann → {@code schumann-clara}, ...). The
 *       best-known member of a family keeps the plain surname; plain "Strauss" stays {@code strauss}, which is
 *       ambiguous: label such files with a full name).</li>
 *   <li>Otherwise the surname is taken: the part before a comma (particles such as "van", "de", "von" dropped,
 *       several words joined by hyphens), or else the last word that is not a suffix (II, Jr.) or an initial
 *       ("Bach J.S." → bach). The surname itself is looked up in the alias table once more (spelling variants:
 *       rachmaninov → rachmaninoff, burgmuller → burgmueller).</li>
 * </ol>
 * A workspace's {@code aliases.csv} (columns {@code alias,id}; {@code #} starts a comment line) overrides and
 * extends the built-in table. Instances are immutable and thread-safe.
 */
public final class ComposerNames {

    /** The id of an unknown composer ("Anonymous", "Anon", "Anonim", "Unknown", "Traditional" in the built-in table). */
    public static final String ANONYMOUS = "anonymous";

    /** Classpath resource holding the built-in alias table. */
    public static final String DEFAULT_ALIASES_RESOURCE = "default-aliases.csv";

    /** Parenthesised and bracketed remarks in a written name. */
    private static final String REMARKS = "\\([^)]*\\)|\\[[^\\]]*\\]";
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Set<String> SUFFIXES = Set.of("i", "ii", "iii", "iv", "jr", "sr", "junior", "senior",
            "jun", "sen", "the", "younger", "elder");
    private static final Set<String> PARTICLES = Set.of("van", "von", "de", "di", "da", "del", "della", "der",
            "le", "la", "du", "des", "d", "den", "ten", "zu");
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader().setSkipHeaderRecord(true).setCommentMarker('#').setIgnoreEmptyLines(true)
            .setTrim(true).build();

    private static final ComposerNames BUILT_IN = new ComposerNames(loadBuiltIn());

    private final Map<String, String> aliases;

    private ComposerNames(Map<String, String> aliases) {
        this.aliases = Collections.unmodifiableMap(new LinkedHashMap<>(aliases));
    }

    /** The built-in alias table only. */
    public static ComposerNames builtIn() {
        return BUILT_IN;
    }

    /**
     * The built-in table overridden and extended by the alias CSV at {@code aliasesCsv} (header {@code alias,id}).
     *
     * @throws BadInputException naming the file and line when the CSV is malformed or an id is not a valid id
     */
    public static ComposerNames load(Path aliasesCsv) {
        try (java.io.BufferedReader r = Files.newBufferedReader(aliasesCsv, StandardCharsets.UTF_8)) {
            r.mark(1);
            if (r.read() != '\uFEFF') {
                r.reset(); // no byte-order mark
            }
            return BUILT_IN.withAliases(parse(r, aliasesCsv));
        } catch (IOException e) {
            throw new BadInputException(aliasesCsv, "cannot read the alias table: " + e, e);
        }
    }

    /** A copy whose table is this one's, overridden and extended by {@code extra} (written name → id). */
    public ComposerNames withAliases(Map<String, String> extra) {
        Map<String, String> merged = new LinkedHashMap<>(aliases);
        extra.forEach((alias, id) -> {
            if (!ID.matcher(id).matches()) {
                throw new IllegalArgumentException("composer id '" + id + "' for alias '" + alias
                        + "' is not lower-case ASCII letters, digits and single hyphens");
            }
            String key = key(fold(alias));
            if (key.isEmpty()) {
                throw new IllegalArgumentException("alias '" + alias + "' has no letters or digits");
            }
            merged.put(key, id);
        });
        return new ComposerNames(merged);
    }

    /** Writes the built-in alias table (with its comments) to {@code target}, replacing it atomically. */
    public static void writeDefaults(Path target) {
        try (InputStream in = ComposerNames.class.getResourceAsStream(DEFAULT_ALIASES_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + DEFAULT_ALIASES_RESOURCE + " missing from the jar");
            }
            Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the alias table " + target, e);
        }
    }

    /** The alias table: canonical written form (lower-case ASCII words separated by single spaces) → id. */
    public Map<String, String> aliases() {
        return aliases;
    }

    /**
     * The composer id for a name as written ("Bach, J.S.", "J. S. Bach", "BACH", "Dvořák", "johann_sebastian_bach").
     *
     * @throws IllegalArgumentException when the name is blank or has no letters or digits
     */
    public String toId(String written) {
        if (written == null || written.isBlank()) {
            throw new IllegalArgumentException("composer name is empty");
        }
        String folded = withoutRemarks(fold(written.replaceAll(REMARKS, " ")));
        int comma = folded.indexOf(',');
        List<String> surnameWords;
        List<String> given;
        if (comma >= 0) {
            surnameWords = words(folded.substring(0, comma));
            given = new ArrayList<>(words(folded.substring(comma + 1).replace(',', ' ')));
        } else {
            surnameWords = List.of();
            given = new ArrayList<>(words(folded));
        }
        // "Given [Surname] Suffix": a suffix written after the given names of a "Surname, Given" form moves last
        List<String> suffix = new ArrayList<>();
        if (comma >= 0) {
            while (!given.isEmpty() && SUFFIXES.contains(bare(given.get(given.size() - 1)))) {
                suffix.add(0, given.remove(given.size() - 1));
            }
        }
        List<String> full = new ArrayList<>(given);
        full.addAll(surnameWords);
        full.addAll(suffix);
        if (full.isEmpty()) {
            throw new IllegalArgumentException("composer name '" + written + "' has no letters or digits");
        }
        String hit = lookup(full);
        if (hit != null) {
            return hit;
        }
        if (comma >= 0 && !given.isEmpty()) {
            // some aliases are written surname first ("Liszt Ferenc", "Mendelssohn Bartholdy")
            List<String> asWritten = new ArrayList<>(surnameWords);
            asWritten.addAll(given);
            asWritten.addAll(suffix);
            hit = lookup(asWritten);
            if (hit != null) {
                return hit;
            }
        }
        String surname = comma >= 0 && !surnameWords.isEmpty() ? commaSurname(surnameWords) : lastSurname(full);
        String id = toIdChars(surname);
        if (id.isEmpty()) {
            throw new IllegalArgumentException("composer name '" + written + "' has no letters or digits");
        }
        String aliased = aliases.get(key(id));
        return aliased != null ? aliased : id;
    }

    private String lookup(List<String> words) {
        String k = key(String.join(" ", words));
        String hit = aliases.get(k);
        if (hit == null) {
            hit = aliases.get(mergeInitials(k));
        }
        return hit;
    }

    private static String commaSurname(List<String> surnameWords) {
        List<String> w = new ArrayList<>(surnameWords);
        while (w.size() > 1 && PARTICLES.contains(bare(w.get(0)))) {
            w.remove(0);
        }
        return String.join("-", w);
    }

    private static String lastSurname(List<String> words) {
        for (int i = words.size() - 1; i >= 0; i--) {
            String w = bare(words.get(i));
            if (w.length() > 1 && !SUFFIXES.contains(w)) {
                return words.get(i);
            }
        }
        // only initials or suffixes: keep them all ("J.S." -> "js")
        return String.join("", words);
    }

    /** Lower-case ASCII with diacritics stripped, underscores and dots as spaces; commas and hyphens kept. */
    static String fold(String s) {
        // German umlauts as German writes them without the dots (Schröter -> schroeter, as the datasets spell ids)
        String t = s.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("Ä", "Ae").replace("Ö", "Oe")
                .replace("Ü", "Ue");
        t = t.replace("ß", "ss").replace("ø", "o").replace("Ø", "O").replace("æ", "ae").replace("Æ", "AE")
                .replace("œ", "oe").replace("Œ", "OE").replace("ł", "l").replace("Ł", "L").replace("đ", "d")
                .replace("Đ", "D").replace("þ", "th").replace("ð", "d").replace("ı", "i");
        t = Normalizer.normalize(t, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        t = t.toLowerCase(Locale.ROOT);
        return t.replaceAll("[^a-z0-9,\\-]+", " ");
    }

    /** A folded name without its words that have digits but no letters (life dates: "1833-1897"). */
    private static String withoutRemarks(String folded) {
        return Arrays.stream(folded.split(" ")).filter(w -> !w.matches("[0-9-]*[0-9][0-9-]*"))
                .collect(java.util.stream.Collectors.joining(" "));
    }

    /** Words of a folded string, hyphens kept inside words. */
    private static List<String> words(String folded) {
        return Arrays.stream(folded.trim().split("[\\s,]+"))
                .map(w -> w.replaceAll("^-+|-+$", ""))
                .filter(w -> !w.isEmpty())
                .toList();
    }

    private static String bare(String word) {
        return word.replace("-", "");
    }

    /** The canonical alias key of a folded string: words separated by single spaces, hyphens and commas as spaces. */
    static String key(String folded) {
        return folded.replace(',', ' ').replace('-', ' ').trim().replaceAll("\\s+", " ");
    }

    /** Runs of single-letter words joined: "c p e bach" -> "cpe bach". */
    private static String mergeInitials(String key) {
        StringBuilder sb = new StringBuilder();
        String[] w = key.split(" ");
        for (int i = 0; i < w.length; i++) {
            boolean initial = w[i].length() == 1;
            boolean prevInitial = i > 0 && w[i - 1].length() == 1;
            if (i > 0 && !(initial && prevInitial)) {
                sb.append(' ');
            }
            sb.append(w[i]);
        }
        return sb.toString();
    }

    private static String toIdChars(String s) {
        return s.replaceAll("[^a-z0-9-]+", "-").replaceAll("-{2,}", "-").replaceAll("^-|-$", "");
    }

    private static Map<String, String> parse(Reader r, Path source) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (CSVParser p = FORMAT.parse(r)) {
            if (!p.getHeaderNames().contains("alias") || !p.getHeaderNames().contains("id")) {
                throw new BadInputException(source, "line 1: expected the header 'alias,id', found "
                        + p.getHeaderNames());
            }
            for (CSVRecord rec : p) {
                long line = rec.getParser().getCurrentLineNumber();
                if (!rec.isConsistent() || !rec.isSet("alias") || !rec.isSet("id")) {
                    throw new BadInputException(source, "line " + line + ": expected 2 columns 'alias,id', found "
                            + rec.size());
                }
                String alias = rec.get("alias");
                String id = rec.get("id");
                if (!ID.matcher(id).matches()) {
                    throw new BadInputException(source, "line " + line + ": composer id '" + id
                            + "' must be lower-case ASCII letters, digits and single hyphens");
                }
                if (key(fold(alias)).isEmpty()) {
                    throw new BadInputException(source, "line " + line + ": alias '" + alias
                            + "' has no letters or digits");
                }
                out.put(alias, id);
            }
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            throw new BadInputException(source, "malformed CSV: " + e.getMessage(), e);
        }
        return out;
    }

    private static Map<String, String> loadBuiltIn() {
        try (InputStream in = ComposerNames.class.getResourceAsStream(DEFAULT_ALIASES_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + DEFAULT_ALIASES_RESOURCE + " missing from the jar");
            }
            Map<String, String> raw = parse(new InputStreamReader(in, StandardCharsets.UTF_8),
                    Path.of(DEFAULT_ALIASES_RESOURCE));
            Map<String, String> out = new LinkedHashMap<>();
            raw.forEach((alias, id) -> out.put(key(fold(alias)), id));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the built-in alias table", e);
        }
    }
}
