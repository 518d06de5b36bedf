package org.cadenza.corpus.datasets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.cadenza.corpus.ProgressListener;

/**
 * How the files of one public dataset are found in the archive of its repository and labelled: from the source's own
 * metadata file ({@link MetadataCsvLayout}, the MIDI corpora) or from what each score says about itself
 * ({@link ScoreLayout}). Paths are '/'-separated and relative to the archive's top folder ({@code <repo>-<commit>/}).
 */
interface DatasetLayout {

    /** Whether the archive member at {@code relativePath} is needed (the music files and any metadata file). */
    boolean wanted(String relativePath);

    /**
     * Labels the wanted members.
     *
     * @param top      where the archive's top folder was extracted
     * @param files    the wanted members, relative to {@code top}, in archive order
     * @param progress one advance per file labelled, when the layout reads the files
     * @return the rows for labels.csv (their {@code sourcePath}s are members of {@code files}) and the files left out;
     *     no rows at all when the archive is not this dataset's
     */
    Labelling label(Path top, List<String> files, ProgressListener progress) throws IOException;

    /** What the archive must hold, for the message when it holds none of it ("metadata.csv at its top level"). */
    String expected();

    /** How the labels are made, for SOURCE.txt ("labels from metadata.csv"). */
    String labelledBy();

    /** The rows of labels.csv and the files left out. */
    record Labelling(List<FetchedLabel> rows, List<SkippedFile> skipped) {
        public Labelling {
            rows = List.copyOf(rows);
            skipped = List.copyOf(skipped);
        }
    }
}
