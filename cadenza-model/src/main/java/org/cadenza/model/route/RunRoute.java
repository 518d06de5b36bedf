package org.cadenza.model.route;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import org.cadenza.io.BadInputException;
import org.cadenza.model.ModelJson;
import org.cadenza.model.pipeline.PipelineSettings;

/**
 * Which route a run folder holds: {@value #FILE}, written by every trainer. Run folders made before routes existed
 * have none and a {@code pipeline.json}: they are audio runs.
 */
public final class RunRoute {

    /** File name inside a run folder. */
    public static final String FILE = "route.json";

    /** The JSON form. */
    public record Stored(String input, int formatVersion) {
    }

    private RunRoute() {
    }

    /** Writes {@value #FILE} into {@code runDir} (created). */
    public static void write(Path runDir, InputRoute route) {
        Objects.requireNonNull(route, "route");
        ModelJson.write(runDir.resolve(FILE), new Stored(route.cliName(), 1));
    }

    /**
     * The route of {@code runDir}.
     *
     * @throws BadInputException when the folder is not a run folder
     */
    public static InputRoute of(Path runDir) {
        Path file = runDir.resolve(FILE);
        if (Files.isRegularFile(file)) {
            Stored s = ModelJson.read(file, Stored.class);
            try {
                return InputRoute.parse(s.input());
            } catch (IllegalArgumentException e) {
                throw new BadInputException(file, e.getMessage(), e);
            }
        }
        if (Files.isRegularFile(runDir.resolve(PipelineSettings.FILE))) {
            return InputRoute.AUDIO;
        }
        throw new BadInputException(runDir, "not a run folder: it has neither " + FILE + " nor "
                + PipelineSettings.FILE + " (make one with `cadenza train`)");
    }
}
