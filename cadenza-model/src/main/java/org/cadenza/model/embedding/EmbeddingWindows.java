package org.cadenza.model.embedding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.cadenza.model.LabeledWindows;

/**
 * Labelled windows with the piece each one comes from: what the embedding training samples batches from and what
 * its per-piece evaluation averages over.
 *
 * @param windows the windows and their class (composer)
 * @param pieceOf piece id of every window, in window order
 */
public record EmbeddingWindows(LabeledWindows windows, List<String> pieceOf) {

    public EmbeddingWindows {
        Objects.requireNonNull(windows, "windows");
        pieceOf = List.copyOf(pieceOf);
        if (pieceOf.size() != windows.size()) {
            throw new IllegalArgumentException(windows.size() + " windows but " + pieceOf.size() + " piece ids");
        }
    }

    /** @return number of windows */
    public int size() {
        return windows.size();
    }

    /** @return a dense piece number per window (in order of first appearance), for samplers */
    public int[] pieceNumbers() {
        Map<String, Integer> ids = new LinkedHashMap<>();
        int[] out = new int[pieceOf.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ids.computeIfAbsent(pieceOf.get(i), k -> ids.size());
        }
        return out;
    }

    /** @return the class of every window */
    public int[] labels() {
        int[] out = new int[windows.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = windows.label(i);
        }
        return out;
    }

    /** @return piece id -> composer (class name) */
    public Map<String, String> composerOfPiece() {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < pieceOf.size(); i++) {
            out.putIfAbsent(pieceOf.get(i), windows.classes().get(windows.label(i)));
        }
        return out;
    }

    /**
     * The piece embeddings: the normalised mean of each piece's window embeddings.
     *
     * @param embeddings one unit vector per window, in window order
     * @return piece id -> unit vector, in order of first appearance
     */
    public Map<String, float[]> pieceEmbeddings(float[][] embeddings) {
        if (embeddings.length != pieceOf.size()) {
            throw new IllegalArgumentException(embeddings.length + " embeddings for " + pieceOf.size() + " windows");
        }
        Map<String, List<float[]>> grouped = new LinkedHashMap<>();
        for (int i = 0; i < embeddings.length; i++) {
            grouped.computeIfAbsent(pieceOf.get(i), k -> new ArrayList<>()).add(embeddings[i]);
        }
        Map<String, float[]> out = new LinkedHashMap<>();
        grouped.forEach((p, vs) -> out.put(p, Anchors.meanDirection(vs)));
        return out;
    }
}
