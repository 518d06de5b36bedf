package org.cadenza.api;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.cadenza.features.symbolic.NoteWindowSpec;
import org.cadenza.io.midi.MidiLimits;
import org.cadenza.io.midi.NoteReader;
import org.cadenza.io.midi.NoteSequence;
import org.cadenza.io.score.Scores;
import org.cadenza.model.embedding.Anchors;
import org.cadenza.model.embedding.EmbeddingModel;
import org.cadenza.model.embedding.Identification;
import org.cadenza.model.notes.NotesPredictor;
import org.cadenza.model.pipeline.FilePrediction;
import org.cadenza.model.pipeline.FilePredictor;
import org.cadenza.model.route.MidiFiles;

/**
 * Answers {@link Cadenza#analyze} with the models of one {@link Cadenza}: the composer model (any route), an optional
 * period model and an optional open-set embedding. A MIDI file's notes are read once and shared by the models that
 * read notes. Thread-safe as its models are: one analysis at a time per instance (the facade serialises calls).
 */
final class Analyzer implements AutoCloseable {

    /** Below this first-composer probability the answer is flagged {@link Analysis.WarningKind#UNSURE}. */
    static final double UNSURE_TOP = 0.40;
    /** With the second composer within this much of the first, the answer is flagged unsure. */
    static final double UNSURE_MARGIN = 0.15;
    /** With fewer windows than this the answer is flagged {@link Analysis.WarningKind#SHORT}. */
    static final int SHORT_WINDOWS = 2;

    private final FilePredictor composer;
    private final Optional<FilePredictor> period;
    private final Optional<EmbeddingModel> openSet;
    private final Map<String, String> models;

    Analyzer(FilePredictor composer, Optional<FilePredictor> period, Optional<EmbeddingModel> openSet,
             Map<String, String> models) {
        this.composer = composer;
        this.period = period;
        this.openSet = openSet;
        this.models = new LinkedHashMap<>(models);
    }

    /** The composers the composer model knows. */
    List<String> composers() {
        return composer.classes();
    }

