package org.cadenza.model.bundle;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import org.cadenza.io.CadenzaException;
import org.cadenza.model.Architecture;
import org.cadenza.model.nets.Networks;
import org.cadenza.model.train.ClassifierTraining;
import org.cadenza.model.train.TrainingConfig;
import org.cadenza.model.ModelJson;
import org.cadenza.model.run.CodeVersion;
import org.cadenza.model.train.TrainingResult;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

/**
 * A trained model as a folder: {@code weights.params} (DJL parameters) and {@code model.json} ({@link ModelContract}).
 * Open a {@link Classifier} on it to predict.
 *
 * @param dir the bundle folder
 * @param contract the parsed model.json
 */
public record ModelBundle(Path dir, ModelContract contract) {

    /** Bundle format written by this code. */
    public static final int FORMAT_VERSION = 1;
    /** File names inside the folder. */
    public static final String WEIGHTS = "weights.params";
    public static final String CONTRACT = "model.json";

    public ModelBundle {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(contract, "contract");
    }

    /**
     * Writes a bundle from a training run's best epoch.
     *
     * @param dir bundle folder, created (existing bundle files are replaced)
     * @param result the training run
     * @param input how the training windows were made
     * @param dataHash the caller's hash of the training data
     */
    public static ModelBundle create(Path dir, TrainingResult result, InputContract input, String dataHash) {
        return create(dir, List.of(result), input, dataHash);
    }

    /**
     * Writes an ensemble bundle: the best epoch of each member run (same classes, architecture and input shape;
     * member {@code k} trained with seed {@code seed + k - 1}), whose class probabilities a {@link Classifier}
     * averages. One run gives an ordinary bundle.
     *
     * @param results the member runs, member 1 first (its configuration is the ensemble's)
     */
    public static ModelBundle create(Path dir, List<TrainingResult> results, InputContract input, String dataHash) {
        if (results.isEmpty()) {
            throw new IllegalArgumentException("no training run to bundle");
        }
        TrainingResult result = results.get(0);
        for (TrainingResult r : results) {
            if (r.bestWeights() == null) {
                throw new IllegalArgumentException(r.runDir() + ": no finished epoch, nothing to bundle");
            }
            if (!r.classes().equals(result.classes()) || r.architecture() != result.architecture()
                    || !java.util.Arrays.equals(r.inputShape(), result.inputShape())) {
                throw new IllegalArgumentException(r.runDir() + ": ensemble members differ in classes, architecture "
                        + "or input shape from " + result.runDir());
            }
        }
        var best = result.best();
        TrainingConfig config = result.config().toBuilder().optEnsembleMembers(results.size()).build();
        ModelContract contract = new ModelContract(FORMAT_VERSION, result.classes(), result.architecture(),
                result.inputShape(), input, result.config().seed(), dataHash, codeVersion(), config,
                result.bestEpoch(), best.valLoss(), best.valAccuracy(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), results.size());
        try {
            Files.createDirectories(dir);
            for (int k = 1; k <= results.size(); k++) {
                Path tmp = dir.resolve(weightsName(k) + ".tmp");
                Files.copy(results.get(k - 1).bestWeights(), tmp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(tmp, dir.resolve(weightsName(k)), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write bundle " + dir, e);
        }
        ModelJson.write(dir.resolve(CONTRACT), contract);
        return new ModelBundle(dir, contract);
    }

    /**
     * Writes a bundle of a freshly initialised (untrained) network, for benchmarks and tests of the bundle itself.
     */
    static ModelBundle untrained(Path dir, Architecture architecture, List<String> classes, int[] inputShape,
                                 InputContract input, long seed) {
        TrainingConfig cfg = TrainingConfig.builder().optArchitecture(architecture).optSeed(seed).build();
        Engine.getInstance().setRandomSeed((int) seed);
        try (Model model = Model.newInstance("cadenza-untrained")) {
            Block block = Networks.build(architecture, classes.size());
            model.setBlock(block);
            block.initialize(model.getNDManager(), DataType.FLOAT32,
                    new Shape(1, inputShape[0], inputShape[1], inputShape[2]));
            Files.createDirectories(dir);
            ClassifierTraining.saveParameters(block, dir.resolve(WEIGHTS));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write bundle " + dir, e);
        }
        ModelContract contract = new ModelContract(FORMAT_VERSION, classes, architecture, inputShape, input, seed,
                "untrained", codeVersion(), cfg, 0, Double.NaN, Double.NaN,
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), 1);
        ModelJson.write(dir.resolve(CONTRACT), contract);
        return new ModelBundle(dir, contract);
    }

    /** Reads a bundle folder; says what is missing or unreadable. */
    public static ModelBundle load(Path dir) {
        Path json = dir.resolve(CONTRACT);
        if (!Files.isRegularFile(json) || !Files.isRegularFile(dir.resolve(WEIGHTS))) {
            throw new CadenzaException(dir + ": not a model bundle (needs " + CONTRACT + " and " + WEIGHTS + ")");
        }
        ModelContract contract = ModelJson.read(json, ModelContract.class);
        if (contract.formatVersion() != FORMAT_VERSION) {
            throw new CadenzaException(json + ": bundle format " + contract.formatVersion() + ", this Cadenza reads "
                    + FORMAT_VERSION);
        }
        ModelBundle bundle = new ModelBundle(dir, contract);
        for (Path w : bundle.memberWeights()) {
            if (!Files.isRegularFile(w)) {
                throw new CadenzaException(dir + ": the bundle holds " + contract.members() + " networks but "
                        + w.getFileName() + " is missing");
            }
        }
        return bundle;
    }

    /** @return the weights file (of member 1 in an ensemble) */
    public Path weights() {
        return dir.resolve(WEIGHTS);
    }

    /** @return the weights file of every member, member 1 ({@link #weights()}) first */
    public List<Path> memberWeights() {
        List<Path> out = new java.util.ArrayList<>();
        for (int k = 1; k <= contract.members(); k++) {
            out.add(dir.resolve(weightsName(k)));
        }
        return out;
    }

    /** {@value #WEIGHTS} for member 1, {@code weights-<k>.params} for member {@code k >= 2}. */
    private static String weightsName(int k) {
        return k == 1 ? WEIGHTS : "weights-" + k + ".params";
    }

    /** @return the Cadenza version of this code, with its commit when built from git ({@link CodeVersion}) */
    public static String codeVersion() {
        return CodeVersion.current().describe();
    }
}
