package org.cadenza.cli;

import java.nio.file.Path;

import org.cadenza.api.DefaultModels;
import picocli.CommandLine.Option;

/** {@code --models DIR}: where the default models live, in {@code who} and {@code models}. */
public final class ModelsOption {

    @Option(names = "--models", paramLabel = "DIR")
    Path dir;

    /** @return the default models in the folder asked for, else in the home folder */
    public DefaultModels models() {
        return dir == null ? DefaultModels.inHome() : DefaultModels.at(dir);
    }
}
