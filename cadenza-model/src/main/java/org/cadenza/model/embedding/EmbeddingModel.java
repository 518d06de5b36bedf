package org.cadenza.model.embedding;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import org.cadenza.io.BadInputException;
import org.cadenza.io.CadenzaException;
import org.cadenza.io.midi.NoteSequence;
import org.cadenza.model.ExpectedOutputs;
import org.cadenza.model.LabeledWindows;
import org.cadenza.model.ModelJson;
import org.cadenza.model.route.MidiFiles;
import org.cadenza.model.train.ClassifierTraining;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A trained embedding model, loaded: embeds MIDI files, identifies their composer among its anchors (with a verdict
 * when a threshold has been calibrated), and enrols new composers from a few pieces without retraining. Not
 * thread-safe; close it to free native memory.
 *
 * <p>Enrolled composers are kept in {@value #ENROLLED} in the model folder, beside the trained anchors, which are
 * never changed; enrolling a name again replaces its anchor.
 */
public final class EmbeddingModel implements AutoCloseable {

    /** Enrolled composers inside the model folder. */
    public static final String ENROLLED = "enrolled.json";

    private final Path dir;
    private final EmbeddingRun.Contract contract;
    private final EmbeddingInput input;
    private final Model model;
    private final Block block;
    private Anchors trained;
    private Map<String, Enrolled> enrolled;
    private final Optional<OpenSetThreshold> threshold;

    /**
     * An enrolled composer.
     *
     * @param anchor the normalised mean of its pieces' embeddings
     * @param files  the files it was enrolled from
     */
    public record Enrolled(float[] anchor, List<String> files) {
    }

    /** The stored form of {@value #ENROLLED}. */
    record EnrolledFile(Map<String, Enrolled> composers) {
    }

    /**
     * A piece's embedding.
     *
     * @param embedding unit vector: the normalised mean of its windows' embeddings
     * @param windows   number of windows
     * @param logits    mean of the windows' classifier logits (softmax objective), else empty
     */
    public record PieceEmbedding(float[] embedding, int windows, Optional<float[]> logits) {
    }

    private EmbeddingModel(Path dir, boolean withAnchors) {
        this.dir = dir;
        if (!Files.exists(dir.resolve(EmbeddingRun.CONTRACT))) {
            throw new CadenzaException(dir + ": not an embedding model (no " + EmbeddingRun.CONTRACT
                    + "); train one with `cadenza embed`");
        }
        contract = ModelJson.read(dir.resolve(EmbeddingRun.CONTRACT), EmbeddingRun.Contract.class);
        input = EmbeddingInput.load(dir);
        trained = withAnchors ? Anchors.load(dir) : null;
        enrolled = readEnrolled();
        threshold = OpenSetThreshold.load(dir);
        model = Model.newInstance("cadenza-embedding");
        try {
            block = EmbeddingNetwork.build(contract.config(), contract.classes().size());
            model.setBlock(block);
            int[] s = contract.shape();
            block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, s[0], s[1], s[2]));
            List<ExpectedOutputs.Output> outputs = new ArrayList<>();
            outputs.add(new ExpectedOutputs.Output("embedding dimensions", contract.config().dimensions()));
            if (contract.config().objective() == Objective.SOFTMAX) {
                outputs.add(new ExpectedOutputs.Output("classes", contract.classes().size()));
            }
            ClassifierTraining.loadParameters(block, model.getNDManager(), dir.resolve(EmbeddingRun.WEIGHTS),
                    new ExpectedOutputs(dir, EmbeddingRun.CONTRACT, ExpectedOutputs.oneItem(s), outputs));
            checkAnchorDimensions();
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** Refuses anchors (trained or enrolled) of another size than the network's embeddings. */
    private void checkAnchorDimensions() {
        int dims = contract.config().dimensions();
        if (trained != null && trained.dimensions() != dims) {
            throw new BadInputException(dir, Anchors.FILE + " holds anchors of " + trained.dimensions()
                    + " dimensions but the network of " + EmbeddingRun.CONTRACT + " embeds in " + dims
                    + ": the model folder is damaged; train it again");
        }
        for (Map.Entry<String, Enrolled> e : enrolled.entrySet()) {
            if (e.getValue().anchor().length != dims) {
                throw new BadInputException(dir, ENROLLED + " holds an anchor of " + e.getValue().anchor().length
                        + " dimensions for " + e.getKey() + " but the network embeds in " + dims
                        + ": enrol that composer again");
            }
        }
    }

    /**
     * @param runOrModelDir a run folder (its {@code model/} is used) or a model folder
     * @return the loaded model with its anchors, enrolled composers and threshold
     */
    public static EmbeddingModel open(Path runOrModelDir) {
        Path m = runOrModelDir.resolve(EmbeddingRun.MODEL_DIR);
        return new EmbeddingModel(Files.isDirectory(m) ? m : runOrModelDir, true);
    }

    /** Opens a model folder, optionally before its anchors exist (training computes them with it). */
    static EmbeddingModel openModelDir(Path modelDir, boolean withAnchors) {
        return new EmbeddingModel(modelDir, withAnchors);
    }

    /** @return the model folder */
    public Path dir() {
        return dir;
    }

    /** @return the training composers, index = class of the softmax logits */
    public List<String> classes() {
        return contract.classes();
    }

    /** @return how it was built and trained */
    public EmbeddingConfig config() {
        return contract.config();
    }

    /** @return what it reads */
    public EmbeddingInput input() {
        return input;
    }

    /** @return the trained anchors (composers and pieces), without the enrolled composers */
    public Anchors trainedAnchors() {
        return requireAnchors();
    }

    /** @return the trained composers' anchors plus the enrolled ones */
    public Anchors anchors() {
        Anchors a = requireAnchors();
        for (Map.Entry<String, Enrolled> e : enrolled.entrySet()) {
            a = a.withComposer(e.getKey(), e.getValue().anchor());
        }
        return a;
    }

    /** @return the enrolled composers */
    public Map<String, Enrolled> enrolled() {
        return Map.copyOf(enrolled);
    }

    /** @return the calibrated threshold, when there is one */
    public Optional<OpenSetThreshold> threshold() {
        return threshold;
    }

    /**
     * Embeds windows in batches, in inference mode.
     *
     * @param windows each of the model's input shape
     * @return one unit vector per window
     */
    public float[][] embedWindows(LabeledWindows windows) {
        return EmbeddingTraining.embed(this::forward, model.getNDManager(), windows);
    }

    /** @return {embeddings, logits or null} of windows of the model's input shape */
    private float[][][] embedWithLogits(List<float[]> windows) {
        int[] s = contract.shape();
        float[][] emb = new float[windows.size()][];
        float[][] logits = contract.config().objective() == Objective.SOFTMAX ? new float[windows.size()][] : null;
        for (int from = 0; from < windows.size(); from += EmbeddingTraining.EMBED_BATCH) {
            int to = Math.min(windows.size(), from + EmbeddingTraining.EMBED_BATCH);
            float[] data = org.cadenza.model.WindowBatches.flatten(windows, from, to, s[0], s[1], s[2]);
            try (NDManager m = model.getNDManager().newSubManager()) {
                NDList y = forward(new NDList(m.create(data, new Shape(to - from, s[0], s[1], s[2]))));
                float[][] e = EmbeddingTraining.rows(y.get(0));
                System.arraycopy(e, 0, emb, from, e.length);
                if (logits != null) {
                    float[][] l = EmbeddingTraining.rows(y.get(1));
                    System.arraycopy(l, 0, logits, from, l.length);
                }
            }
        }
        return new float[][][] {emb, logits};
    }

    private NDList forward(NDList x) {
        NDArray in = x.singletonOrThrow();
        return block.forward(new ParameterStore(in.getManager(), false), x, false);
    }

    /**
     * Embeds notes already read.
     *
     * @param seq  the notes
     * @param file what they were read from (for messages)
     * @throws BadInputException when the notes give no window
     */
    public PieceEmbedding embed(NoteSequence seq, Path file) {
        List<float[]> windows = input.windows(seq);
        if (windows.isEmpty()) {
            throw new BadInputException(file, "no window of pitched notes to embed (percussion only, or empty?)");
        }
        float[][][] out = embedWithLogits(windows);
        List<float[]> rows = new ArrayList<>(List.of(out[0]));
        Optional<float[]> logits = Optional.empty();
        if (out[1] != null) {
            float[] mean = new float[out[1][0].length];
            for (float[] l : out[1]) {
                for (int c = 0; c < mean.length; c++) {
                    mean[c] += l[c] / out[1].length;
                }
            }
            logits = Optional.of(mean);
        }
        return new PieceEmbedding(Anchors.meanDirection(rows), windows.size(), logits);
    }

    /**
     * Reads a MIDI file and embeds it.
     *
     * @throws BadInputException when the file is not MIDI, cannot be read or has no notes
     */
    public PieceEmbedding embed(Path file) {
        return embed(MidiFiles.readNotes(file, "the embedding model", input.pedal()), file);
    }

    /**
     * Who composed {@code file}, among the known and enrolled composers, and whether it is close enough to be one of
     * them.
     */
    public Identification identify(Path file) {
        return identify(MidiFiles.readNotes(file, "the embedding model", input.pedal()), file);
    }

    /**
     * {@link #identify(Path)} for notes already read ({@code file} names them in messages and the result).
     *
     * @throws BadInputException when the notes give no window
     */
    public Identification identify(NoteSequence seq, Path file) {
        return identify(embed(seq, file), file);
    }

    /** {@link #identify(Path)} for a piece already embedded ({@code file} names it in the result). */
    public Identification identify(PieceEmbedding p, Path file) {
        Anchors a = anchors();
        List<Anchors.Ranked> ranking = a.rank(p.embedding());
        Optional<Identification.NearestPiece> nearest = Optional.empty();
        for (Map.Entry<String, Anchors.PieceAnchor> e : a.pieces().entrySet()) {
            double d = Anchors.distance(p.embedding(), e.getValue().anchor());
            if (nearest.isEmpty() || d < nearest.get().distance()) {
                nearest = Optional.of(new Identification.NearestPiece(e.getKey(), e.getValue().composer(), d));
            }
        }
        Identification.Verdict verdict = threshold.isEmpty() ? Identification.Verdict.NOT_CALIBRATED
                : ranking.get(0).distance() <= threshold.get().threshold() ? Identification.Verdict.KNOWN
                : Identification.Verdict.UNKNOWN;
        return new Identification(file, p.windows(), ranking, nearest, threshold, verdict);
    }

    /**
     * Adds a composer from a few of its pieces, without retraining: its anchor is the normalised mean of the pieces'
     * embeddings. Saved in {@value #ENROLLED}; the trained anchors are not changed.
     *
     * @param composer a name that is not one of the trained composers
     * @param files    MIDI files of its pieces (one piece each), at least one
     * @return the new anchor
     */
    public float[] enrol(String composer, List<Path> files) {
        if (composer == null || composer.isBlank()) {
            throw new IllegalArgumentException("enrolment needs a composer name");
        }
        if (requireAnchors().composers().containsKey(composer)) {
            throw new IllegalArgumentException(composer + " is one of the composers this model was trained on ("
                    + dir + "); enrol a new composer under another name");
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("enrolment needs at least one file of " + composer);
        }
        List<float[]> pieces = new ArrayList<>();
        for (Path f : files) {
            pieces.add(embed(f).embedding());
        }
        float[] anchor = Anchors.meanDirection(pieces);
        Map<String, Enrolled> next = new TreeMap<>(enrolled);
        next.put(composer, new Enrolled(anchor, files.stream().map(Path::toString).toList()));
        ModelJson.write(dir.resolve(ENROLLED), new EnrolledFile(next));
        enrolled = next;
        return anchor;
    }

    /** Forgets an enrolled composer; @return whether it was enrolled */
    public boolean unenrol(String composer) {
        if (!enrolled.containsKey(composer)) {
            return false;
        }
        Map<String, Enrolled> next = new TreeMap<>(enrolled);
        next.remove(composer);
        ModelJson.write(dir.resolve(ENROLLED), new EnrolledFile(next));
        enrolled = next;
        return true;
    }

    private Map<String, Enrolled> readEnrolled() {
        Path f = dir.resolve(ENROLLED);
        return Files.exists(f) ? new TreeMap<>(ModelJson.read(f, EnrolledFile.class).composers())
                : new LinkedHashMap<>();
    }

    private Anchors requireAnchors() {
        if (trained == null) {
            trained = Anchors.load(dir);
        }
        return trained;
    }

    @Override
    public void close() {
        model.close();
    }
}
