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
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.cadenza.features.FeatureExtractor;
import org.cadenza.features.FeatureParams;
import org.cadenza.features.Spectrogram;
import org.cadenza.io.audio.AudioClip;

/**
 * Log-mel throughput of {@link FeatureExtractor} beside a numpy implementation of the same pipeline
 * ({@code cadenza-bench/src/main/python/logmel_numpy.py}: framing, {@code np.fft.rfft}, dense mel matrix product,
 * {@code log10}) and librosa when importable, on the same audio.
 *
 * <p>Java: {@code threads} workers share one (thread-safe) extractor; each computes the whole clip once as warm-up,
 * then as many passes as fill about {@code minJavaSeconds}; throughput per core = audio seconds processed / wall
 * seconds / threads. Python: the clip is written as raw float32 to a temporary file; the script runs single-threaded
 * ({@code OMP_NUM_THREADS=OPENBLAS_NUM_THREADS=MKL_NUM_THREADS=1}), best of {@code pythonRepeats}; its dB matrix is
 * compared value by value with Cadenza's.
 *
 * <p>The script is found via the system property {@value #SCRIPT_PROPERTY} (a path to {@code logmel_numpy.py}),
 * else by walking up from this class's jar or classes folder to {@code cadenza-bench/src/main/python/} (works in the
 * source tree and with the launcher's {@code cadenza-cli/target/cadenza.jar}).
 */
public final class LogMelBenchmark {

    /** System property naming the numpy peer script, overriding the search. */
    public static final String SCRIPT_PROPERTY = "cadenza.bench.logmelScript";
    /** Default seconds of timed Java work. */
    public static final double DEFAULT_MIN_JAVA_SECONDS = 3.0;
    /** Default best-of count for the Python peers. */
    public static final int DEFAULT_PYTHON_REPEATS = 3;

    private static final String SCRIPT_RELATIVE = "cadenza-bench/src/main/python/logmel_numpy.py";
    private static final long PYTHON_TIMEOUT_MINUTES = 20;

    private LogMelBenchmark() {
    }

    /**
     * Benchmarks librosa-default log-mel ({@code FeatureParams.defaults()} at the clip's own sample rate) on
     * {@code clip}, with {@value #DEFAULT_MIN_JAVA_SECONDS} s of timed Java work and best of
     * {@value #DEFAULT_PYTHON_REPEATS} Python runs.
     *
     * @param clip    audio; multi-channel clips are averaged to mono first
     * @param threads Java worker threads, &gt;= 1
     * @param python  the Python interpreter for the numpy/librosa peers; empty to measure Java only
     */
    public static LogMelBenchResult run(AudioClip clip, int threads, Optional<Path> python) {
        return run(clip, threads, python, DEFAULT_MIN_JAVA_SECONDS, DEFAULT_PYTHON_REPEATS);
    }

    /**
     * As {@link #run(AudioClip, int, Optional)} with explicit effort.
     *
     * @param minJavaSeconds timed Java work to aim for, seconds (&gt;= 0; at least one pass per thread)
     * @param pythonRepeats  best-of count for each Python peer, &gt;= 1
     */
    public static LogMelBenchResult run(AudioClip clip, int threads, Optional<Path> python, double minJavaSeconds,
            int pythonRepeats) {
        Objects.requireNonNull(clip, "clip");
        Objects.requireNonNull(python, "python");
        if (threads < 1) {
            throw new IllegalArgumentException("LogMelBenchmark: threads must be >= 1, got " + threads);
        }
        if (pythonRepeats < 1) {
            throw new IllegalArgumentException("LogMelBenchmark: pythonRepeats must be >= 1, got " + pythonRepeats);
        }
        AudioClip mono = clip.toMono();
        FeatureParams params = FeatureParams.builder().optSampleRate(mono.sampleRate()).build();
        FeatureExtractor extractor = new FeatureExtractor(params);

        ExecutorService pool = Executors.newFixedThreadPool(threads);
        Spectrogram reference;
        int passesPerThread;
        long wallNanos;
        try {
            // warm-up: every worker computes the clip once (JIT, per-thread FFT plans)
            long w0 = System.nanoTime();
            List<Future<Spectrogram>> warm = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                warm.add(pool.submit(() -> extractor.compute(mono)));
            }
            reference = warm.get(0).get();
            for (Future<Spectrogram> f : warm) {
                f.get();
            }
            double warmSeconds = (System.nanoTime() - w0) / 1e9;
            passesPerThread = (int) Math.max(1, Math.ceil(minJavaSeconds / Math.max(warmSeconds, 1e-3)));
            final int passes = passesPerThread;
            long t0 = System.nanoTime();
            List<Future<Integer>> timed = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                timed.add(pool.submit(() -> {
                    int frames = 0;
                    for (int p = 0; p < passes; p++) {
                        frames += extractor.compute(mono).frames();
                    }
                    return frames;
                }));
            }
            for (Future<Integer> f : timed) {
                f.get();
            }
            wallNanos = System.nanoTime() - t0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("LogMelBenchmark interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("LogMelBenchmark: a worker failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }

