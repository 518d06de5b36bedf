package org.cadenza.corpus.jobs;

import org.cadenza.corpus.WindowRecipe;
import org.cadenza.corpus.Workspace;
import org.cadenza.features.FeatureParams;
import org.cadenza.features.WindowSpec;
import org.cadenza.io.CadenzaException;
import org.cadenza.render.RenderSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Lists the fixed-length feature windows of a workspace from the catalog alone (the spectrograms' frame counts),
 * without reading or decoding any audio: the index a dataset layer samples from.
 *
 * <p>Counting follows {@code org.cadenza.features.Windower} exactly: window and hop lengths in frames are
 * {@link FeatureParams#framesFor(double)} (the one conversion, {@link WindowRecipe#windowFrames()}), window {@code k}
 * starts at frame {@code k * hop}
 * (its start time is that frame's time, {@link #frameTimeSeconds}) and
 * only whole windows are listed (a file shorter than one window has none).
 */
public final class WindowIndex {

    /**
     * One window of one file.
     *
     * @param fileId       catalog id of the file
     * @param sha256       the file's SHA-256
     * @param pieceId      its piece id (split by this)
     * @param composerId   its composer id (the label)
     * @param split        its split, when labelled
     * @param windowIndex  0-based index of the window within the file
     * @param startSeconds start time of the window, in seconds
     * @param featurePath  the cached spectrogram, relative to the workspace
     * @param contentHash  the spectrogram's key in the feature cache ({@link FeatureJob#contentHash})
     */
    public record WindowRef(long fileId, String sha256, String pieceId, String composerId, Optional<String> split,
                            int windowIndex, double startSeconds, String featurePath, String contentHash) {
    }

    private WindowIndex() {
    }

    /**
     * The windows of every ingested file made with {@code recipe} (rendered with its render settings and featurised
     * with its feature parameters), in catalog order then time order.
     */
    public static List<WindowRef> list(Workspace ws, WindowRecipe recipe) {
        return list(ws, recipe.features(), recipe.render().key(), recipe.window());
    }

    /**
     * The windows of every ingested file featurised with {@code params} from audio rendered with
     * {@code renderedWith}, in catalog order then time order: {@link #list(Workspace, WindowRecipe)}.
     *
     * @throws IllegalArgumentException when the feature rate is not the render rate
     */
    public static List<WindowRef> list(Workspace ws, FeatureParams params, RenderSettings renderedWith,
                                       WindowSpec spec) {
        return list(ws, new WindowRecipe(renderedWith, params, spec));
    }

    /**
     * The windows of every ingested file featurised with {@code params}, when the workspace holds such features
     * from exactly one render setting.
     *
     * @throws CadenzaException when features with {@code params} exist from several render settings (name one)
     */
    public static List<WindowRef> list(Workspace ws, FeatureParams params, WindowSpec spec) {
        List<Map<String, Object>> keys = ws.catalog().query("SELECT DISTINCT source_key AS k FROM artifacts "
                + "WHERE stage = 'features' AND params_key = ?", params.key());
        if (keys.isEmpty()) {
            return List.of();
        }
        if (keys.size() > 1) {
            throw new CadenzaException("features with these parameters exist for " + keys.size()
                    + " render settings in " + ws.dir() + ": name the render settings");
        }
        return list(ws, params, (String) keys.get(0).get("k"), spec);
    }

    private static List<WindowRef> list(Workspace ws, FeatureParams params, String renderKey, WindowSpec spec) {
        Objects.requireNonNull(spec, "spec");
        int win = params.framesFor(spec.windowSeconds());
        int hop = params.framesFor(spec.hopSeconds());
        List<WindowRef> out = new ArrayList<>();
        for (Map<String, Object> row : ws.catalog().query("SELECT f.id AS id, f.sha256 AS sha, "
                + "f.piece_id AS piece, f.composer_id AS composer, f.split AS split, a.frames AS frames, "
                + "a.path AS path FROM files f JOIN artifacts a ON a.sha256 = f.sha256 AND a.stage = 'features' "
                + "AND a.params_key = ? AND a.source_key = ? WHERE f.status = 'ingested' ORDER BY f.id",
                params.key(), renderKey)) {
            int frames = ((Number) row.get("frames")).intValue();
            String sha = (String) row.get("sha");
            for (int start = 0, k = 0; start + win <= frames; start += hop, k++) {
                out.add(new WindowRef(((Number) row.get("id")).longValue(), sha, (String) row.get("piece"),
                        (String) row.get("composer"), Optional.ofNullable((String) row.get("split")), k,
                        frameTimeSeconds(start, params), (String) row.get("path"),
                        FeatureJob.contentHash(sha, renderKey)));
            }
        }
        return out;
    }

    /**
     * Time in seconds of frame {@code i}, as {@code Spectrogram.frameTimeSeconds}: {@code i * hop / sr} when the
     * frames are centred, {@code (i * hop + nFft / 2) / sr} otherwise.
     */
    public static double frameTimeSeconds(int i, FeatureParams params) {
        double offset = params.center() ? 0 : params.nFft() / 2;
        return (i * (double) params.hopLength() + offset) / params.sampleRate();
    }

    /** Number of whole windows in a spectrogram of {@code frames} frames. */
    public static int windowCount(int frames, FeatureParams params, WindowSpec spec) {
        int win = params.framesFor(spec.windowSeconds());
        int hop = params.framesFor(spec.hopSeconds());
        return frames < win ? 0 : 1 + (frames - win) / hop;
    }

    /**
     * Frames covering {@code seconds}: {@code max(1, round(seconds / params.secondsPerFrame()))}.
     *
     * @deprecated use {@link FeatureParams#framesFor(double)}, the one conversion (or {@link WindowRecipe#windowFrames()}
     *             and {@link WindowRecipe#hopFrames()}); this delegates to it
     */
    @Deprecated
    public static int framesFor(double seconds, FeatureParams params) {
        return params.framesFor(seconds);
    }
}
