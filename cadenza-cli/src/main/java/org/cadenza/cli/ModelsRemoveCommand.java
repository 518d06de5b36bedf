package org.cadenza.cli;

import java.util.concurrent.Callable;

import org.cadenza.api.DefaultModels;
import org.cadenza.api.ModelKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cadenza models remove}. */
@Command(name = "remove", mixinStandardHelpOptions = true)
public final class ModelsRemoveCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "KIND")
    java.util.List<String> kinds = java.util.List.of();
    @Option(names = "--all")
    boolean all;
    @Mixin
    ModelsOption models;
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        DefaultModels d = models.models();
        if (all == !kinds.isEmpty()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "name the models to remove (composer, period, openset) or give --all");
        }
        if (all) {
            d.removeAll();
            System.out.println("removed the default models in " + d.dir());
            return ExitCode.OK;
        }
        for (String k : kinds) {
            ModelKind kind = ModelKind.parse(k);
            System.out.println((d.remove(kind) ? "removed " : "not there: ") + kind.id() + " (" + d.run(kind) + ")");
        }
        return ExitCode.OK;
    }
}