        Optional<LogMelBenchResult.PeerTiming> numpy = Optional.empty();
        Optional<LogMelBenchResult.PeerTiming> librosa = Optional.empty();
        OptionalDouble maxDiff = OptionalDouble.empty();
        Optional<String> problem = Optional.empty();
        Optional<String> pythonVersion = Optional.empty();
        if (python.isEmpty()) {
            problem = Optional.of("not run (no Python interpreter given)");
        } else {
            PythonOutcome out = runPython(python.get(), mono, params, reference, pythonRepeats);
            numpy = out.numpy;
            librosa = out.librosa;
            maxDiff = out.maxDiff;
            problem = out.problem;
            pythonVersion = out.pythonVersion;
        }
        return new LogMelBenchResult(mono.durationSeconds(), mono.sampleRate(), params.key(), reference.frames(),
                threads, passesPerThread * threads, wallNanos / 1e9, machine(pythonVersion), numpy, librosa, maxDiff,
                problem);
    }

    /** {@code python3} from the {@code PATH}, if any. */
    public static Optional<Path> findPython() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, "python3");
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The numpy peer script ({@value #SCRIPT_PROPERTY}, else searched upwards from this class's location). */
    public static Optional<Path> findScript() {
        return PeerScripts.find(SCRIPT_PROPERTY, SCRIPT_RELATIVE);
    }

    /**
     * A deterministic test signal: a melody of three-partial tones changing every 0.25 s over a soft
     * pseudo-random noise floor (a 32-bit LCG), mono, in [-1, 1].
     *
     * @param seconds    duration, &gt; 0
     * @param sampleRate Hz, &gt; 0
     */
    public static AudioClip testSignal(double seconds, int sampleRate) {
        if (!(seconds > 0) || sampleRate <= 0) {
            throw new IllegalArgumentException("testSignal: need seconds > 0 and sampleRate > 0, got " + seconds
                    + " s at " + sampleRate + " Hz");
        }
        int n = (int) Math.round(seconds * sampleRate);
        float[] y = new float[n];
        double[] scale = {0, 2, 4, 5, 7, 9, 11, 12};
        long state = 1;
        int noteLen = sampleRate / 4;
        for (int i = 0; i < n; i++) {
            int note = i / noteLen;
            double hz = 220.0 * Math.pow(2, scale[(note * 5) % scale.length] / 12.0);
            double t = (double) i / sampleRate;
            double env = Math.exp(-3.0 * (i % noteLen) / (double) noteLen);
            double v = env * (0.3 * Math.sin(2 * Math.PI * hz * t) + 0.12 * Math.sin(4 * Math.PI * hz * t)
                    + 0.05 * Math.sin(6 * Math.PI * hz * t));
            state = (1664525L * state + 1013904223L) & 0xFFFFFFFFL;
            v += 0.01 * ((state >> 8) / (double) (1 << 24) * 2 - 1);
            y[i] = (float) v;
        }
        return AudioClip.mono(y, sampleRate);
    }

    private record PythonOutcome(Optional<LogMelBenchResult.PeerTiming> numpy,
            Optional<LogMelBenchResult.PeerTiming> librosa, OptionalDouble maxDiff, Optional<String> problem,
            Optional<String> pythonVersion) {
        static PythonOutcome failed(String why) {
            return new PythonOutcome(Optional.empty(), Optional.empty(), OptionalDouble.empty(), Optional.of(why),
                    Optional.empty());
        }
    }

    private static PythonOutcome runPython(Path python, AudioClip mono, FeatureParams params, Spectrogram ours,
            int repeats) {
        Optional<Path> script = findScript();
        if (script.isEmpty()) {
            return PythonOutcome.failed("script " + SCRIPT_RELATIVE + " not found (set -D" + SCRIPT_PROPERTY + ")");
        }
        Path tmp = null;
        try {
            tmp = Files.createTempDirectory("cadenza-logmel-bench");
            Path raw = tmp.resolve("audio.f32");
            Path db = tmp.resolve("numpy-db.f32");
            Path err = tmp.resolve("stderr.txt");
            ByteBuffer buf = ByteBuffer.allocate(4 * mono.samples().length).order(ByteOrder.LITTLE_ENDIAN);
            buf.asFloatBuffer().put(mono.samples());
            Files.write(raw, buf.array());
            ProcessBuilder pb = new ProcessBuilder(python.toString(), script.get().toString(), "--raw", raw.toString(),
                    "--sr", Integer.toString(params.sampleRate()), "--n-fft", Integer.toString(params.nFft()),
                    "--hop", Integer.toString(params.hopLength()), "--n-mels", Integer.toString(params.nMels()),
                    "--repeats", Integer.toString(repeats), "--out-db", db.toString());
            for (String v : List.of("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMBA_NUM_THREADS")) {
                pb.environment().put(v, "1");
            }
            pb.redirectError(err.toFile());
            Process proc = pb.start();
            proc.getOutputStream().close();
            Properties props = new Properties();
            try (InputStream in = proc.getInputStream()) {
                props.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            }
            if (!proc.waitFor(PYTHON_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                proc.destroyForcibly();
                return PythonOutcome.failed("the numpy script ran longer than " + PYTHON_TIMEOUT_MINUTES + " minutes");
            }
            if (proc.exitValue() != 0 || props.getProperty("numpy_seconds") == null) {
                String stderr = Files.readString(err);
                String tail = stderr.length() > 600 ? stderr.substring(stderr.length() - 600) : stderr;
                return PythonOutcome.failed(python + " " + script.get() + " exited with " + proc.exitValue() + ": "
                        + tail.strip());
            }
            var numpy = Optional.of(new LogMelBenchResult.PeerTiming("numpy", props.getProperty("numpy_version"),
                    Double.parseDouble(props.getProperty("numpy_seconds"))));
            Optional<LogMelBenchResult.PeerTiming> librosa = props.getProperty("librosa_seconds") == null
                    ? Optional.empty()
                    : Optional.of(new LogMelBenchResult.PeerTiming("librosa", props.getProperty("librosa_version"),
                            Double.parseDouble(props.getProperty("librosa_seconds"))));
            Optional<String> problem = Optional.ofNullable(props.getProperty("librosa_problem"));
            return new PythonOutcome(numpy, librosa, OptionalDouble.of(maxAbsDiff(ours, db)), problem,
                    Optional.ofNullable(props.getProperty("python_version")));
        } catch (IOException e) {
            return PythonOutcome.failed("cannot run " + python + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return PythonOutcome.failed("interrupted while waiting for " + python);
        } finally {
            deleteQuietly(tmp);
        }
    }

    private static double maxAbsDiff(Spectrogram ours, Path dbFile) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(dbFile)).order(ByteOrder.LITTLE_ENDIAN);
        long expected = 4L * ours.frames() * ours.bins();
        if (b.capacity() != expected) {
            throw new IOException("numpy wrote " + b.capacity() + " bytes of dB values, expected " + expected + " ("
                    + ours.frames() + " frames x " + ours.bins() + " bands)");
        }
        double max = 0;
        for (float[] row : ours.data()) {
            for (float v : row) {
                max = Math.max(max, Math.abs(v - b.getFloat()));
            }
        }
        return max;
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(p);
            }
            Files.deleteIfExists(dir);
        } catch (IOException | UncheckedIOException ignored) {
            // a temporary folder left behind is harmless
        }
    }

    private static LogMelBenchResult.Machine machine(Optional<String> python) {
        String cpu = BenchMachine.cpuModelNow();
        String jvm = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
        return new LogMelBenchResult.Machine(cpu, Runtime.getRuntime().availableProcessors(), jvm,
                python.map(v -> "Python " + v));
    }
}
