package org.cadenza.io.score;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Instrument names as scores write them (MusicXML part names such as "Violin I", "Soprano", "Pianoforte",
 * "Klavier"; Humdrum {@code *I} codes such as {@code vioin}, {@code soprn}, {@code organ}) to the General MIDI
 * program (0-127) that plays them, so that a score's parts reach the instrument route and the renderer as a MIDI
 * file's would. Voices of every range map to 52 (Choir Aahs), the GM program of sung parts.
 *
 * <p>Matching: the name is lower-cased, accents dropped, and the table's keys are tried in order as whole words
 * at the start of a word ("Violino primo" and "1. Violine" find the violin); Humdrum codes are matched exactly
 * first. The Humdrum codes are those of music21's Humdrum instrument table, as listed in the polish-scores README.
 */
public final class InstrumentNames {

    /** GM program of sung parts (Choir Aahs, 0-based). */
    public static final int VOICE = 52;

    private static final Map<String, Integer> HUMDRUM = new LinkedHashMap<>();
    private static final Map<String, Integer> WORDS = new LinkedHashMap<>();

    static {
        // Humdrum *I codes (music21 humdrum/instruments.py), 0-based GM programs
        humdrum(VOICE, "soprn", "mezzo", "calto", "alto", "tenor", "ctenor", "barit", "bass", "vox", "canto",
                "coro", "male", "feme", "nfant", "quinto", "sesto");
        humdrum(0, "piano", "forte", "klav");
        humdrum(6, "cemba");
        humdrum(7, "clavi");
        humdrum(19, "organ");
        humdrum(40, "violn", "violb", "viols", "violt");
        humdrum(41, "viola", "viole");
        humdrum(42, "cello");
        humdrum(43, "cbass");
        humdrum(46, "arpa");
        humdrum(47, "timpa");
        // clars and clara are clarinets, troma the alto trombone (polish-scores: *Iclars beside *I"Clarinetto Primo,
        // *Itroma beside *I"Trombone Alto")
        humdrum(56, "tromp", "clrno", "claro");
        humdrum(57, "tromt", "tromb", "troma");
        humdrum(58, "tuba", "ophic", "serp");
        humdrum(60, "cor", "corno");
        humdrum(68, "oboe");
        humdrum(69, "cangl");
        humdrum(70, "fagot", "fag_c");
        humdrum(71, "clarb", "clars", "clara");
        humdrum(72, "picco");
        humdrum(73, "flt");
        humdrum(24, "guitr", "liuto", "tiorb");
        humdrum(15, "dulc", "zithr");
        humdrum(9, "glock");
        humdrum(14, "campn");
        humdrum(47, "drum", "drump", "tom", "sdrum", "bdrum", "trngl", "piatt", "tambn", "gong", "casts");
        humdrum(56, "cornt");
        // words in part names (English, Italian, German, French), most specific first
        words(42, "basso continuo", "continuo", "b.c.");
        words(VOICE, "soprano", "sopran", "mezzo", "contralto", "alto", "alt", "tenor", "tenore", "baritone",
                "bariton", "basso", "bass voice", "voice", "voix", "stimme", "singstimme", "gesang", "canto", "chant",
                "chorus", "choir", "chor", "coro", "choeur", "vocal", "vox", "s.", "a.", "t.", "b.");
        words(6, "harpsichord", "cembalo", "clavecin");
        words(7, "clavichord");
        words(19, "organ", "organo", "orgel", "orgue");
        words(0, "piano", "pianoforte", "klavier", "clavier", "fortepiano", "keyboard", "pft", "pno");
        words(43, "contrabass", "double bass", "kontrabass", "contrebasse", "violone");
        words(41, "viola", "bratsche", "alto viola");
        words(42, "violoncello", "cello", "vc", "vlc");
        words(40, "violin", "violino", "violine", "violon", "vn", "vl");
        words(46, "harp", "arpa", "harfe", "harpe");
        words(47, "timpani", "timpano", "pauken", "timbales");
        words(72, "piccolo", "ottavino");
        words(73, "flute", "flauto", "flote", "flöte", "fl");
        words(74, "recorder", "blockflote");
        words(69, "english horn", "cor anglais", "corno inglese", "englischhorn");
        words(68, "oboe", "hautbois", "ob");
        words(71, "clarinet", "clarinetto", "klarinette", "clarinette", "cl");
        words(70, "bassoon", "fagotto", "fagott", "basson", "bsn");
        words(60, "horn", "corno", "cor", "waldhorn");
        words(56, "trumpet", "tromba", "trompete", "trompette", "clarino", "cornet", "cornetto");
        words(57, "trombone", "posaune", "trb");
        words(58, "tuba", "ophicleide", "serpent");
        words(24, "guitar", "chitarra", "gitarre", "guitare", "lute", "liuto", "laute", "theorbo", "tiorba");
        words(65, "saxophone", "sax");
        words(48, "strings", "archi", "streicher");
    }

    private InstrumentNames() {
    }

    private static void humdrum(int program, String... codes) {
        for (String c : codes) {
            HUMDRUM.putIfAbsent(c, program);
        }
    }

    private static void words(int program, String... names) {
        for (String n : names) {
            WORDS.putIfAbsent(n, program);
        }
    }

    /** The GM program of a Humdrum {@code *I} instrument code ({@code vioin}, without {@code *I}); empty if unknown. */
    public static OptionalInt ofHumdrumCode(String code) {
        Integer p = HUMDRUM.get(code.strip().toLowerCase(Locale.ROOT));
        return p == null ? OptionalInt.empty() : OptionalInt.of(p);
    }

    /**
     * The GM program of an instrument or part name as a score writes it ("Violin I", "Soprano", "Pianoforte");
     * empty when no word of it names an instrument Cadenza knows.
     */
    public static OptionalInt ofName(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z.\\s]", " ").replaceAll("\\s+", " ").strip();
        if (folded.isEmpty()) {
            return OptionalInt.empty();
        }
        OptionalInt code = ofHumdrumCode(folded);
        if (code.isPresent()) {
            return code;
        }
        String padded = " " + folded + " ";
        for (Map.Entry<String, Integer> e : WORDS.entrySet()) {
            String key = e.getKey();
            boolean abbreviation = key.endsWith(".") || key.length() <= 3;
            if (abbreviation ? padded.startsWith(" " + key + " ") || padded.equals(" " + key.replace(".", "") + " ")
                    : padded.contains(" " + key)) {
                return OptionalInt.of(e.getValue());
            }
        }
        return OptionalInt.empty();
    }
}
