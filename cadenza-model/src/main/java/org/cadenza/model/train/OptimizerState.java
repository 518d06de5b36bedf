package org.cadenza.model.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Optimizer;
import org.cadenza.io.CadenzaException;
import org.cadenza.model.ModelJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Saves and restores the per-parameter state of DJL's AdamW (first and second moments) and SGD (momentum), so a
 * resumed run continues exactly where the interrupted one stopped. DJL keeps this state in private fields keyed by
 * parameter ids that change from process to process; this class reads those fields by reflection (names as of DJL
 * 0.32: {@code means}, {@code variances}, {@code momentumStates}) and stores them by parameter position in the
 * block. If a DJL upgrade renames the fields, saving fails loudly (the test of exact resume catches it).
 */
public final class OptimizerState {

    private OptimizerState() {
    }

    private static List<String> fields(Optimizer optimizer) {
        return switch (optimizer.getClass().getSimpleName()) {
            case "AdamW", "Adam" -> List.of("means", "variances");
            case "Sgd" -> List.of("momentumStates");
            default -> throw new IllegalArgumentException("no saved state for optimizer "
                    + optimizer.getClass().getName());
        };
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<Device, NDArray>> state(Optimizer optimizer, String field) {
        try {
            Field f = optimizer.getClass().getDeclaredField(field);
            f.setAccessible(true);
            return (Map<String, Map<Device, NDArray>>) f.get(optimizer);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new CadenzaException("cannot read optimizer state " + optimizer.getClass().getSimpleName() + "."
                    + field + " (DJL changed its internals?)", e);
        }
    }

    /** Writes the optimizer's state for every parameter of {@code block} to {@code file} atomically. */
    public static void save(Optimizer optimizer, Block block, Path file) {
        List<Parameter> params = block.getParameters().values();
        NDList list = new NDList();
        try {
            for (String field : fields(optimizer)) {
                Map<String, Map<Device, NDArray>> state = state(optimizer, field);
                for (int i = 0; i < params.size(); i++) {
                    Map<Device, NDArray> perDevice = state.get(params.get(i).getId());
                    if (perDevice != null && !perDevice.isEmpty()) {
                        NDArray copy = perDevice.values().iterator().next().duplicate();
                        copy.setName(field + "/" + i);
                        list.add(copy);
                    }
                }
            }
            ModelJson.writeAtomically(file, list.encode());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write optimizer state " + file, e);
        } finally {
            list.close();
        }
    }

    /**
     * Restores the optimizer state of the last finished epoch of a resumed run ({@code resumedAfter > 0}) from
     * {@link ClassifierTraining#optimizerFile}; does nothing for a fresh run.
     */
    public static void resume(Optimizer optimizer, Block block, ai.djl.training.Trainer trainer, Path runDir,
                              int resumedAfter) {
        if (resumedAfter > 0) {
            load(optimizer, block, trainer.getManager(), ClassifierTraining.optimizerFile(runDir, resumedAfter));
        }
    }

    /** Restores state saved by {@link #save} into a fresh optimizer, before its first update. */
    public static void load(Optimizer optimizer, Block block, NDManager manager, Path file) {
        List<Parameter> params = block.getParameters().values();
        NDList list;
        try {
            list = NDList.decode(manager, Files.readAllBytes(file));
        } catch (IOException | RuntimeException e) {
            throw new CadenzaException(file + ": cannot read optimizer state (" + e.getMessage() + ")", e);
        }
        Device device = manager.getDevice();
        for (NDArray array : list) {
            String[] parts = array.getName().split("/");
            int index = Integer.parseInt(parts[1]);
            if (index >= params.size()) {
                throw new CadenzaException(file + ": optimizer state for parameter " + index + ", the network has "
                        + params.size());
            }
            Map<Device, NDArray> perDevice = new ConcurrentHashMap<>();
            perDevice.put(device, array);
            state(optimizer, parts[0]).put(params.get(index).getId(), perDevice);
        }
    }
}
