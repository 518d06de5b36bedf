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
        if (result.bestWeights() == null) {
            throw new IllegalArgumentException(result.runDir() + ": no finished epoch, nothing to bundle");
        }
        var best = result.best();
        ModelContract contract = new ModelContract(FORMAT_VERSION, result.classes(), result.architecture(),
                result.inputShape(), input, result.config().seed(), dataHash, codeVersion(), result.config(),
                result.bestEpoch(), best.valLoss(), best.valAccuracy(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        try {
            Files.createDirectories(dir);
            Path tmp = dir.resolve(WEIGHTS + ".tmp");
            Files.copy(result.bestWeights(), tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, dir.resolve(WEIGHTS), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
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
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
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
        return new ModelBundle(dir, contract);
    }

    /** @return the weights file */
    public Path weights() {
        return dir.resolve(WEIGHTS);
    }

    /** @return the Cadenza version of this code (from the build), "unknown" outside a Maven build */
    public static String codeVersion() {
        try (InputStream in = ModelBundle.class.getResourceAsStream("/org/cadenza/model/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
