package org.cadenza.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.cadenza.io.Parameters;
import org.cadenza.io.TempFiles;
import org.cadenza.model.Architecture;
import org.cadenza.model.InMemoryWindows;
import org.cadenza.model.ModelRuntime;
import org.cadenza.model.bundle.Classifier;
import org.cadenza.model.bundle.InferenceBenchmark;
import org.cadenza.model.bundle.InputContract;
import org.cadenza.model.bundle.ModelBundle;
import org.cadenza.model.train.ClassifierTraining;
import org.cadenza.model.train.SpecAugment;
import org.cadenza.model.train.TrainingConfig;
import org.cadenza.model.train.TrainingListener;
import org.cadenza.model.train.TrainingResult;

/**
 * Training throughput (windows per second) of Cadenza's DJL network beside the same network written in PyTorch
 * under Python ({@code scripts/bench/train_throughput.py}, Debian's {@code python3-torch}) on the same machine,
 * thread count and random log-mel-shaped input.
 *
 * <p>Java side: {@link InferenceBenchmark#trainingWindowsPerSecond} (two epochs over random windows, 3 classes,
 * batch {@value #BATCH}, AdamW with the one-cycle schedule, {@link SpecAugment#DEFAULT} on; the second epoch's
 * windows per second). Python side: the script does the same, see its docstring. Both read the loss and the
 * accuracy back after every batch, as Cadenza's training loop does.
 *
 * <p>Same network: the DJL network's parameter list (read from a parameter file written by a one-epoch training
 * on a few tiny windows, {@link DjlParameterFile}) is compared entry by entry with the script's state_dict; and the
 * same function ({@link #forwardDifference}): a trained Cadenza network's weights loaded into the PyTorch network
 * give the same class probabilities on the same windows (which also checks strides, padding, pooling and the order
 * of the layers, which parameter shapes alone do not show).
 *
 * <p>Threads: PyTorch reads its thread count once, when DJL loads the engine; {@link #run} sets it through
 * {@link ModelRuntime#setThreads} when nothing set it yet and refuses when it was set to another number.
 */
public final class TrainThroughputBenchmark {

    /** Frames of a 5-s window of the default log-mel features, as training makes them ({@code FeatureParams.framesFor}). */
    public static final int FIVE_SECONDS = org.cadenza.features.FeatureParams.builder().build().framesFor(5.0);

    /** System property naming the Python peer script, overriding the search. */
    public static final String SCRIPT_PROPERTY = "cadenza.bench.trainScript";
    /** Windows per batch on both sides (Cadenza's training default). */
    public static final int BATCH = 32;
    /** Output classes of the benchmarked networks (as in {@link InferenceBenchmark#trainingWindowsPerSecond}). */
    public static final int CLASSES = 3;

    /** Random windows predicted by both networks in the same-function check. */
    public static final int CHECK_WINDOWS = 8;
    /** Mel rows and frames of the same-function check's windows (not square, so a transposed layout shows). */
    public static final int CHECK_MELS = 48;
    public static final int CHECK_FRAMES = 40;
    /**
     * Largest |p_Cadenza - p_PyTorch| accepted as the same function: float32 arithmetic in two PyTorch versions
     * (2.5.1 in DJL, 1.13 in Debian) differs by about 1e-6.
     */
    public static final double SAME_FUNCTION_TOLERANCE = 1e-4;

    private static final String SCRIPT_RELATIVE = "scripts/bench/train_throughput.py";
    private static final long PYTHON_TIMEOUT_MINUTES = 30;

    private TrainThroughputBenchmark() {
    }

