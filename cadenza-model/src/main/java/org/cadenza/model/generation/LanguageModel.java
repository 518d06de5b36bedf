package org.cadenza.model.generation;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.cadenza.features.tokens.NoteTokenizer;
import org.cadenza.features.tokens.Vocabulary;
import org.cadenza.io.CadenzaException;
import org.cadenza.io.midi.NoteSequence;
import org.cadenza.model.ModelJson;
import org.cadenza.model.train.ClassifierTraining;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A trained token language model, loaded: scores pieces (negative log-likelihood per token) and writes new music.
 *
 * <p>Generation feeds the conditioning token (and the primer, when given) and then draws one token at a time with a
 * {@link TokenSampler}, carrying the LSTM state. The context never grows past the training crop length {@code T}:
 * when it reaches {@code T} the state is rebuilt from the conditioning token and the last {@code T/2 - 1} tokens,
 * so the network only ever sees contexts like those it was trained and validated on. The piece ends when its
 * time (the sum of its time shifts) reaches the length asked for.
 *
 * <p>Not thread-safe; close it to free the native memory.
 */
public final class LanguageModel implements AutoCloseable {

    private final Path dir;
    private final LanguageModelRun.Contract contract;
    private final NoteTokenizer tokenizer;
    private final Model model;
    private final TokenLstm block;

    private LanguageModel(Path dir) {
        this.dir = dir;
        Path c = dir.resolve(LanguageModelRun.CONTRACT);
        if (!Files.exists(c)) {
            throw new CadenzaException(dir + ": not a style model (no " + LanguageModelRun.CONTRACT
                    + "); train one with `cadenza generate-train`");
        }
        contract = ModelJson.read(c, LanguageModelRun.Contract.class);
        tokenizer = new NoteTokenizer(contract.tokens(), contract.composers());
        if (tokenizer.vocabulary().size() != contract.vocabulary()) {
            throw new CadenzaException(dir + ": the vocabulary has " + tokenizer.vocabulary().size()
                    + " tokens but the model was trained with " + contract.vocabulary());
        }
        model = Model.newInstance("cadenza-token-lstm");
        try {
            block = new TokenLstm(contract.config(), contract.vocabulary());
            model.setBlock(block);
            block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, contract.config().contextLength()),
                    new Shape(1, 1));
            ClassifierTraining.loadParameters(block, model.getNDManager(), dir.resolve(LanguageModelRun.WEIGHTS));
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /**
     * @param runOrModelDir a run folder (its {@code model/} is used) or a model folder
     */
    public static LanguageModel open(Path runOrModelDir) {
        Path m = runOrModelDir.resolve(LanguageModelRun.MODEL_DIR);
        return new LanguageModel(Files.isDirectory(m) ? m : runOrModelDir);
    }

    /** The model folder. */
    public Path dir() {
        return dir;
    }

    /** How it was trained. */
    public LanguageModelRun.Contract contract() {
        return contract;
    }

    /** Its tokenizer (vocabulary included). */
    public NoteTokenizer tokenizer() {
        return tokenizer;
    }

    /** The composers it can write for. */
    public List<String> composers() {
        return contract.trained();
    }

    /** The conditioning token for {@code composer}, with a clear error for a composer the model does not know. */
    public int condition(String composer) {
        Objects.requireNonNull(composer, "composer");
        if (!contract.trained().contains(composer)) {
            throw new IllegalArgumentException("this model writes for " + contract.trained() + ", not '" + composer
                    + "'");
        }
        return contract.conditioned() ? tokenizer.vocabulary().composer(composer) : Vocabulary.BOS;
    }

    /** Scores pieces with the strided evaluation windows of training. */
    public LanguageModelTraining.Score score(List<TokenPiece> pieces) {
        NDManager m = model.getNDManager();
        ParameterStore ps = new ParameterStore(m, false);
        return LanguageModelTraining.score(x -> block.forward(ps, x, false), m, pieces,
                contract.config().contextLength());
    }

    /** The notes of {@code seq} as a piece to {@link #score}, conditioned on {@code composer}. */
    public TokenPiece piece(NoteSequence seq, String composer, String pieceId) {
        return TokenPiece.ofEncoded(pieceId, composer, String.valueOf(seq.source()), condition(composer),
                tokenizer.encode(seq));
    }

    /**
     * What {@link #generate} wrote.
     *
     * @param notes        the music (the primer first when it was kept)
     * @param tokens       the drawn tokens
     * @param primerTokens tokens of the primer fed before drawing
     * @param seconds      time covered by the drawn tokens' shifts
     * @param complete     false when the token cap stopped it before the length was reached
     * @param resets       times the context was rebuilt
     */
    public record Generated(NoteSequence notes, int[] tokens, int primerTokens, double seconds, boolean complete,
                            int resets) {
    }

