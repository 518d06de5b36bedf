package org.cadenza.corpus.datasets;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;


/**
 * The OpenScore Lieder corpus: {@code scores/<Surname,_First>/<set>/<song>/lc<id>.mxl}, one compressed MusicXML
 * file per song; standalone songs are in the set {@code _}. A song goes to {@code <composer>/<set>/<song>.mxl} with
 * the set and song names in {@code [A-Za-z0-9._-]} ({@link #folderName}); its piece is
 * {@code <composer>/<set>/<song>}, its work the set {@code <composer>/<set>} (a standalone song is its own work), so
 * that a song cycle stays on one side of a split. The composer folder names the composer where the score does not.
 */
final class OpenScoreLiederNaming implements ScoreNaming {

    private static final String STANDALONE = "_";

    @Override
    public boolean accepts(String relativePath) {
        String[] s = relativePath.split("/");
        String lower = relativePath.toLowerCase(Locale.ROOT);
        return s.length == 5 && s[0].equals("scores") && (lower.endsWith(".mxl") || lower.endsWith(".musicxml"));
    }

    @Override
    public Optional<String> composerFromPath(String relativePath) {
        return Optional.of(relativePath.split("/")[1].replace('_', ' ')).filter(c -> !c.isBlank());
    }

    @Override
    public Placement place(String relativePath, String composer) {
        String[] s = relativePath.split("/");
        String set = folderName(s[2]);
        String song = folderName(s[3]);
        String extension = s[4].substring(s[4].lastIndexOf('.')).toLowerCase(Locale.ROOT);
        String piece = composer + "/" + set + "/" + song;
        return new Placement(piece + extension, piece, set.equals(STANDALONE) ? piece : composer + "/" + set, s[3]);
    }

    /**
     * A set or song folder name as the fetched folder (and the shared copy) writes it: German umlauts as ae/oe/ue,
     * ß as ss, other accents dropped, every other character outside {@code [A-Za-z0-9._-]} as {@code _}, runs of
     * {@code _} as one ({@code Die_schöne_Müllerin,_D.795} → {@code Die_schoene_Muellerin_D.795}).
     */
    static String folderName(String name) {
        String t = name.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("Ä", "Ae")
                .replace("Ö", "Oe").replace("Ü", "Ue").replace("ß", "ss");
        return Normalizer.normalize(t, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("_{2,}", "_");
    }

    @Override
    public String expected() {
        return "scores/<composer>/<set>/<song>/*.mxl";
    }

    @Override
    public String composerRecord() {
        return "MusicXML <creator type=\"composer\"> (else its composer folder)";
    }
}