    /**
     * What to measure.
     *
     * @param architecture network, default {@link Architecture#SMALL}
     * @param mels         mel rows per window, default 128
     * @param frames       frames per window, default {@link #FIVE_SECONDS} (a 5-s window of the default log-mel, as
     *                     training cuts it: 215 at 22,050 Hz, hop 512)
     * @param windows      random windows per epoch, default 512 (16 batches)
     * @param threads      PyTorch threads on both sides, default 1
     * @param python       interpreter with torch for the peer; empty to measure Cadenza alone
     */
    public record Params(Architecture architecture, int mels, int frames, int windows, int threads,
                         Optional<Path> python) {

        public Params {
            Objects.requireNonNull(architecture, "architecture");
            Objects.requireNonNull(python, "python");
            if (mels < 32 || frames < 32) {
                throw new IllegalArgumentException("windows must be at least 32 x 32 (the networks pool by 32), got "
                        + mels + " x " + frames);
            }
            if (windows < BATCH) {
                throw new IllegalArgumentException("need at least one batch of " + BATCH + " windows, got " + windows);
            }
            Parameters.atLeast("threads", threads, 1);
        }

        /** @return a builder with the defaults */
        public static Builder builder() {
            return new Builder();
        }

        /** Builder: every field has a default. */
        public static final class Builder {
            private Architecture architecture = Architecture.SMALL;
            private int mels = 128;
            private int frames = FIVE_SECONDS;
            private int windows = 512;
            private int threads = 1;
            private Optional<Path> python = Optional.empty();

            public Builder optArchitecture(Architecture v) { architecture = v; return this; }
            public Builder optMels(int v) { mels = v; return this; }
            public Builder optFrames(int v) { frames = v; return this; }
            public Builder optWindows(int v) { windows = v; return this; }
            public Builder optThreads(int v) { threads = v; return this; }
            public Builder optPython(Optional<Path> v) { python = Objects.requireNonNull(v, "python"); return this; }

            public Params build() {
                return new Params(architecture, mels, frames, windows, threads, python);
            }
        }
    }

    /**
     * Measures Cadenza, then the Python peer when an interpreter is given, and compares the networks.
     *
     * @param params  what to measure
     * @param command the command line to print in the report
     * @throws IllegalStateException when PyTorch's thread count was already set to another number
     */
    public static TrainThroughputResult run(Params params, String command) {
        EngineThreads.fix(params.threads());
        BenchMachine machine = BenchMachine.current();
        List<DjlParameterFile.Tensor> djl = djlParameters(params.architecture(), CLASSES);
        double java = InferenceBenchmark.trainingWindowsPerSecond(params.architecture(), params.mels(),
                params.frames(), params.windows());
        Optional<TrainThroughputResult.Peer> peer = Optional.empty();
        Optional<String> problem = Optional.empty();
        OptionalDouble sameFunction = OptionalDouble.empty();
        if (params.python().isEmpty()) {
            problem = Optional.of("not run (no Python interpreter with torch given or found; Debian: "
                    + "apt-get install python3-torch)");
        } else {
            try {
                peer = Optional.of(runPeer(params.python().get(), params, false));
                sameFunction = OptionalDouble.of(forwardDifference(params.python().get(), params.architecture(),
                        CHECK_MELS, CHECK_FRAMES));
            } catch (PeerException e) {
                problem = Optional.of(e.getMessage());
            }
        }
        return new TrainThroughputResult(command, machine, params.architecture(), params.mels(), params.frames(),
                params.windows(), CLASSES, params.threads(), java, javaRuntime(), djl, peer, sameFunction, problem);
    }

    /**
     * The parameter list of Cadenza's network: trains it for one epoch on a few random 32 x 32 windows (a second
     * or so) and reads the checkpoint. The list does not depend on the window size (global average pooling).
     */
    public static List<DjlParameterFile.Tensor> djlParameters(Architecture architecture, int classes) {
        Path dir = tempDir();
        try {
            return DjlParameterFile.read(tinyTraining(architecture, classes, 32, 32, dir).bestWeights());
        } finally {
            deleteTree(dir);
        }
    }

