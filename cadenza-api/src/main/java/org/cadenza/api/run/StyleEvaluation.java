package org.cadenza.api.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.cadenza.corpus.ProgressListener;
import org.cadenza.corpus.Workspace;
import org.cadenza.corpus.catalog.CatalogFile;
import org.cadenza.corpus.dataset.DatasetSpec;
import org.cadenza.corpus.dataset.LabelledSplit;
import org.cadenza.corpus.dataset.Split;
import org.cadenza.corpus.notes.NoteFiles;
import org.cadenza.eval.generation.DegeneracyCheck;
import org.cadenza.eval.generation.DegeneracyReport;
import org.cadenza.eval.generation.FeatureComparison;
import org.cadenza.eval.generation.MusicFeature;
import org.cadenza.eval.generation.MusicStatistics;
import org.cadenza.eval.generation.SetComparison;
import org.cadenza.eval.generation.SetComparisonReport;
import org.cadenza.features.tokens.NoteTokenizer;
import org.cadenza.features.tokens.Vocabulary;
import org.cadenza.io.BadInputException;
import org.cadenza.io.CadenzaException;
import org.cadenza.io.midi.MidiWriter;
import org.cadenza.io.midi.Note;
import org.cadenza.io.midi.NoteSequence;
import org.cadenza.model.ModelJson;
import org.cadenza.model.generation.LanguageModel;
import org.cadenza.model.generation.LanguageModelTraining;
import org.cadenza.model.generation.SamplingSettings;
import org.cadenza.model.generation.TokenPiece;
import org.cadenza.model.generation.TokenSampler;
import org.cadenza.model.pipeline.FilePrediction;
import org.cadenza.model.pipeline.FilePredictor;
import org.cadenza.api.run.Predictors;

import smile.math.MathEx;

/**
 * How close a style model's music is to its composer's: {@code cadenza style-eval}.
 *
 * <ul>
 *   <li><b>Likelihood</b>: the model's negative log-likelihood per token on the composer's held-out test files
 *       (split by piece exactly as for training), beside a uniform guess, a unigram model of the training tokens
 *       and the model's NLL on other composers' held-out pieces (scored as if by the composer).</li>
 *   <li><b>Music sets</b>, each of one excerpt of {@code seconds} per piece: pieces generated with seeds
 *       1..N, a random baseline (grammatical event tokens drawn uniformly), the composer's real held-out pieces
 *       and other composers' real held-out pieces. Each set is compared with the composer's training pieces by
 *       {@link SetComparison} (MGEval's distances), checked by {@link DegeneracyCheck} and, with a judge, scored
 *       for style fidelity: the probability the judge classifier gives the composer.</li>
 * </ul>
 * Output folder: {@code style-eval.md}, {@code style-eval.json}, {@code pieces.csv}, {@code compare-<set>.csv},
 * and the excerpts and generated pieces as MIDI under {@code midi/<set>/} (the first generated piece also as WAV
 * and piano-roll PNG).
 */
public final class StyleEvaluation {

    /** The sets of music compared, in report order. */
    public enum MusicSet {
        GENERATED("generated"), RANDOM("random baseline"), REAL_HELD_OUT("real held-out"),
        OTHER_COMPOSERS("other composers, held-out");

        private final String label;

        MusicSet(String label) {
            this.label = label;
        }

        /** Words for the report. */
        public String label() {
            return label;
        }

