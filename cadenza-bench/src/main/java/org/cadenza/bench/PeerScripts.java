package org.cadenza.bench;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds the peers' Python scripts that ship in the repository's {@code scripts/bench/}. */
final class PeerScripts {

    private PeerScripts() {
    }

    /**
     * The script named by the system property {@code property} when set (empty when that file is missing), else the
     * first {@code relative} path found in a folder above this code's location or above the working folder.
     */
    static Optional<Path> find(String property, String relative) {
        String prop = System.getProperty(property);
        if (prop != null) {
            Path p = Path.of(prop);
            return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
        }
        List<Path> starts = new ArrayList<>();
        try {
            var src = PeerScripts.class.getProtectionDomain().getCodeSource();
            if (src != null) {
                starts.add(Path.of(src.getLocation().toURI()).toAbsolutePath());
            }
        } catch (URISyntaxException | SecurityException | IllegalArgumentException ignored) {
            // fall back to the working directory
        }
        starts.add(Path.of("").toAbsolutePath());
        for (Path start : starts) {
            for (Path dir = start; dir != null; dir = dir.getParent()) {
                Path candidate = dir.resolve(relative.toString());
                if (Files.isRegularFile(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
