package org.cadenza.model.route;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

import org.cadenza.io.BadInputException;
import org.cadenza.model.run.RunManifest;
import org.cadenza.model.pipeline.PipelineSettings;

/**
 * Which route a run folder holds: section {@code route} of its {@link RunManifest}, written by every
 * trainer. Run folders made before routes existed have none but audio settings: they are audio runs.
 */
public final class RunRoute {

    /** The JSON form of the section. */
    public record Stored(String input, int formatVersion) {
    }

    private RunRoute() {
    }

    /** Records {@code route} in {@code runDir}'s manifest (created). */
    public static void write(Path runDir, InputRoute route) {
        Objects.requireNonNull(route, "route");
        RunManifest.put(runDir, RunManifest.Section.ROUTE, new Stored(route.cliName(), 1));
    }

    /**
     * The route of {@code runDir}.
     *
     * @throws BadInputException when the folder is not a run folder
     */
    public static InputRoute of(Path runDir) {
        RunManifest.Contents manifest = RunManifest.read(runDir);
        Optional<Stored> s = manifest.find(RunManifest.Section.ROUTE, Stored.class);
        if (s.isPresent()) {
            try {
                return InputRoute.parse(s.get().input());
            } catch (IllegalArgumentException e) {
                throw new BadInputException(runDir.resolve(RunManifest.FILE), e.getMessage(), e);
            }
        }
        if (manifest.find(RunManifest.Section.PIPELINE, PipelineSettings.Stored.class).isPresent()) {
            return InputRoute.AUDIO;
        }
        Optional<RunManifest.ModelRef> other = manifest.find(RunManifest.Section.MODEL, RunManifest.ModelRef.class);
        if (other.isPresent()) {
            boolean style = "style".equals(other.get().kind());
            throw new BadInputException(runDir, "this run holds " + (style ? "a style model" : "an open-set embedding")
                    + ", not a classifier: use it with " + (style ? "`cadenza generate --run`"
                    : "`cadenza identify`, `enrol` or `who --models`"));
        }
        throw new BadInputException(runDir, "not a run folder: it has no " + RunManifest.FILE
                + " (make one with `cadenza train`)");
    }
}
