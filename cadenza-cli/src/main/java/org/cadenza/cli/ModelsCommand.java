package org.cadenza.cli;

import org.cadenza.api.DefaultModels;
import picocli.CommandLine.Command;

/** {@code cadenza models}: the default models {@code cadenza who} uses; thin shells over {@link DefaultModels}. */
@Command(name = "models", mixinStandardHelpOptions = true,
        subcommands = {ModelsListCommand.class, ModelsTrainCommand.class, ModelsInfoCommand.class,
                ModelsRemoveCommand.class})
public final class ModelsCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

}
