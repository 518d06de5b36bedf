package org.cadenza.corpus.datasets;

import java.net.URI;
import java.text.Normalizer;
import java.util.Map;
import java.util.Optional;

import org.cadenza.io.CliName;

/**
 * The public corpora Cadenza knows how to fetch from their home repositories, pinned to the commit the project's
 * figures were measured on: two MIDI corpora labelled by their metadata files, two score corpora labelled by what
 * each score says about itself. Each says how its files are found and labelled ({@link DatasetLayout}).
 */
public enum PublicDataset implements CliName {
    /** ASAP: 1,067 piano performances + 235 score MIDIs, 16 composers (CC BY-NC-SA 4.0). */
    ASAP("fosfrancesco/asap-dataset", "afc815c75c42e83a79c03feb6da8a35e77d4c6b8",
            "CC BY-NC-SA 4.0; cite Foscarin et al., ASAP, ISMIR 2020", "MIDI",
            new MetadataCsvLayout("metadata.csv", MetadataCsvLayout::asap), Map.of()),
    /** piano-midi.de (Bernd Krueger), cleaned mirror: 337 solo-piano files, 25 composers (study and research only). */
    PIANO_MIDI_DE("cheriell/ClassicalPianoMIDI-dataset", "505aef5e7539ac56cdb4cbc72d08a98bfaf7a208",
            "study and research only; see http://www.piano-midi.de/copy.htm (Bernd Krueger)", "MIDI",
            new MetadataCsvLayout("metadata.csv", MetadataCsvLayout::pianoMidiDe), Map.of()),
    /** OpenScore Lieder: about 1,460 art songs as compressed MusicXML, about 130 composers (CC0 1.0). */
    OPENSCORE_LIEDER("OpenScore/Lieder", "bca122458de6da362abe62dd6aec62e25d7759b1", "CC0 1.0 Universal",
            "MusicXML scores", new ScoreLayout(new OpenScoreLiederNaming()), Map.of(
                    "scores/Mendelssohn,_Felix/6_Gesänge,_Op.86/4_Allnächtlich_im_Traume_seh’_ich_dich,_MWV_K_78/"
                            + "lc6994338.mxl",
                    "wrong file in the source: its movement-title is 'Altdeutsches Frühlingslied, MWV K 127' and its"
                            + " notes equal Op.86/6 (lc6997609.mxl)",
                    "scores/Obradors,_Fernando/Canciones_Clásicas_Españolas,_Vol.1/1_La_mi_sola,_Laureola/"
                            + "lc30888626.mxl",
                    "wrong file in the source: byte-identical to Zemlinsky Op.6/1 'Liebe Schwalbe' (lc30893834.mxl)")),
    /** Polish Music Heritage in Open Access: about 8,150 Humdrum kern scores, 400 composers and many anonymous. */
    POLISH_SCORES("pl-wnifc/humdrum-polish-scores", "c0403623c0da3f75f1bcd6041dc85098e0cabe02",
            "CC BY 4.0; attribution: Polish Music Heritage in Open Access, Copyright 2019-2022 The Fryderyk Chopin"
                    + " Institute (https://nifc.pl)", "Humdrum kern scores",
            new ScoreLayout(new PolishScoresNaming()), Map.of());

    private final String repository;
    private final String commit;
    private final String licence;
    private final String content;
    private final DatasetLayout layout;
    private final Map<String, String> knownErrors;

    PublicDataset(String repository, String commit, String licence, String content, DatasetLayout layout,
                  Map<String, String> knownErrors) {
        this.repository = repository;
        this.commit = commit;
        this.licence = licence;
        this.content = content;
        this.layout = layout;
        this.knownErrors = knownErrors;
    }

    /** The folder name and command-line name, e.g. {@code asap}, {@code polish-scores}: the {@link #cliName()}. */
    public String id() {
        return cliName();
    }

    /** {@code owner/name} of the home repository on GitHub. */
    public String repository() {
        return repository;
    }

    /** The pinned commit. */
    public String commit() {
        return commit;
    }

    /** The licence, with the citation or attribution it asks for. */
    public String licence() {
        return licence;
    }

    /** What the files are: {@code MIDI}, {@code MusicXML scores}, {@code Humdrum kern scores}. */
    public String content() {
        return content;
    }

    /**
     * Files that are wrong in the source at the pinned commit, by their path in the repository, with the reason;
     * a fetch leaves them out ({@link SkippedFile.Reason#KNOWN_ERROR}).
     */
    public Map<String, String> knownErrors() {
        return knownErrors;
    }

    /** Why the file at {@code sourcePath} is wrong in the source, if it is (names compared in Unicode NFC). */
    Optional<String> knownError(String sourcePath) {
        String nfc = Normalizer.normalize(sourcePath, Normalizer.Form.NFC);
        return knownErrors.entrySet().stream()
                .filter(e -> Normalizer.normalize(e.getKey(), Normalizer.Form.NFC).equals(nfc))
                .map(Map.Entry::getValue).findFirst();
    }

    /** How the files are found in the archive and labelled. */
    DatasetLayout layout() {
        return layout;
    }

    /** Where the archive of the pinned commit is downloaded from. */
    public URI archiveUri() {
        return URI.create("https://codeload.github.com/" + repository + "/zip/" + commit);
    }

    /** Parses a command-line name such as {@code asap} or {@code piano-midi-de} (or {@code piano_midi_de}). */
    public static PublicDataset parse(String name) {
        return CliName.parse(PublicDataset.class, name, "dataset");
    }
}
