package org.cadenza.cli;

import org.cadenza.api.DefaultModels;
import picocli.CommandLine.Command;

/** {@code cadenza models}: the default models {@code cadenza who} uses; thin shells over {@link DefaultModels}. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = {"The default models `cadenza who` uses: list, train, show or remove them.",
                "They live in $CADENZA_HOME/models (default ~/.cadenza/models), or the folder given with --models:",
                "a composer model, a period model and an open-set model, trained on one split by piece of the public",
                "piano corpora (ASAP and piano-midi.de) so that their test pieces were never seen in training."},
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
