package org.cadenza.api;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import org.cadenza.corpus.ProgressListener;
import org.cadenza.api.run.StyleGeneration;
import org.cadenza.api.run.StyleModels;
import org.cadenza.io.BadInputException;
import org.cadenza.io.CadenzaException;
import org.cadenza.io.Parameters;
import org.cadenza.model.ModelRuntime;
import org.cadenza.model.embedding.EmbeddingModel;
import org.cadenza.model.generation.LanguageModel;
import org.cadenza.model.pipeline.FilePredictor;
import org.cadenza.api.run.Predictors;
import org.cadenza.model.train.TrainingListener;

/**
 * Cadenza's front door: who composed a piece, from which period, whether its composer is one Cadenza knows, and why;
 * and new music in a composer's style. {@code cadenza who}, {@code cadenza generate} and the web page are thin shells
 * over this class.
 *
 * <pre>{@code
 * try (Cadenza cadenza = Cadenza.defaults()) {
 *     Analysis a = cadenza.analyze(Path.of("piece.mid"));
 *     System.out.println(a.composer().name() + " " + a.composer().probability());
 * }
 * }</pre>
 *
 * <p>{@link #defaults()} uses the default models ({@link DefaultModels}, in {@code $CADENZA_HOME/models}), training
 * them on first use (a few minutes on two cores); {@link #builder()} names other runs. Models are opened on the first
 * analysis and kept until {@link #close()}. One instance answers one call at a time (calls are serialised); open one
 * per thread to analyse in parallel.
 */
public final class Cadenza implements AutoCloseable {

    private final Builder settings;
    private Analyzer analyzer;
    private boolean closed;

    private Cadenza(Builder settings) {
        this.settings = settings;
    }

    /** @return Cadenza with the default models of {@code $CADENZA_HOME/models} (trained on first use) */
    public static Cadenza defaults() {
        return builder().build();
    }

    /** @return a builder for Cadenza with chosen models, training data, progress listeners or threads */
    public static Builder builder() {
        return new Builder();
    }

    /** {@link #analyze(Path, AnalysisOptions)} with {@link AnalysisOptions#DEFAULTS}. */
    public Analysis analyze(Path file) {
        return analyze(file, AnalysisOptions.DEFAULTS);
    }

