package org.cadenza.bench;

import org.cadenza.io.Parameters;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Outcome of {@link LogMelBenchmark#run}: Cadenza's log-mel throughput beside the numpy (and librosa) peer on the
 * same audio.
 *
 * <p>"x real time per core" = seconds of audio processed / wall-clock seconds / threads used. The Python peers run
 * single-threaded (BLAS/OpenMP thread counts forced to 1), so their figure is per core too.
 *
 * @param clipSeconds       duration of the benchmark audio in seconds
 * @param sampleRate        its sample rate in Hz
 * @param paramsKey         {@code FeatureParams.key()} of the features computed
 * @param frames            log-mel frames per pass over the clip
 * @param threads           Java worker threads, each computing the whole clip
 * @param javaPasses        timed passes over the clip, all threads together
 * @param javaWallSeconds   wall-clock seconds of the timed Java passes (after a warm-up pass per thread)
 * @param machine           where it ran
 * @param numpy             the numpy peer, when it ran
 * @param librosa           librosa, when it was importable
 * @param maxAbsDiffDb      largest |Cadenza - numpy| over all log-mel values, dB, when numpy ran
 * @param pythonProblem     why the Python peers did not (fully) run, if so
 */
public record LogMelBenchResult(
        double clipSeconds,
        int sampleRate,
        String paramsKey,
        int frames,
        int threads,
        int javaPasses,
        double javaWallSeconds,
        Machine machine,
        Optional<PeerTiming> numpy,
        Optional<PeerTiming> librosa,
        OptionalDouble maxAbsDiffDb,
        Optional<String> pythonProblem) {

    public LogMelBenchResult {
        Parameters.nonNull("paramsKey, machine, numpy, librosa, maxAbsDiffDb, pythonProblem",
                paramsKey, machine, numpy, librosa, maxAbsDiffDb, pythonProblem);
    }

    /**
     * Timing of one Python peer: best of its repeats, single-threaded.
     *
     * @param name    "numpy" or "librosa"
     * @param version the library's version
     * @param seconds best wall-clock seconds for one pass over the clip
     */
    public record PeerTiming(String name, String version, double seconds) {
    }

    /**
     * The machine the benchmark ran on.
     *
     * @param cpuModel  "model name" from /proc/cpuinfo (or os.arch when unavailable)
     * @param cores     {@link Runtime#availableProcessors()}
     * @param jvm       java.vm.name + java.runtime.version
     * @param python    Python version used for the peers, if they ran
     */
    public record Machine(String cpuModel, int cores, String jvm, Optional<String> python) {
    }

    /** Cadenza: seconds of audio per wall-clock second per thread. */
    public double javaRealtimePerCore() {
        return clipSeconds * javaPasses / javaWallSeconds / threads;
    }

    /** Cadenza: log-mel frames per second per thread. */
    public double javaFramesPerSecondPerCore() {
        return (double) frames * javaPasses / javaWallSeconds / threads;
    }

    /** A peer's real-time factor (single core). */
    public double peerRealtime(PeerTiming peer) {
        return clipSeconds / peer.seconds();
    }

    /** Cadenza per core / numpy (single core); above 1 means Cadenza is faster. */
    public OptionalDouble ratioToNumpy() {
        return numpy.map(p -> OptionalDouble.of(javaRealtimePerCore() / peerRealtime(p))).orElse(OptionalDouble.empty());
    }

    /** Cadenza per core / librosa (single core). */
    public OptionalDouble ratioToLibrosa() {
        return librosa.map(p -> OptionalDouble.of(javaRealtimePerCore() / peerRealtime(p)))
                .orElse(OptionalDouble.empty());
    }

    /** A Markdown report: machine, parameters, a table of throughput, the ratios and the value check. */
    public String toMarkdown() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "### Log-mel throughput: %.1f s of audio at %d Hz, %d frames%n%n",
                clipSeconds, sampleRate, frames));
        sb.append("- CPU: ").append(machine.cpuModel()).append(", ").append(machine.cores())
                .append(" cores visible to the JVM\n");
        sb.append("- JVM: ").append(machine.jvm()).append('\n');
        machine.python().ifPresent(p -> sb.append("- Python: ").append(p).append('\n'));
        sb.append("- Parameters: `").append(paramsKey).append("`\n\n");
        sb.append("| implementation | threads | seconds per pass | x real time per core | frames/s per core |\n");
        sb.append("|---|---:|---:|---:|---:|\n");
        sb.append(String.format(Locale.ROOT, "| Cadenza (Java, JTransforms) | %d | %.3f | %.0f | %.0f |%n", threads,
                javaWallSeconds * threads / javaPasses, javaRealtimePerCore(), javaFramesPerSecondPerCore()));
        for (Optional<PeerTiming> peer : java.util.List.of(numpy, librosa)) {
            peer.ifPresent(p -> sb.append(String.format(Locale.ROOT, "| %s %s | 1 | %.3f | %.0f | %.0f |%n",
                    p.name(), p.version(), p.seconds(), peerRealtime(p), frames / p.seconds())));
        }
        sb.append('\n');
        ratioToNumpy().ifPresent(r -> sb.append(String.format(Locale.ROOT,
                "Cadenza per core / numpy: **%.2fx**%n", r)));
        ratioToLibrosa().ifPresent(r -> sb.append(String.format(Locale.ROOT,
                "Cadenza per core / librosa: **%.2fx**%n", r)));
        maxAbsDiffDb.ifPresent(d -> sb.append(String.format(Locale.ROOT,
                "%nLargest |Cadenza - numpy| log-mel difference: %.2e dB%n", d)));
        pythonProblem.ifPresent(p -> sb.append("\nPython peer: ").append(p).append('\n'));
        return sb.toString();
    }
}