    Analysis analyze(Path file, AnalysisOptions options) {
        long start = System.nanoTime();
        NoteReader.Pedal pedal = pedal();
        Optional<NoteSequence> notes = Optional.empty();
        if (MidiFiles.isSymbolic(file) && (composer instanceof NotesPredictor || openSet.isPresent())) {
            notes = Optional.of(Scores.readNotes(file, MidiLimits.DEFAULTS, pedal));
        }
        Optional<NoteSequence> read = notes;
        FilePrediction.Result c = predict(composer, file, read, pedal, start);
        Optional<FilePrediction.Result> p = period.map(x -> predict(x, file, read, pedal, start));
        Optional<Analysis.OpenSet> o = Optional.empty();
        if (openSet.isPresent()) {
            EmbeddingModel m = openSet.get();
            NoteSequence seq = read.filter(x -> m.input().pedal() == pedal).orElseGet(() -> {
                MidiFiles.requireSymbolic(file, "the open-set model");
                return Scores.readNotes(file, MidiLimits.DEFAULTS, m.input().pedal());
            });
            EmbeddingModel.PieceEmbedding embedded = m.embed(seq, file);
            o = Optional.of(openSet(m, embedded.embedding(), m.identify(embedded, file), options.nearestPieces()));
        }
        List<Analysis.Ranked> composers = ranked(c, options.top());
        List<Analysis.Ranked> periods = p.map(r -> ranked(r, options.top())).orElse(List.of());
        Optional<Analysis.Explanation> explanation = Optional.empty();
        if (options.explain()) {
            explanation = Optional.of(explain(c, p, notes, file, composers.get(0).name(), options.features()));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Analysis.Instrument> instruments = c.instruments().stream().map(i -> new Analysis.Instrument(i.family(),
                clamp(i.probability()), i.threshold(), i.present(), i.windowShare())).toList();
        return new Analysis(file, seconds, c.windows().size(), composers, periods, o,
                warnings(composers, c.windows().size(), o), explanation, instruments, models);
    }

    private NoteReader.Pedal pedal() {
        if (composer instanceof NotesPredictor n) {
            return n.settings().pedal();
        }
        return openSet.map(m -> m.input().pedal()).orElse(NoteReader.Pedal.EXTEND);
    }

    private static FilePrediction.Result predict(FilePredictor predictor, Path file, Optional<NoteSequence> notes,
                                                 NoteReader.Pedal pedal, long start) {
        if (predictor instanceof NotesPredictor n && notes.isPresent() && n.settings().pedal() == pedal) {
            return n.predict(notes.get(), file, start);
        }
        return predictor.predict(file);
    }

    private static List<Analysis.Ranked> ranked(FilePrediction.Result r, int top) {
        return r.ranking().stream().limit(top).map(k -> new Analysis.Ranked(k.label(), clamp(k.probability())))
                .toList();
    }

    private static double clamp(double p) {
        return Math.max(0, Math.min(1, p));
    }

    private static Analysis.OpenSet openSet(EmbeddingModel model, float[] embedding, Identification id,
                                            int nearestPieces) {
        List<Analysis.NearPiece> near = new ArrayList<>();
        if (nearestPieces > 0) {
            for (Map.Entry<String, Anchors.PieceAnchor> e : model.anchors().pieces().entrySet()) {
                near.add(new Analysis.NearPiece(e.getKey(), e.getValue().composer(),
                        Anchors.distance(embedding, e.getValue().anchor())));
            }
            near.sort(Comparator.comparingDouble(Analysis.NearPiece::distance).thenComparing(Analysis.NearPiece::piece));
        }
        Analysis.Verdict verdict = switch (id.verdict()) {
            case KNOWN -> Analysis.Verdict.KNOWN;
            case UNKNOWN -> Analysis.Verdict.UNKNOWN;
            case NOT_CALIBRATED -> Analysis.Verdict.NOT_CALIBRATED;
        };
        return new Analysis.OpenSet(verdict, id.nearest().composer(), id.nearest().distance(),
                id.threshold().map(t -> t.threshold()).orElse(Double.NaN),
                near.subList(0, Math.min(nearestPieces, near.size())));
    }

    static List<Analysis.Warning> warnings(List<Analysis.Ranked> composers, int windows,
                                           Optional<Analysis.OpenSet> openSet) {
        List<Analysis.Warning> out = new ArrayList<>();
        Analysis.Ranked first = composers.get(0);
        double second = composers.size() > 1 ? composers.get(1).probability() : 0;
        if (first.probability() < UNSURE_TOP || first.probability() - second < UNSURE_MARGIN) {
            out.add(new Analysis.Warning(Analysis.WarningKind.UNSURE, String.format(Locale.ROOT,
                    "unsure: %s has only %.0f %%%s", first.name(), 100 * first.probability(),
                    composers.size() > 1 ? String.format(Locale.ROOT, " and %s is close behind at %.0f %%",
                            composers.get(1).name(), 100 * second) : "")));
        }
        if (openSet.isPresent() && openSet.get().verdict() == Analysis.Verdict.UNKNOWN) {
            Analysis.OpenSet o = openSet.get();
            out.add(new Analysis.Warning(Analysis.WarningKind.FAR_FROM_KNOWN, String.format(Locale.ROOT,
                    "far from every composer Cadenza knows: distance %.3f to the nearest (%s), beyond the threshold "
                            + "%.3f; the composer may be one it has never seen", o.distance(), o.nearestComposer(),
                    o.threshold())));
        } else if (openSet.isPresent() && !openSet.get().nearestComposer().equals(first.name())) {
            out.add(new Analysis.Warning(Analysis.WarningKind.MODELS_DISAGREE, String.format(Locale.ROOT,
                    "the models disagree: the classifier says %s, the nearest composer in the open-set embedding is "
                            + "%s", first.name(), openSet.get().nearestComposer())));
        }
        if (windows < SHORT_WINDOWS) {
            out.add(new Analysis.Warning(Analysis.WarningKind.SHORT, String.format(Locale.ROOT,
                    "short: only %d window of music to go on; answers from longer excerpts are more reliable",
                    windows)));
        }
        return out;
    }

    private Analysis.Explanation explain(FilePrediction.Result c, Optional<FilePrediction.Result> p,
                                         Optional<NoteSequence> notes, Path file, String first, int features) {
        List<String> classes = composer.classes();
        List<String> periodClasses = period.map(FilePredictor::classes).orElse(List.of());
        double length = windowSeconds();
        List<Analysis.TimelineWindow> timeline = new ArrayList<>();
        List<FilePrediction.WindowResult> ws = c.windows();
        Map<Double, FilePrediction.WindowResult> periodAt = new java.util.HashMap<>();
        p.ifPresent(r -> r.windows().forEach(x -> periodAt.putIfAbsent(x.startSeconds(), x)));
        for (int i = 0; i < ws.size(); i++) {
            FilePrediction.WindowResult w = ws.get(i);
            double end = length > 0 ? w.startSeconds() + length
                    : i + 1 < ws.size() ? ws.get(i + 1).startSeconds() : w.startSeconds();
            // both models cut the same notes with the same settings, so their windows start at the same seconds
            Optional<Analysis.Ranked> pw = Optional.ofNullable(periodAt.get(w.startSeconds()))
                    .map(x -> top(x.probabilities(), periodClasses));
            timeline.add(new Analysis.TimelineWindow(w.startSeconds(), end, top(w.probabilities(), classes), pw));
        }
        List<Analysis.FeatureWeight> weights = List.of();
        if (composer instanceof NotesPredictor n && notes.isPresent()) {
            weights = n.contributions(notes.get(), file, first, features).map(list -> list.stream()
                    .map(f -> new Analysis.FeatureWeight(f.feature(), f.value(), f.contribution())).toList())
                    .orElse(List.of());
        }
        return new Analysis.Explanation(timeline, weights);
    }

    private double windowSeconds() {
        if (composer instanceof NotesPredictor n
                && n.settings().window().unit() == NoteWindowSpec.Unit.SECONDS) {
            return n.settings().window().windowSeconds();
        }
        return 0;
    }

    private static Analysis.Ranked top(float[] probabilities, List<String> classes) {
        int best = 0;
        for (int i = 1; i < probabilities.length; i++) {
            if (probabilities[i] > probabilities[best]) {
                best = i;
            }
        }
        return new Analysis.Ranked(classes.get(best), clamp(probabilities[best]));
    }

    @Override
    public void close() {
        try {
            composer.close();
        } finally {
            try {
                period.ifPresent(FilePredictor::close);
            } finally {
                openSet.ifPresent(EmbeddingModel::close);
            }
        }
    }
}
