package org.cadenza.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import org.cadenza.io.Parameters;
import org.cadenza.model.Architecture;

/**
 * Outcome of {@link TrainThroughputBenchmark#run}: training windows per second of Cadenza's DJL network beside the
 * same network in PyTorch under Python, and the evidence that it is the same network (the parameter lists).
 *
 * @param command          the command line that produced it, for the report
 * @param machine          where it ran
 * @param architecture     the network
 * @param mels             mel rows per window
 * @param frames           frames per window
 * @param windows          random training windows per epoch
 * @param classes          output classes
 * @param threads          PyTorch threads on both sides
 * @param javaWindowsPerSecond Cadenza's throughput (second epoch), windows per second
 * @param javaRuntime      DJL and PyTorch (libtorch) versions on the Java side
 * @param djlParameters    the DJL network's tensors, in layer order
 * @param peer             the Python peer, when it ran
 * @param maxProbabilityDifference the same-function check, when the peer ran: largest |p_Cadenza - p_PyTorch| of
 *                         a trained Cadenza network and the PyTorch network with its weights loaded, same windows
 *                         ({@link TrainThroughputBenchmark#forwardDifference})
 * @param pythonProblem    why the peer did not run, if so
 */
public record TrainThroughputResult(
        String command,
        BenchMachine machine,
        Architecture architecture,
        int mels,
        int frames,
        int windows,
        int classes,
        int threads,
        double javaWindowsPerSecond,
        String javaRuntime,
        List<DjlParameterFile.Tensor> djlParameters,
        Optional<Peer> peer,
        OptionalDouble maxProbabilityDifference,
        Optional<String> pythonProblem) {

    /** DJL parameter name -> PyTorch state_dict suffix. */
    private static final Map<String, String> TORCH_NAMES = Map.of("weight", "weight", "bias", "bias",
            "gamma", "weight", "beta", "bias", "runningMean", "running_mean", "runningVar", "running_var");

    public TrainThroughputResult {
        Parameters.nonNull("command, machine, architecture, javaRuntime", command, machine, architecture, javaRuntime);
        djlParameters = List.copyOf(djlParameters);
        Parameters.nonNull("peer, maxProbabilityDifference, pythonProblem",
                peer, maxProbabilityDifference, pythonProblem);
    }

    /**
     * The Python peer's run.
     *
     * @param python             Python version
     * @param torch              torch version
     * @param threads            torch.get_num_threads() during the run
     * @param windowsPerSecond   its throughput (second epoch), windows per second
     * @param trainableParameters sum of numel over parameters()
     * @param parameters         state_dict entries in order (without num_batches_tracked)
     */
    public record Peer(String python, String torch, int threads, double windowsPerSecond, long trainableParameters,
                       List<PeerTensor> parameters) {
        public Peer {
            parameters = List.copyOf(parameters);
        }
    }

    /** One state_dict entry of the peer: its key (e.g. {@code 3.main.0.weight}) and shape. */
    public record PeerTensor(String name, List<Long> shape) {
    }

    /** @return trainable parameters of Cadenza's network (batch-norm running statistics excluded) */
    public long djlTrainableParameters() {
        return DjlParameterFile.trainableParameters(djlParameters);
    }

    /**
     * Compares Cadenza's parameter list with the peer's (see {@link #differences}).
     *
     * @return one line per difference; empty when the networks are the same (or the peer did not run)
     */
    public List<String> networkDifferences() {
        return peer.map(p -> differences(djlParameters, p)).orElse(List.of());
    }

    /**
     * Compares two parameter lists entry by entry: same length, same kind at every position (weight, bias,
     * running mean and variance; DJL's batch-norm gamma/beta are PyTorch's weight/bias), same shape, and the same
     * number of trainable parameters.
     *
     * @return one line per difference; empty when the networks are the same
     */
    public static List<String> differences(List<DjlParameterFile.Tensor> djl, Peer peer) {
        List<String> out = new ArrayList<>();
        List<PeerTensor> theirs = peer.parameters();
        if (theirs.size() != djl.size()) {
            out.add("DJL has " + djl.size() + " tensors, PyTorch " + theirs.size());
        }
        for (int i = 0; i < Math.min(theirs.size(), djl.size()); i++) {
            DjlParameterFile.Tensor d = djl.get(i);
            PeerTensor t = theirs.get(i);
            String kind = t.name().substring(t.name().lastIndexOf('.') + 1);
            if (!kind.equals(TORCH_NAMES.get(d.name())) || !d.shape().equals(t.shape())) {
                out.add("tensor " + i + ": DJL " + d.name() + " " + d.shape() + ", PyTorch " + t.name() + " "
                        + t.shape());
            }
        }
        long ours = DjlParameterFile.trainableParameters(djl);
        if (peer.trainableParameters() != ours) {
            out.add("trainable parameters: DJL " + ours + ", PyTorch " + peer.trainableParameters());
        }
        return out;
    }

    /**
     * @return true when the peer ran, has the same parameter list ({@link #networkDifferences()} is empty) and
     *     computes the same function (probabilities within {@link TrainThroughputBenchmark#SAME_FUNCTION_TOLERANCE})
     */
    public boolean sameNetwork() {
        return peer.isPresent() && networkDifferences().isEmpty() && maxProbabilityDifference.isPresent()
                && maxProbabilityDifference.getAsDouble() <= TrainThroughputBenchmark.SAME_FUNCTION_TOLERANCE;
    }

    /** Cadenza / PyTorch-under-Python throughput; above 1 means Cadenza trains faster. */
    public OptionalDouble ratio() {
        return peer.map(p -> OptionalDouble.of(javaWindowsPerSecond / p.windowsPerSecond()))
                .orElse(OptionalDouble.empty());
    }

    /** A Markdown section: machine, command, settings, the throughput table, the parameter check. */
    public String toMarkdown() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "### Training throughput: %s, %d x %d windows, batch %d, %d thread%s%n%n",
                architecture, mels, frames, TrainThroughputBenchmark.BATCH, threads, threads == 1 ? "" : "s"));
        sb.append(machine.toMarkdown());
        sb.append("- Command: `").append(command).append("`\n");
        sb.append(String.format(Locale.ROOT, "- Both sides: %d random windows (uniform in [-80, 0) dB), %d classes, "
                        + "AdamW (one-cycle, peak 1e-3, weight decay 1e-4), SpecAugment on (2 frequency masks up to "
                        + "12 rows, 2 time masks up to 20 frames), batch %d; the second epoch is timed (batch "
                        + "assembly, masks, forward, loss, backward, step)%n%n",
                windows, classes, TrainThroughputBenchmark.BATCH));
        sb.append("| implementation | threads | training windows/s | trainable parameters |\n");
        sb.append("|---|---:|---:|---:|\n");
        sb.append(String.format(Locale.ROOT, "| Cadenza (Java, %s) | %d | %.1f | %,d |%n", javaRuntime, threads,
                javaWindowsPerSecond, djlTrainableParameters()));
        peer.ifPresent(p -> sb.append(String.format(Locale.ROOT, "| PyTorch %s under Python %s | %d | %.1f | %,d |%n",
                p.torch(), p.python(), p.threads(), p.windowsPerSecond(), p.trainableParameters())));
        sb.append('\n');
        ratio().ifPresent(r -> sb.append(String.format(Locale.ROOT,
                "Cadenza / PyTorch under Python: **%.2fx** (above 1: Cadenza trains faster)%n%n", r)));
        if (peer.isPresent()) {
            List<String> diffs = networkDifferences();
            sb.append("Same network: **").append(sameNetwork() ? "yes" : "NO").append("** — ");
            if (diffs.isEmpty()) {
                sb.append(String.format(Locale.ROOT, "%d tensors in the same order with the same shapes, %,d "
                        + "trainable parameters on both sides", djlParameters.size(), djlTrainableParameters()));
            } else {
                sb.append(String.join("; ", diffs));
            }
            maxProbabilityDifference.ifPresent(d -> sb.append(String.format(Locale.ROOT, "; same function: a "
                            + "trained Cadenza network's weights loaded into the PyTorch one give class probabilities "
                            + "within %.1e of Cadenza's on %d random %d x %d windows (tolerance %.0e)", d,
                    TrainThroughputBenchmark.CHECK_WINDOWS, TrainThroughputBenchmark.CHECK_MELS,
                    TrainThroughputBenchmark.CHECK_FRAMES, TrainThroughputBenchmark.SAME_FUNCTION_TOLERANCE)));
            sb.append(".\n");
        }
        pythonProblem.ifPresent(p -> sb.append("\nPython peer: ").append(p).append('\n'));
        return sb.toString();
    }
}