    /**
     * Writes new music.
     *
     * @param composer   one of {@link #composers()}
     * @param primer     notes to continue (a seed phrase), or empty to start from nothing
     * @param seconds    the length of the new music, &gt; 0
     * @param sampling   temperature, top-k, top-p, seed, grammar
     * @param keepPrimer whether the returned notes start with the primer
     */
    public Generated generate(String composer, Optional<NoteSequence> primer, double seconds,
                              SamplingSettings sampling, boolean keepPrimer) {
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("the length must be > 0 seconds, got " + seconds);
        }
        int cond = condition(composer);
        Vocabulary vocab = tokenizer.vocabulary();
        int t = contract.config().contextLength();
        int keep = t / 2 - 1;
        List<Integer> history = new ArrayList<>();
        int lastVelocity = -1;
        if (primer.isPresent()) {
            int[] p = tokenizer.encode(primer.get());
            for (int i = 1; i < p.length - 1; i++) {
                history.add(p[i]);
                if (vocab.kind(p[i]) == Vocabulary.Kind.VELOCITY) {
                    lastVelocity = p[i];
                }
            }
        }
        int primerTokens = history.size();
        TokenSampler sampler = new TokenSampler(vocab, sampling);
        if (!history.isEmpty()) {
            sampler.observe(history.get(history.size() - 1));
        }
        long maxSteps = contract.tokens().steps(seconds);
        long cap = (long) Math.ceil(seconds * 200) + 1000;
        List<Integer> drawn = new ArrayList<>();
        long steps = 0;
        int resets = 0;
        NDManager root = model.getNDManager();
        ParameterStore ps = new ParameterStore(root, false);
        try (NDManager m = root.newSubManager()) {
            List<Integer> ctx = new ArrayList<>();
            ctx.add(cond);
            ctx.addAll(history.subList(Math.max(0, history.size() - keep), history.size()));
            Step step = step(ps, m, ctx, cond, null);
            int ctxLength = ctx.size();
            while (steps < maxSteps && drawn.size() < cap) {
                int token = sampler.next(step.logits());
                drawn.add(token);
                history.add(token);
                if (vocab.kind(token) == Vocabulary.Kind.TIME_SHIFT) {
                    steps += vocab.value(token);
                }
                if (ctxLength >= t) {
                    ctx = new ArrayList<>();
                    ctx.add(cond);
                    ctx.addAll(history.subList(Math.max(0, history.size() - keep), history.size()));
                    step.state().close();
                    step = step(ps, m, ctx, cond, null);
                    ctxLength = ctx.size();
                    resets++;
                } else {
                    NDList previous = step.state();
                    step = step(ps, m, List.of(token), cond, previous);
                    previous.close();
                    ctxLength++;
                }
            }
            step.state().close();
        }
        List<Integer> body = new ArrayList<>();
        body.add(Vocabulary.BOS);
        if (keepPrimer) {
            body.addAll(history.subList(0, primerTokens));
        } else if (lastVelocity >= 0) {
            body.add(lastVelocity);
        }
        body.addAll(drawn);
        body.add(Vocabulary.EOS);
        NoteSequence notes = tokenizer.decode(body.stream().mapToInt(Integer::intValue).toArray(),
                NoteTokenizer.Mode.LENIENT).notes();
        return new Generated(notes, drawn.stream().mapToInt(Integer::intValue).toArray(), primerTokens,
                contract.tokens().seconds(steps), steps >= maxSteps, resets);
    }

    /** The last position's logits and the LSTM state {@code (h, c)} after a step. */
    private record Step(float[] logits, NDList state) {
    }

    /**
     * Runs {@code tokens} through the network, conditioned on {@code cond}, from {@code state} ({@code (h, c)}, null
     * = zero state). Everything the step computes lives in a manager of its own and is freed at once, except the new
     * state, which moves to {@code m}: a long piece does not accumulate native memory.
     */
    private Step step(ParameterStore ps, NDManager m, List<Integer> tokens, int cond, NDList state) {
        float[] x = new float[tokens.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = tokens.get(i);
        }
        try (NDManager scratch = m.newSubManager()) {
            NDArray in = scratch.create(x, new Shape(1, x.length));
            NDArray c = scratch.create(new float[] {cond}, new Shape(1, 1));
            NDList input = state == null ? new NDList(in, c) : new NDList(in, c, state.get(0), state.get(1));
            NDList out = block.forward(ps, input, false);
            NDList next = new NDList(out.get(1), out.get(2));
            next.attach(m);
            return new Step(lastLogits(out.get(0)), next);
        }
    }

    private static float[] lastLogits(NDArray logits) {
        long time = logits.getShape().get(1);
        try (NDArray last = logits.get(0).get(time - 1)) {
            return last.toFloatArray();
        }
    }

    @Override
    public void close() {
        model.close();
    }
}