        /** Folder and file name part. */
        public String slug() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * @param composer     the composer to evaluate (empty: the model's first)
     * @param pieces       generated and random pieces, seeds 1..pieces; default 20
     * @param seconds      length of every generated piece and real excerpt; default 60
     * @param sampling     sampling settings (the seed is replaced by 1..pieces)
     * @param maxReference training pieces in the reference set at most (seeded choice); default 80
     * @param maxOthers    other composers' pieces at most (seeded choice); default 30
     * @param threads      threads reading files
     */
    public record Settings(Optional<String> composer, int pieces, double seconds, SamplingSettings sampling,
                           int maxReference, int maxOthers, int threads) {

        public Settings {
            if (pieces < 1 || !(seconds > 0) || maxReference < 2 || maxOthers < 1 || threads < 1) {
                throw new IllegalArgumentException("need pieces >= 1, seconds > 0, at least 2 reference pieces, "
                        + "1 other piece and 1 thread");
            }
        }

        /** The defaults above, for {@code composer}. */
        public static Settings defaults(Optional<String> composer, int threads) {
            return new Settings(composer, 20, 60, SamplingSettings.defaults(), 80, 30, threads);
        }
    }

    /**
     * One piece of a set.
     *
     * @param set         its set
     * @param id          a name (seed or piece id)
     * @param midi        the excerpt or generated piece as written
     * @param stats       its statistics
     * @param checks      the degeneracy checks
     * @param target      the judge's probability of the composer, when judged
     * @param top         the judge's first choice, when judged
     */
    public record Piece(MusicSet set, String id, Path midi, MusicStatistics stats, DegeneracyReport checks,
                        Optional<Double> target, Optional<String> top) {
    }

    /**
     * One set's summary.
     *
     * @param set             which
     * @param pieces          its pieces
     * @param comparison      MGEval's distances to the reference (training) pieces
     * @param meanTarget      mean judge probability of the composer (NaN without a judge)
     * @param sdTarget        its standard deviation
     * @param topShare        share of pieces the judge gives to the composer first (NaN without a judge)
     * @param degeneracyPassed share of pieces passing every degeneracy check
     */
    public record SetResult(MusicSet set, List<Piece> pieces, SetComparisonReport comparison, double meanTarget,
                            double sdTarget, double topShare, double degeneracyPassed) {
    }

    /**
     * Held-out likelihoods, nats per token.
     *
     * @param model        the model on the composer's test files
     * @param others       the model on other composers' test pieces, scored as the composer
     * @param unigram      a unigram model of the composer's training tokens (add-one smoothing)
     * @param uniform      a uniform guess over the vocabulary, {@code ln V}
     * @param testFiles    the composer's test files scored
     * @param otherPieces  other composers' pieces scored
     */
    public record Likelihood(LanguageModelTraining.Score model, LanguageModelTraining.Score others, double unigram,
                             double uniform, int testFiles, int otherPieces) {
    }

    /**
     * @param composer   the composer evaluated
     * @param likelihood held-out likelihoods
     * @param sets       one result per set, in {@link MusicSet} order
     * @param reference  training pieces in the reference set
     * @param judge      the judge run, if any
     * @param report     the Markdown report
     */
    public record Result(String composer, Likelihood likelihood, Map<MusicSet, SetResult> sets, int reference,
                         Optional<Path> judge, Path report) {
    }

    private StyleEvaluation() {
    }

    /**
     * Evaluates the style model in {@code modelRun} on the workspace it was trained from.
     *
     * @param modelRun the style model's run (or model) folder
     * @param ws       the workspace it was trained on
     * @param judge    a classifier run trained on the same workspace and split (e.g. the notes route), or empty
     * @param out      the output folder (created)
     * @param s        settings
     * @param progress reading and generating progress
     */
    public static Result run(Path modelRun, Workspace ws, Optional<Path> judge, Path out, Settings s,
                             ProgressListener progress) {
        Objects.requireNonNull(out, "out");
        try (LanguageModel lm = LanguageModel.open(modelRun)) {
            String composer = s.composer().orElse(lm.composers().get(0));
            lm.condition(composer);
            DatasetSpec ds = DatasetSpec.builder().optSeed(lm.contract().config().seed()).build();
            LabelledSplit split = LabelledSplit.plan(ws, ds, NoteFiles::readable, NoteFiles.NOT_MIDI);
            if (!split.classes().contains(composer)) {
                throw new CadenzaException(ws.dir() + ": no MIDI files of " + composer + "; its composers are "
                        + split.classes());
            }
            Random rng = new Random(s.sampling().seed());
            List<CatalogFile> trainFiles = ofComposer(split, Split.TRAIN, composer, true);
            List<CatalogFile> testFiles = ofComposer(split, Split.TEST, composer, true);
            List<CatalogFile> referenceFiles = sample(onePerPiece(split, trainFiles), s.maxReference(), rng);
            List<CatalogFile> heldOut = onePerPiece(split, testFiles);
            List<CatalogFile> others = sample(onePerPiece(split, ofComposer(split, Split.TEST, composer, false)),
                    s.maxOthers(), rng);
            if (trainFiles.isEmpty() || testFiles.isEmpty()) {
                throw new CadenzaException(ws.dir() + ": " + composer + " has " + trainFiles.size() + " training and "
                        + testFiles.size() + " test files; the evaluation needs both");
            }
            List<CatalogFile> all = new ArrayList<>(trainFiles);
            all.addAll(testFiles);
            all.addAll(others);
            Map<Long, NoteSequence> notes = read(all, lm, s.threads(), progress);

            Likelihood likelihood = likelihood(lm, composer, split, trainFiles, testFiles, others, notes);

            Files.createDirectories(out);
            List<MusicStatistics> reference = new ArrayList<>();
            for (CatalogFile f : referenceFiles) {
                NoteSequence n = notes.get(f.id());
                if (n != null) {
                    excerpt(n, s.seconds()).ifPresent(e -> reference.add(MusicStatistics.of(e)));
                }
            }
            if (reference.size() < 2) {
                throw new CadenzaException(composer + " has " + reference.size() + " readable training pieces; the "
                        + "set comparison needs 2");
            }
            Map<MusicSet, List<Piece>> sets = new EnumMap<>(MusicSet.class);
            sets.put(MusicSet.GENERATED, generated(lm, composer, s, out, progress));
            sets.put(MusicSet.RANDOM, random(lm, s, out));
            sets.put(MusicSet.REAL_HELD_OUT, real(MusicSet.REAL_HELD_OUT, split, heldOut, notes, s.seconds(), out));
            sets.put(MusicSet.OTHER_COMPOSERS, real(MusicSet.OTHER_COMPOSERS, split, others, notes, s.seconds(), out));
            if (judge.isPresent()) {
                sets.replaceAll((k, v) -> judged(v, judge.get(), composer, progress));
            }
            Map<MusicSet, SetResult> results = new EnumMap<>(MusicSet.class);
            for (Map.Entry<MusicSet, List<Piece>> e : sets.entrySet()) {
                if (!e.getValue().isEmpty()) {
                    results.put(e.getKey(), summarise(e.getKey(), e.getValue(), reference, composer));
                }
            }
            Path report = out.resolve("style-eval.md");
            Result r = new Result(composer, likelihood, Collections.unmodifiableMap(results), reference.size(), judge,
                    report);
            write(r, lm, s, out);
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the evaluation in " + out, e);
        }
    }

    private static List<CatalogFile> ofComposer(LabelledSplit split, Split which, String composer, boolean same) {
        List<CatalogFile> out = new ArrayList<>();
        for (CatalogFile f : split.files(which)) {
            if (split.labelOf().get(f.id()).equals(composer) == same) {
                out.add(f);
            }
        }
        return out;
    }

    /** The first file of each piece, in catalog order. */
    private static List<CatalogFile> onePerPiece(LabelledSplit split, List<CatalogFile> files) {
        Map<String, CatalogFile> first = new LinkedHashMap<>();
        for (CatalogFile f : files) {
            first.putIfAbsent(split.pieceOf(f), f);
        }
        return new ArrayList<>(first.values());
    }

    private static List<CatalogFile> sample(List<CatalogFile> files, int max, Random rng) {
        if (files.size() <= max) {
            return files;
        }
        List<CatalogFile> copy = new ArrayList<>(files);
        Collections.shuffle(copy, rng);
        return new ArrayList<>(copy.subList(0, max));
    }

    private static Map<Long, NoteSequence> read(List<CatalogFile> files, LanguageModel lm, int threads,
                                                ProgressListener progress) {
        Map<Long, NoteSequence> out = new LinkedHashMap<>();
        for (NoteFiles.Outcome<NoteSequence> o : NoteFiles.map(files, lm.contract().pedal(), n -> n, threads,
                progress, "reading notes")) {
            o.value().ifPresent(n -> out.put(o.file().id(), n));
        }
        return out;
    }

    private static Likelihood likelihood(LanguageModel lm, String composer, LabelledSplit split,
                                         List<CatalogFile> trainFiles, List<CatalogFile> testFiles,
                                         List<CatalogFile> others, Map<Long, NoteSequence> notes) {
        List<TokenPiece> test = pieces(lm, composer, split, testFiles, notes);
        List<TokenPiece> other = pieces(lm, composer, split, others, notes);
        int v = lm.tokenizer().vocabulary().size();
        long[] counts = new long[v];
        long total = 0;
        for (TokenPiece p : pieces(lm, composer, split, trainFiles, notes)) {
            for (int t : p.body()) {
                counts[t]++;
                total++;
            }
        }
        double nll = 0;
        long n = 0;
        for (TokenPiece p : test) {
            for (int t : p.body()) {
                nll -= Math.log((counts[t] + 1.0) / (total + v));
                n++;
            }
        }
        return new Likelihood(lm.score(test), other.isEmpty() ? new LanguageModelTraining.Score(Double.NaN,
                Double.NaN, 0) : lm.score(other), nll / n, Math.log(v), test.size(), other.size());
    }

    private static List<TokenPiece> pieces(LanguageModel lm, String composer, LabelledSplit split,
                                           List<CatalogFile> files, Map<Long, NoteSequence> notes) {
        List<TokenPiece> out = new ArrayList<>();
        for (CatalogFile f : files) {
            NoteSequence n = notes.get(f.id());
            if (n != null) {
                out.add(lm.piece(n, composer, split.pieceOf(f)));
            }
        }
        return out;
    }

    /** The notes struck in the first {@code seconds} from the first note, or empty when there are none. */
    static Optional<NoteSequence> excerpt(NoteSequence n, double seconds) {
        List<Note> kept = new ArrayList<>();
        for (Note note : n.notes()) {
            if (!note.isPercussion()) {
                kept.add(note);
            }
        }
        if (kept.isEmpty()) {
            return Optional.empty();
        }
        NoteSequence opening = StyleGeneration.opening(new NoteSequence(n.source(), kept, List.of()), seconds);
        return opening.notes().isEmpty() ? Optional.empty() : Optional.of(opening);
    }

    private static List<Piece> generated(LanguageModel lm, String composer, Settings s, Path out,
                                         ProgressListener progress) throws IOException {
        Path dir = Files.createDirectories(out.resolve("midi").resolve(MusicSet.GENERATED.slug()));
        List<Piece> pieces = new ArrayList<>();
        progress.start("generating", s.pieces());
        try {
            for (int i = 1; i <= s.pieces(); i++) {
                LanguageModel.Generated g = lm.generate(composer, Optional.empty(), s.seconds(),
                        s.sampling().withSeed(i), false);
                Path midi = dir.resolve(String.format(Locale.ROOT, "%s-seed%02d.mid", composer, i));
                pieces.add(piece(MusicSet.GENERATED, "seed " + i, g.notes(), midi));
                if (i == 1) {
                    StyleGeneration.writeWav(midi);
                    StyleGeneration.drawRoll(g.notes(), midi, "generated " + composer + ", seed 1");
                }
                progress.advance("seed " + i, true);
            }
        } finally {
            progress.finish();
        }
        return pieces;
    }

    /** The random baseline: event tokens drawn uniformly among those the grammar allows, until the length. */
    static NoteSequence randomPiece(NoteTokenizer tokenizer, double seconds, long seed) {
        Vocabulary vocab = tokenizer.vocabulary();
        TokenSampler sampler = new TokenSampler(vocab, new SamplingSettings(1, 0, 1, seed, true));
        float[] flat = new float[vocab.size()];
        long steps = tokenizer.params().steps(seconds);
        List<Integer> tokens = new ArrayList<>();
        tokens.add(Vocabulary.BOS);
        long t = 0;
        while (t < steps) {
            int token = sampler.next(flat);
            tokens.add(token);
            if (vocab.kind(token) == Vocabulary.Kind.TIME_SHIFT) {
                t += vocab.value(token);
            }
        }
        tokens.add(Vocabulary.EOS);
        return tokenizer.decode(tokens.stream().mapToInt(Integer::intValue).toArray(), NoteTokenizer.Mode.LENIENT)
                .notes();
    }

    private static List<Piece> random(LanguageModel lm, Settings s, Path out) throws IOException {
        Path dir = Files.createDirectories(out.resolve("midi").resolve(MusicSet.RANDOM.slug()));
        List<Piece> pieces = new ArrayList<>();
        for (int i = 1; i <= s.pieces(); i++) {
            NoteSequence n = randomPiece(lm.tokenizer(), s.seconds(), i);
            pieces.add(piece(MusicSet.RANDOM, "seed " + i, n, dir.resolve(String.format(Locale.ROOT,
                    "random-seed%02d.mid", i))));
        }
        return pieces;
    }

    private static List<Piece> real(MusicSet set, LabelledSplit split, List<CatalogFile> files,
                                    Map<Long, NoteSequence> notes, double seconds, Path out) throws IOException {
        Path dir = Files.createDirectories(out.resolve("midi").resolve(set.slug()));
        List<Piece> pieces = new ArrayList<>();
        int k = 0;
        for (CatalogFile f : files) {
            NoteSequence n = notes.get(f.id());
            if (n == null) {
                continue;
            }
            Optional<NoteSequence> e = excerpt(n, seconds);
            if (e.isEmpty()) {
                continue;
            }
            String id = split.labelOf().get(f.id()) + ": " + split.pieceOf(f);
            Path midi = dir.resolve(String.format(Locale.ROOT, "%03d-%s.mid", ++k,
                    split.labelOf().get(f.id()).replaceAll("[^A-Za-z0-9-]", "_")));
            pieces.add(piece(set, id, e.get(), midi));
        }
        return pieces;
    }

    private static Piece piece(MusicSet set, String id, NoteSequence notes, Path midi) {
        MidiWriter.write(notes, midi, MidiWriter.Options.builder().optOverwrite(true).build());
        NoteSequence named = new NoteSequence(midi, notes.notes(), notes.barStartSeconds());
        return new Piece(set, id, midi, MusicStatistics.of(named), DegeneracyCheck.check(named), Optional.empty(),
                Optional.empty());
    }

    private static List<Piece> judged(List<Piece> pieces, Path judge, String composer, ProgressListener progress) {
        List<Piece> out = new ArrayList<>();
        try (FilePredictor p = Predictors.open(judge)) {
            if (!p.classes().contains(composer)) {
                throw new CadenzaException(judge + ": the judge does not know " + composer + " (its classes: "
                        + p.classes() + ")");
            }
            progress.start("judging", pieces.size());
            for (Piece piece : pieces) {
                Optional<Double> target = Optional.empty();
                Optional<String> top = Optional.empty();
                try {
                    FilePrediction.Result r = p.predict(piece.midi());
                    target = r.ranking().stream().filter(x -> x.label().equals(composer)).findFirst()
                            .map(FilePrediction.Ranked::probability);
                    top = Optional.of(r.ranking().get(0).label());
                } catch (BadInputException e) {
                    // too short for one window of the judge: not judged
                }
                out.add(new Piece(piece.set(), piece.id(), piece.midi(), piece.stats(), piece.checks(), target, top));
                progress.advance(piece.id(), target.isPresent());
            }
            progress.finish();
        } catch (Exception e) {
            if (e instanceof RuntimeException re) {
                throw re;
            }
            throw new CadenzaException("judging with " + judge + " failed: " + e.getMessage(), e);
        }
        return out;
    }

    private static SetResult summarise(MusicSet set, List<Piece> pieces, List<MusicStatistics> reference,
                                       String composer) {
        SetComparisonReport cmp = SetComparison.compare(reference, pieces.stream().map(Piece::stats).toList());
        double[] t = pieces.stream().filter(p -> p.target().isPresent()).mapToDouble(p -> p.target().get())
                .toArray();
        double mean = t.length == 0 ? Double.NaN : MathEx.mean(t);
        double sd = t.length < 2 ? Double.NaN : MathEx.sd(t);
        long judged = pieces.stream().filter(p -> p.top().isPresent()).count();
        double topShare = judged == 0 ? Double.NaN
                : pieces.stream().filter(p -> p.top().map(composer::equals).orElse(false)).count() / (double) judged;
        double passed = pieces.stream().filter(p -> p.checks().passed()).count() / (double) pieces.size();
        return new SetResult(set, pieces, cmp, mean, sd, topShare, passed);
    }

    private static void write(Result r, LanguageModel lm, Settings s, Path out) throws IOException {
        Map<MusicSet, SetResult> sets = r.sets();
        StringBuilder csv = new StringBuilder();
        try (CSVPrinter rows = new CSVPrinter(csv, CSVFormat.DEFAULT.builder().setHeader("set", "id", "file", "notes",
                "seconds", "pitch_range", "note_density", "degeneracy_passed", "failed_checks", "p_target",
                "judge_top").setRecordSeparator("\n").build())) {
            for (SetResult sr : sets.values()) {
                for (Piece p : sr.pieces()) {
                    rows.printRecord(sr.set().slug(), p.id(), out.relativize(p.midi()), p.stats().notes(),
                            fmt(p.stats().durationSeconds()), p.stats().pitchRange(), fmt(p.stats().noteDensity()),
                            p.checks().passed(), String.join("; ", p.checks().failures().stream()
                                    .map(c -> c.check().label()).toList()),
                            p.target().map(StyleEvaluation::fmt).orElse(""), p.top().orElse(""));
                }
                sr.comparison().writeCsv(out.resolve("compare-" + sr.set().slug() + ".csv"));
            }
        }
        ModelJson.writeAtomically(out.resolve("pieces.csv"), csv.toString().getBytes(StandardCharsets.UTF_8));
        ModelJson.writeAtomically(r.report(), markdown(r, sets, lm, s).getBytes(StandardCharsets.UTF_8));
    }

    /** The features in the summary table. */
    static final List<MusicFeature> SUMMARY = List.of(MusicFeature.PITCH_CLASS_HISTOGRAM,
            MusicFeature.INTERVAL_HISTOGRAM, MusicFeature.IOI_HISTOGRAM, MusicFeature.NOTE_LENGTH_HISTOGRAM,
            MusicFeature.NOTE_DENSITY, MusicFeature.PITCH_RANGE);

    private static String markdown(Result r, Map<MusicSet, SetResult> sets, LanguageModel lm, Settings s) {
        StringBuilder b = new StringBuilder();
        Likelihood l = r.likelihood();
        b.append("# Style model evaluation: ").append(r.composer()).append("\n\n");
        b.append(String.format(Locale.ROOT, "Model: `%s` (%d LSTM layers of %d, context %d tokens, best epoch %d). "
                        + "Sampling: temperature %.2f, top-k %d, top-p %.2f, seeds 1-%d, %.0f s each.%n%n",
                lm.dir(), lm.contract().config().layers(), lm.contract().config().hiddenSize(),
                lm.contract().config().contextLength(), lm.contract().bestEpoch(), s.sampling().temperature(),
                s.sampling().topK(), s.sampling().topP(), s.pieces(), s.seconds()));
        b.append("## Held-out likelihood (nats per token; lower is better)\n\n");
        b.append("| scored | by | NLL/token | perplexity | tokens |\n|---|---|---|---|---|\n");
        b.append(String.format(Locale.ROOT, "| %s test files (%d) | the model | **%.3f** | %.1f | %,d |%n",
                r.composer(), l.testFiles(), l.model().nll(), l.model().perplexity(), l.model().tokens()));
        b.append(String.format(Locale.ROOT, "| %s test files | unigram of the training tokens | %.3f | %.1f | |%n",
                r.composer(), l.unigram(), Math.exp(l.unigram())));
        b.append(String.format(Locale.ROOT, "| %s test files | uniform guess | %.3f | %.1f | |%n", r.composer(),
                l.uniform(), Math.exp(l.uniform())));
        if (l.otherPieces() > 0) {
            b.append(String.format(Locale.ROOT, "| other composers' test pieces (%d) | the model, as %s | %.3f | %.1f "
                    + "| %,d |%n", l.otherPieces(), r.composer(), l.others().nll(), l.others().perplexity(),
                    l.others().tokens()));
        }
        b.append(String.format(Locale.ROOT, "%n## The music, against %d training pieces of %s%n%n", r.reference(),
                r.composer()));
        b.append("Style fidelity is the judge's mean probability of ").append(r.composer())
                .append(r.judge().map(j -> " (judge: `" + j + "`)").orElse(" (no judge given)"))
                .append("; JS is the Jensen-Shannon divergence (bits, 0-1) between the set's mean histogram and the "
                        + "training pieces'; OA is MGEval's overlap of the inter-set and intra-set distance "
                        + "densities (1 = as far from the training pieces as they are from each other); Δmean/sd is the "
                        + "difference of the set means in training-piece standard deviations.\n\n");
        b.append("| set | pieces | style fidelity P(").append(r.composer()).append(") | judged ").append(r.composer())
                .append(" first | degeneracy checks passed");
        for (MusicFeature f : SUMMARY) {
            b.append(" | ").append(f.name().toLowerCase(Locale.ROOT).replace('_', ' '))
                    .append(f.kind() == MusicFeature.Kind.HISTOGRAM ? " JS / OA" : " Δmean/sd / OA");
        }
        b.append(" |\n|---|---|---|---|---");
        SUMMARY.forEach(f -> b.append("|---"));
        b.append("|\n");
        for (SetResult sr : sets.values()) {
            b.append("| ").append(sr.set().label()).append(" | ").append(sr.pieces().size()).append(" | ")
                    .append(Double.isNaN(sr.meanTarget()) ? "n/a" : String.format(Locale.ROOT, "%.3f ± %.3f",
                            sr.meanTarget(), sr.sdTarget()))
                    .append(" | ").append(Double.isNaN(sr.topShare()) ? "n/a"
                            : String.format(Locale.ROOT, "%.0f %%", 100 * sr.topShare()))
                    .append(" | ").append(String.format(Locale.ROOT, "%.0f %%", 100 * sr.degeneracyPassed()));
            for (MusicFeature f : SUMMARY) {
                FeatureComparison c = sr.comparison().row(f).orElseThrow();
                b.append(String.format(Locale.ROOT, " | %.3f / %.2f", c.directDistance(), c.overlapArea()));
            }
            b.append(" |\n");
        }
        for (SetResult sr : sets.values()) {
            b.append("\n### ").append(sr.set().label()).append(" against the training pieces\n\n");
            b.append(sr.comparison().toMarkdown()).append('\n');
            long failing = sr.pieces().stream().filter(p -> !p.checks().passed()).count();
            if (failing > 0) {
                Map<String, Integer> why = new LinkedHashMap<>();
                sr.pieces().forEach(p -> p.checks().failures().forEach(c -> why.merge(c.check().label(), 1,
                        Integer::sum)));
                b.append("Degeneracy failures: ").append(why).append("\n");
            }
        }
        return b.toString();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
