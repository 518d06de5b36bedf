package org.cadenza.api.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.cadenza.corpus.dataset.Periods;
import org.cadenza.eval.map.ComposerMap;
import org.cadenza.eval.map.EmbeddedPiece;
import org.cadenza.eval.map.MapSettings;
import org.cadenza.model.embedding.Anchors;
import org.cadenza.model.embedding.EmbeddingModel;

/**
 * The map of composers of an embedding model ({@link ComposerMap}): the composer anchors (trained and enrolled)
 * clustered into a dendrogram, and the training pieces' embeddings projected to 2-D by PCA and t-SNE, coloured by
 * period, with figures saying whether the clusters follow the periods.
 */
public final class EmbeddingMap {

    private EmbeddingMap() {
    }

    /**
     * @param run      an embedding run folder (or its model folder)
     * @param periods  composer -&gt; period
     * @param settings clustering and projection settings
     * @param outDir   where {@code dendrogram.png}, {@code pieces-pca.png}, {@code pieces-tsne.png}, {@code map.json}
     *                 and {@code map.md} go (created)
     * @return the map and its figures
     */
    public static ComposerMap.Result draw(Path run, Periods periods, MapSettings settings, Path outDir) {
        ComposerMap.Result result;
        try (EmbeddingModel model = EmbeddingModel.open(run)) {
            Anchors anchors = model.anchors();
            List<EmbeddedPiece> pieces = new ArrayList<>();
            for (Map.Entry<String, Anchors.PieceAnchor> e : anchors.pieces().entrySet()) {
                pieces.add(new EmbeddedPiece(e.getKey(), e.getValue().composer(), e.getValue().anchor()));
            }
            result = ComposerMap.build(anchors.composers(), pieces, periods, settings);
        }
        ComposerMap.write(result, outDir);
        return result;
    }
}
