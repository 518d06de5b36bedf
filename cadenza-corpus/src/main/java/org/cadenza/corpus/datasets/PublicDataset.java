package org.cadenza.corpus.datasets;

import java.net.URI;

import org.cadenza.io.CliName;

/**
 * The public MIDI corpora Cadenza knows how to fetch from their home repositories, pinned to the commit the
 * project's figures were measured on.
 */
public enum PublicDataset implements CliName {
    /** ASAP: 1,067 piano performances + 235 score MIDIs, 16 composers (CC BY-NC-SA 4.0). */
    ASAP("fosfrancesco/asap-dataset", "afc815c75c42e83a79c03feb6da8a35e77d4c6b8",
            "CC BY-NC-SA 4.0; cite Foscarin et al., ASAP, ISMIR 2020", "metadata.csv"),
    /** piano-midi.de (Bernd Krueger), cleaned mirror: 337 solo-piano files, 25 composers (study and research only). */
    PIANO_MIDI_DE("cheriell/ClassicalPianoMIDI-dataset", "505aef5e7539ac56cdb4cbc72d08a98bfaf7a208",
            "study and research only; see http://www.piano-midi.de/copy.htm (Bernd Krueger)", "metadata.csv");

    private final String repository;
    private final String commit;
    private final String licence;
    private final String metadataFile;

    PublicDataset(String repository, String commit, String licence, String metadataFile) {
        this.repository = repository;
        this.commit = commit;
        this.licence = licence;
        this.metadataFile = metadataFile;
    }

    /** The folder name and command-line name, e.g. {@code asap}, {@code piano-midi-de}: the {@link #cliName()}. */
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

    public String licence() {
        return licence;
    }

    /** The source's own metadata file inside the archive (used to write labels.csv). */
    public String metadataFile() {
        return metadataFile;
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
