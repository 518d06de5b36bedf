package org.cadenza.model.generation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.cadenza.corpus.ProgressListener;
import org.cadenza.corpus.Workspace;
import org.cadenza.corpus.catalog.CatalogFile;
import org.cadenza.corpus.dataset.DatasetSpec;
import org.cadenza.corpus.dataset.LabelledSplit;
import org.cadenza.corpus.dataset.Split;
import org.cadenza.corpus.notes.NoteFiles;
import org.cadenza.features.tokens.NoteTokenizer;
import org.cadenza.features.tokens.TokenizerParams;
import org.cadenza.features.tokens.Vocabulary;
import org.cadenza.io.CadenzaException;
import org.cadenza.io.midi.NoteReader;
import org.cadenza.model.ModelJson;
import org.cadenza.model.run.RunDataset;
import org.cadenza.model.run.RunManifest;
import org.cadenza.model.train.TrainingListener;
import org.cadenza.model.train.TrainingResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A workspace's MIDI files to a style model: the files are split by piece exactly as the classifiers split them
 * ({@link LabelledSplit#plan} with the same spec, over every composer, so a judge classifier trained on the same
 * workspace never saw the held-out pieces), the chosen composers' files are tokenised, and a {@link TokenLstm} is
 * trained on the training pieces and stopped on the validation pieces.
 *
 * <p>One composer gives a model of that composer alone (every crop starts with {@code BOS}); several give one model
 * conditioned on a {@code COMPOSER(name)} token.
 *
 * <p>Run folder: {@code training/} (checkpoints, resumable), {@code model/} with {@value #WEIGHTS},
 * {@value #CONTRACT} and {@value #PIECES} (every piece's split and token count), and the run manifest (the model's
 * kind, the dataset section).
 */
public final class LanguageModelRun {

    /** The model inside a run folder. */
    public static final String MODEL_DIR = "model";
    /** The checkpoints inside a run folder. */
    public static final String TRAINING_DIR = "training";
    /** What the model reads and how it was trained. */
    public static final String CONTRACT = "style-model.json";
    /** The best epoch's parameters. */
    public static final String WEIGHTS = "weights.params";
    /** The pieces and their split. */
    public static final String PIECES = "pieces.csv";
    /** The composer list that means every composer of the split. */
    public static final String ALL = "all";

    private static final Logger LOG = LoggerFactory.getLogger(LanguageModelRun.class);

    private LanguageModelRun() {
    }

    /**
     * What a style model is.
     *
     * @param config      network and training
     * @param tokens      the tokenizer's parameters
     * @param composers   the composers of the vocabulary (empty for a one-composer model)
     * @param conditioned whether crops start with a composer token
     * @param trained     the composers it was trained on
     * @param pedal       how the sustain pedal was read
     * @param vocabulary  tokens in the vocabulary
     * @param bestEpoch   the epoch kept
     */
    public record Contract(LanguageModelConfig config, TokenizerParams tokens, List<String> composers,
                           boolean conditioned, List<String> trained, NoteReader.Pedal pedal, int vocabulary,
                           int bestEpoch) {

        public Contract {
            composers = List.copyOf(composers);
            trained = List.copyOf(trained);
        }
    }

    /**
     * The tokenised pieces of the chosen composers, by split.
     *
     * @param split     the split of the whole workspace
     * @param pieces    pieces by split (one entry per file)
     * @param tokenizer the tokenizer with the model's vocabulary
     * @param problems  files that could not be read, with why
     */
    public record Corpus(LabelledSplit split, Map<Split, List<TokenPiece>> pieces, NoteTokenizer tokenizer,
                         List<String> problems) {

        /** The pieces of one split. */
        public List<TokenPiece> of(Split s) {
            return pieces.getOrDefault(s, List.of());
        }
    }

    /**
     * Tokenises the chosen composers' MIDI files.
     *
     * @param ws        the workspace (ingested)
     * @param ds        target and split, as for the classifiers
     * @param composers the composers to model (labels of the split), or {@value #ALL}; one gives an unconditioned
     *                  model
     * @param params    tokenizer parameters
     * @param pedal     how the sustain pedal is read
     * @param progress  reading progress
     * @param threads   threads reading files, &ge; 1
     */
    public static Corpus corpus(Workspace ws, DatasetSpec ds, List<String> composers, TokenizerParams params,
                                NoteReader.Pedal pedal, ProgressListener progress, int threads) {
        if (composers.isEmpty()) {
            throw new IllegalArgumentException("name at least one composer to model");
        }
        LabelledSplit split = LabelledSplit.plan(ws, ds, NoteFiles::readable, NoteFiles.NOT_MIDI);
        Set<String> wanted = new TreeSet<>(composers.equals(List.of(ALL)) ? split.classes() : composers);
        Set<String> missing = new TreeSet<>(wanted);
        missing.removeAll(split.classes());
        if (!missing.isEmpty()) {
            throw new CadenzaException(ws.dir() + ": no MIDI files of " + missing + " in the workspace's split; its "
                    + "composers are " + split.classes() + " (left out: "
                    + org.cadenza.corpus.dataset.TrainableSplit.describe(split.excluded()) + ")");
        }
        boolean conditioned = wanted.size() > 1;
        NoteTokenizer tokenizer = new NoteTokenizer(params, conditioned ? List.copyOf(wanted) : List.of());
        List<CatalogFile> files = new ArrayList<>();
        for (CatalogFile f : split.files().values()) {
            if (wanted.contains(split.labelOf().get(f.id()))) {
                files.add(f);
            }
        }
        List<NoteFiles.Outcome<int[]>> read = NoteFiles.map(files, pedal, tokenizer::encode, threads, progress,
                "tokenising");
        Map<Split, List<TokenPiece>> bySplit = new EnumMap<>(Split.class);
        List<String> problems = new ArrayList<>();
        for (NoteFiles.Outcome<int[]> o : read) {
            if (o.value().isEmpty()) {
                problems.add(o.problem().orElseThrow());
                continue;
            }
            CatalogFile f = o.file();
            int[] all = o.value().get();
            if (all.length <= 2) {
                problems.add(f.displayPath() + ": no notes in the tokenizer's range");
                continue;
            }
            String composer = split.labelOf().get(f.id());
            int cond = conditioned ? tokenizer.vocabulary().composer(composer) : Vocabulary.BOS;
            Split s = split.assignment().splitOf(f.id()).orElseThrow();
            bySplit.computeIfAbsent(s, k -> new ArrayList<>()).add(TokenPiece.ofEncoded(split.pieceOf(f), composer,
                    f.displayPath(), cond, all));
        }
        problems.forEach(p -> LOG.warn("left out: {}", p));
        return new Corpus(split, bySplit, tokenizer, problems);
    }

    /**
     * @param corpus   the tokenised pieces
     * @param training the training run
     * @param modelDir the model folder
     * @param contract what was written there
     */
    public record Result(Corpus corpus, LanguageModelTraining.Result training, Path modelDir, Contract contract) {
    }

    /**
     * Tokenises, trains (or resumes) and writes the model folder.
     *
     * @param runDir   the run folder (created; rerun to resume)
     * @param listener training progress
     */
    public static Result train(Workspace ws, DatasetSpec ds, List<String> composers, TokenizerParams params,
                               NoteReader.Pedal pedal, LanguageModelConfig cfg, Path runDir,
                               TrainingListener listener, ProgressListener progress, int threads) {
        Objects.requireNonNull(cfg, "cfg");
        Corpus corpus = corpus(ws, ds, composers, params, pedal, progress, threads);
        List<TokenPiece> train = corpus.of(Split.TRAIN);
        List<TokenPiece> val = corpus.of(Split.VAL);
        if (train.isEmpty() || val.isEmpty()) {
            throw new CadenzaException("nothing to train on in " + ws.dir() + ": " + train.size() + " training and "
                    + val.size() + " validation files of " + composers + "; a style model needs pieces in both");
        }
        int vocabulary = corpus.tokenizer().vocabulary().size();
        LanguageModelTraining.Result trained = LanguageModelTraining.train(train, val, cfg, vocabulary,
                runDir.resolve(TRAINING_DIR), listener);
        if (trained.status() == TrainingResult.Status.INTERRUPTED) {
            throw new CadenzaException(runDir + ": training interrupted; rerun the same command to resume");
        }
        Path modelDir = runDir.resolve(MODEL_DIR);
        List<String> vocabComposers = corpus.tokenizer().vocabulary().composers();
        boolean conditioned = !vocabComposers.isEmpty();
        List<String> modelled = conditioned ? vocabComposers : List.copyOf(new TreeSet<>(composers));
        Contract contract = new Contract(cfg, params, vocabComposers, conditioned, modelled, pedal, vocabulary,
                trained.bestEpoch());
        writeModel(modelDir, trained.bestWeights(), contract, corpus);
        RunManifest.put(runDir, RunManifest.Section.MODEL, new RunManifest.ModelRef("style", MODEL_DIR));
        RunDataset.save(ds, runDir, ws.dir());
        return new Result(corpus, trained, modelDir, contract);
    }

    /** Writes a model folder: the weights, the contract and, with a corpus, its pieces. */
    static void writeModel(Path modelDir, Path weights, Contract contract, Corpus corpus) {
        try {
            Files.createDirectories(modelDir);
            Files.copy(weights, modelDir.resolve(WEIGHTS), StandardCopyOption.REPLACE_EXISTING);
            if (corpus != null) {
                writePieces(corpus, modelDir.resolve(PIECES));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the model folder " + modelDir, e);
        }
        ModelJson.write(modelDir.resolve(CONTRACT), contract);
    }

    private static void writePieces(Corpus corpus, Path csv) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (CSVPrinter out = new CSVPrinter(sb, CSVFormat.DEFAULT.builder()
                .setHeader("split", "composer", "piece", "tokens", "file").setRecordSeparator("\n").build())) {
            for (Split s : Split.values()) {
                for (TokenPiece p : corpus.of(s)) {
                    out.printRecord(s.name().toLowerCase(java.util.Locale.ROOT), p.composer(), p.piece(), p.length(),
                            p.source());
                }
            }
        }
        ModelJson.writeAtomically(csv, sb.toString().getBytes(StandardCharsets.UTF_8));
    }
}
