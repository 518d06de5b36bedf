package org.cadenza.cli;

import java.util.concurrent.Callable;

import org.cadenza.api.DefaultModels;
import picocli.CommandLine.Mixin;

/**
 * A {@code models} subcommand that answers about the default models in the folder asked for ({@code --models DIR}),
 * as text or, with {@code --json}, as one document (list, info, train).
 */
abstract class ModelsReportCommand implements Callable<Integer> {

    @Mixin
    ModelsOption models;

    @Mixin
    JsonOption json;

    @Override
    public final Integer call() throws Exception {
        return report(models.models());
    }

    /** Prints the answer about the default models {@code d} (as {@link #json} says) and returns the exit code. */
    abstract int report(DefaultModels d) throws Exception;
}