    /** One epoch over a few random windows ({@code max(4, classes)}, classes in turn), no SpecAugment. */
    private static TrainingResult tinyTraining(Architecture architecture, int classes, int mels, int frames,
            Path dir) {
        int n = Math.max(4, classes);
        List<float[]> windows = InferenceBenchmark.randomWindows(n, mels * frames, new Random(3));
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % classes;
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            names.add("c" + c);
        }
        InMemoryWindows train = new InMemoryWindows(names, mels, frames, windows, labels);
        return ClassifierTraining.train(train, train.subset(new int[] {0}),
                TrainingConfig.builder().optArchitecture(architecture).optEpochs(1).optSpecAugment(SpecAugment.NONE)
                        .build(), dir, TrainingListener.NONE);
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("cadenza-train-bench");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder", e);
        }
    }

    /**
     * Runs the peer script.
     *
     * @param shapesOnly only build the network and list its parameters (no training; a second or two)
     * @throws PeerException saying why, when the script cannot run or answers nothing usable
     */
    public static TrainThroughputResult.Peer runPeer(Path python, Params params, boolean shapesOnly) {
        List<String> args = new ArrayList<>(List.of("--model", params.architecture().name(),
                "--mels", Integer.toString(params.mels()), "--frames", Integer.toString(params.frames()),
                "--classes", Integer.toString(CLASSES), "--windows", Integer.toString(params.windows()),
                "--batch", Integer.toString(BATCH), "--threads", Integer.toString(params.threads())));
        if (shapesOnly) {
            args.add("--shapes-only");
        }
        String json = runScript(python, args, params.threads());
        try {
            return parsePeer(json, shapesOnly);
        } catch (IOException e) {
            throw new PeerException("the peer script's answer is not JSON (" + e.getMessage() + "): " + json);
        }
    }

    /**
     * The same-function check: trains Cadenza's network for one epoch on a few random windows (so that weights and
     * batch-norm statistics are not at their initial values), bundles it, predicts {@value #CHECK_WINDOWS} fresh
     * random windows with {@link Classifier#predictProba}, then has the script load the bundle's DJL weights into
     * its PyTorch network and predict the same windows.
     *
     * @param mels   mel rows of the check windows, &gt;= 32
     * @param frames frames of the check windows, &gt;= 32 (use mels != frames, so that a transposed layout shows)
     * @return the largest |p_Cadenza - p_PyTorch| over all windows and classes
     * @throws PeerException when the script cannot run or load the weights
     */
    public static double forwardDifference(Path python, Architecture architecture, int mels, int frames) {
        Path dir = tempDir();
        try {
            TrainingResult r = tinyTraining(architecture, CLASSES, mels, frames, dir.resolve("training"));
            ModelBundle bundle = ModelBundle.create(dir.resolve("bundle"), r,
                    new InputContract("bench-check", "bench-check", ""), "bench-check");
            List<float[]> windows = InferenceBenchmark.randomWindows(CHECK_WINDOWS, mels * frames, new Random(5));
            float[][] ours;
            try (Classifier c = Classifier.open(bundle)) {
                ours = c.predictProba(windows);
            }
            Path in = dir.resolve("windows.f32");
            Path out = dir.resolve("probabilities.f32");
            ByteBuffer buf = ByteBuffer.allocate(4 * mels * frames * windows.size()).order(ByteOrder.LITTLE_ENDIAN);
            for (float[] w : windows) {
                for (float v : w) {
                    buf.putFloat(v);
                }
            }
            Files.write(in, buf.array());
            runScript(python, List.of("--model", architecture.name(), "--mels", Integer.toString(mels),
                    "--frames", Integer.toString(frames), "--classes", Integer.toString(CLASSES),
                    "--djl-weights", bundle.weights().toString(), "--input", in.toString(),
                    "--output", out.toString()), 1);
            ByteBuffer theirs = ByteBuffer.wrap(Files.readAllBytes(out)).order(ByteOrder.LITTLE_ENDIAN);
            if (theirs.capacity() != 4 * CLASSES * windows.size()) {
                throw new PeerException("the peer wrote " + theirs.capacity() + " bytes of probabilities, expected "
                        + 4 * CLASSES * windows.size());
            }
            double max = 0;
            for (float[] row : ours) {
                for (float p : row) {
                    max = Math.max(max, Math.abs(p - theirs.getFloat()));
                }
            }
            return max;
        } catch (IOException e) {
            throw new UncheckedIOException("same-function check in " + dir, e);
        } finally {
            deleteTree(dir);
        }
    }

    /** Runs the peer script with {@code args}; returns its last stdout line, a JSON object. */
    private static String runScript(Path python, List<String> args, int threads) {
        Path script = findScript().orElseThrow(() -> new PeerException("script " + SCRIPT_RELATIVE
                + " not found (set -D" + SCRIPT_PROPERTY + ")"));
        List<String> cmd = new ArrayList<>(List.of(python.toString(), script.toString()));
        cmd.addAll(args);
        Path err = null;
        try {
            err = Files.createTempFile("cadenza-train-bench", ".stderr");
            ProcessBuilder pb = new ProcessBuilder(cmd);
            for (String v : List.of("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS")) {
                pb.environment().put(v, Integer.toString(threads));
            }
            pb.redirectError(err.toFile());
            Process proc = pb.start();
            proc.getOutputStream().close();
            String stdout;
            try (InputStream in = proc.getInputStream()) {
                stdout = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!proc.waitFor(PYTHON_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                proc.destroyForcibly();
                throw new PeerException(String.join(" ", cmd) + " ran longer than " + PYTHON_TIMEOUT_MINUTES
                        + " minutes");
            }
            String last = stdout.strip().isEmpty() ? "" : stdout.strip().lines().reduce((a, b) -> b).orElse("");
            if (proc.exitValue() != 0 || !last.startsWith("{")) {
                String stderr = Files.readString(err);
                String tail = stderr.length() > 600 ? stderr.substring(stderr.length() - 600) : stderr;
                throw new PeerException(String.join(" ", cmd) + " exited with " + proc.exitValue() + ": "
                        + tail.strip());
            }
            return last;
        } catch (IOException e) {
            throw new PeerException("cannot run " + python + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PeerException("interrupted while waiting for " + python);
        } finally {
            TempFiles.deleteQuietly(err); // a temporary file left behind is harmless
        }
    }

    /** Why the Python peer did not give a result. */
    public static final class PeerException extends RuntimeException {
        PeerException(String message) {
            super(message);
        }
    }

    static TrainThroughputResult.Peer parsePeer(String json, boolean shapesOnly) throws IOException {
        JsonNode n = new ObjectMapper().readTree(json);
        List<TrainThroughputResult.PeerTensor> params = new ArrayList<>();
        for (JsonNode p : n.path("parameters")) {
            List<Long> shape = new ArrayList<>();
            p.path("shape").forEach(d -> shape.add(d.asLong()));
            params.add(new TrainThroughputResult.PeerTensor(p.path("name").asText(), shape));
        }
        if (params.isEmpty() || (!shapesOnly && !n.hasNonNull("windows_per_second"))) {
            throw new PeerException("the peer script's answer lacks parameters or windows_per_second: " + json);
        }
        return new TrainThroughputResult.Peer(n.path("python_version").asText(), n.path("torch_version").asText(),
                n.path("threads").asInt(), shapesOnly ? Double.NaN : n.path("windows_per_second").asDouble(),
                n.path("trainable_parameters").asLong(), params);
    }

    /**
     * A Python interpreter that can import torch: {@code python3} on the {@code PATH}, then Debian's
     * {@code /usr/bin/python3} (where {@code python3-torch} installs; a pyenv or venv python3 first on the
     * {@code PATH} usually lacks it).
     */
    public static Optional<Path> findPython() {
        List<Path> candidates = new ArrayList<>();
        LogMelBenchmark.findPython().ifPresent(candidates::add);
        candidates.add(Path.of("/usr/bin/python3"));
        for (Path p : candidates) {
            if (Files.isExecutable(p) && importsTorch(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static boolean importsTorch(Path python) {
        try {
            Process proc = new ProcessBuilder(python.toString(), "-c", "import torch").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!proc.waitFor(2, TimeUnit.MINUTES)) {
                proc.destroyForcibly();
                return false;
            }
            return proc.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The peer script ({@value #SCRIPT_PROPERTY}, else searched upwards from this class's location and the working folder). */
    public static Optional<Path> findScript() {
        return PeerScripts.find(SCRIPT_PROPERTY, SCRIPT_RELATIVE);
    }

    /** DJL's and its PyTorch's versions, from the engine jars' properties (read without importing DJL). */
    static String javaRuntime() {
        Properties engine = resource("pytorch-engine.properties");
        Properties natives = resource("native/lib/pytorch.properties");
        String djl = engine.getProperty("djl_version", "?");
        String torch = natives.getProperty("version", engine.getProperty("pytorch_version", "?"));
        return "DJL " + djl + ", PyTorch " + torch;
    }

    private static Properties resource(String name) {
        Properties p = new Properties();
        try (InputStream in = TrainThroughputBenchmark.class.getClassLoader().getResourceAsStream(name)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException ignored) {
            // unknown version
        }
        return p;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException ignored) {
            // a temporary folder left behind is harmless
        }
    }
}
