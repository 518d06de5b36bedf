/**
 * A map of composers (issue 6, part 6): the composers' anchors clustered hierarchically and drawn as a dendrogram,
 * the pieces' embeddings projected to two dimensions (PCA and t-SNE) and coloured by period, and figures that say
 * whether the clusters follow the periods, each beside a shuffled-label baseline. Works on plain float arrays
 * ({@link org.cadenza.eval.map.EmbeddedPiece}, a composer -&gt; anchor map), so it needs no deep-learning engine.
 *
 * <p>Entry points: {@link org.cadenza.eval.map.ComposerMap#build} and {@link org.cadenza.eval.map.ComposerMap#write};
 * parameters in {@link org.cadenza.eval.map.MapSettings}. Libraries: Smile 2.6.0 (LGPL-3.0) for the hierarchical
 * clustering, t-SNE and the adjusted Rand index; {@link org.cadenza.model.classical.Pca} (Tribuo's
 * eigendecomposition) for PCA; XChart for the pictures; Jackson for {@code map.json}. How to read the output:
 * {@code docs/COMPOSER_MAP.md}.
 */
package org.cadenza.eval.map;