    /**
     * Who composed {@code file}, from which period, whether the composer is known, and (with
     * {@link AnalysisOptions#explain()}) why.
     *
     * @throws BadInputException when the file cannot be read or holds no music the models can read (the message
     *                           names the file and the problem)
     */
    public synchronized Analysis analyze(Path file, AnalysisOptions options) {
        Objects.requireNonNull(file, "file");
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file, Files.exists(file) ? "not a file" : "no such file");
        }
        return analyzer().analyze(file, options);
    }

    /**
     * Analyses every file, recording one problem per file that cannot be read and going on.
     *
     * @param progress one step per file
     * @return one result per file, in order
     */
    public List<FileResult> analyzeAll(List<Path> files, AnalysisOptions options, ProgressListener progress) {
        List<FileResult> out = new ArrayList<>(files.size());
        progress.start("analysing", files.size());
        try {
            for (Path f : files) {
                try {
                    out.add(FileResult.of(analyze(f, options)));
                    progress.advance(f.toString(), true);
                } catch (BadInputException e) {
                    out.add(FileResult.failed(f, e.problem()));
                    progress.advance(f.toString(), false);
                }
            }
        } finally {
            progress.finish();
        }
        return out;
    }

    /** {@link #analyzeAll(List, AnalysisOptions, ProgressListener)} with the default options and no progress. */
    public List<FileResult> analyzeAll(List<Path> files) {
        return analyzeAll(files, AnalysisOptions.DEFAULTS, ProgressListener.NONE);
    }

    /** @return the composers the composer model tells apart (opens the models, training the defaults if needed) */
    public synchronized List<String> composers() {
        return analyzer().composers();
    }

    /**
     * New music in a composer's style: MIDI (and WAV and a piano roll when asked), checked for degeneracy. Without a
     * style model named in the builder, the composer's default style model is used, trained on first use.
     */
    public StyleGeneration.Result generate(StyleGeneration.Request request) {
        Path run = settings.styleModel != null ? settings.styleModel
                : StyleModels.ensure(DefaultModels.home(), request.composer(), settings.training, settings.progress,
                settings.threads);
        // sampling runs one token at a time: operations too small to share between threads
        ModelRuntime.setThreads(1);
        try (LanguageModel lm = LanguageModel.open(run)) {
            return StyleGeneration.generate(lm, request);
        }
    }

    private Analyzer analyzer() {
        if (closed) {
            throw new IllegalStateException("this Cadenza is closed");
        }
        if (analyzer == null) {
            analyzer = settings.open();
        }
        return analyzer;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (analyzer != null) {
            analyzer.close();
            analyzer = null;
        }
    }

    /**
     * Which models Cadenza uses and how it trains the defaults. Unset models come from the default models
     * ({@link #models(Path)}, else {@code $CADENZA_HOME/models}).
     */
    public static final class Builder {
        private Path models;
        private Path composerModel;
        private Path periodModel;
        private Path openSetModel;
        private Path styleModel;
        private boolean period = true;
        private boolean openSet = true;
        private Supplier<TrainingData> data;
        private ProgressListener progress = ProgressListener.NONE;
        private TrainingListener training = new TrainingListener() { };
        private int threads = Math.max(1, Runtime.getRuntime().availableProcessors());

        private Builder() {
        }

        /** The default-models folder ({@code who --models DIR}); default {@code $CADENZA_HOME/models}. */
        public Builder models(Path dir) {
            this.models = Objects.requireNonNull(dir, "dir");
            return this;
        }

        /** A composer run of any route ({@code cadenza train}) instead of the default composer model. */
        public Builder composerModel(Path run) {
            this.composerModel = Objects.requireNonNull(run, "run");
            return this;
        }

        /** A period run ({@code cadenza train --target period}) instead of the default period model. */
        public Builder periodModel(Path run) {
            this.periodModel = Objects.requireNonNull(run, "run");
            this.period = true;
            return this;
        }

        /** An embedding run ({@code cadenza embed}) instead of the default open-set model. */
        public Builder openSetModel(Path run) {
            this.openSetModel = Objects.requireNonNull(run, "run");
            this.openSet = true;
            return this;
        }

        /** A style-model run ({@code cadenza train-style}) for {@link #generate}. */
        public Builder styleModel(Path run) {
            this.styleModel = Objects.requireNonNull(run, "run");
            return this;
        }

        /** Answer without a period (no period model is opened or trained). */
        public Builder noPeriod() {
            this.period = false;
            this.periodModel = null;
            return this;
        }

        /** Answer without the open-set verdict (no embedding is opened or trained). */
        public Builder noOpenSet() {
            this.openSet = false;
            this.openSetModel = null;
            return this;
        }

        /** What the default models are trained on; default {@link TrainingData#publicPianoCorpora}. */
        public Builder trainingData(TrainingData data) {
            Objects.requireNonNull(data, "data");
            this.data = () -> data;
            return this;
        }

        /** Progress of ingest, reading and evaluation while the default models are trained, and of batches. */
        public Builder progress(ProgressListener listener) {
            this.progress = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Epochs of the networks trained on first use (the embedding, style models). */
        public Builder training(TrainingListener listener) {
            this.training = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Threads for reading files while training; default one per core. */
        public Builder threads(int n) {
            this.threads = Parameters.atLeast("threads", n, 1);
            return this;
        }

        /** @return Cadenza with these settings; models are opened (and defaults trained) on the first analysis */
        public Cadenza build() {
            return new Cadenza(this);
        }

        private DefaultModels defaults() {
            return models == null ? DefaultModels.inHome() : DefaultModels.at(models);
        }

        private Analyzer open() {
            DefaultModels d = defaults();
            java.util.EnumSet<ModelKind> kinds = java.util.EnumSet.noneOf(ModelKind.class);
            if (composerModel == null) {
                kinds.add(ModelKind.COMPOSER);
            }
            if (period && periodModel == null) {
                kinds.add(ModelKind.PERIOD);
            }
            if (openSet && openSetModel == null) {
                kinds.add(ModelKind.OPENSET);
            }
            if (!kinds.isEmpty()) {
                Supplier<TrainingData> source = data != null ? data
                        : () -> TrainingData.publicPianoCorpora(DefaultModels.home(), progress);
                d.train(kinds, false, source, progress, training, threads);
            }
            Path c = composerModel != null ? composerModel : d.run(ModelKind.COMPOSER);
            Optional<Path> p = !period ? Optional.empty()
                    : Optional.of(periodModel != null ? periodModel : d.run(ModelKind.PERIOD));
            Optional<Path> o = !openSet ? Optional.empty()
                    : Optional.of(openSetModel != null ? openSetModel : d.run(ModelKind.OPENSET));
            Map<String, String> used = new LinkedHashMap<>();
            used.put("composer", c.toString());
            p.ifPresent(x -> used.put("period", x.toString()));
            o.ifPresent(x -> used.put("openSet", x.toString()));
            FilePredictor composer = open(c, "composer");
            FilePredictor periodPredictor = null;
            EmbeddingModel embedding = null;
            try {
                if (p.isPresent()) {
                    periodPredictor = open(p.get(), "period");
                }
                if (o.isPresent()) {
                    ModelRuntime.setThreads(1);
                    embedding = EmbeddingModel.open(o.get());
                }
            } catch (RuntimeException e) {
                composer.close();
                if (periodPredictor != null) {
                    periodPredictor.close();
                }
                throw e;
            }
            return new Analyzer(composer, Optional.ofNullable(periodPredictor), Optional.ofNullable(embedding), used);
        }

        private static FilePredictor open(Path run, String role) {
            if (!Files.isDirectory(run)) {
                throw new CadenzaException("no " + role + " model in " + run + ": train one (cadenza train WORKSPACE "
                        + "--run " + run + (role.equals("period") ? " --target period" : "")
                        + ") or leave it out to use the default models");
            }
            return Predictors.open(run);
        }
    }
}
