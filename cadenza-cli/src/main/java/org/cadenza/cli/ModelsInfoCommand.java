package org.cadenza.cli;

import java.util.concurrent.Callable;

import org.cadenza.api.DefaultModels;
import org.cadenza.api.ModelKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code cadenza models info}. */
@Command(name = "info", mixinStandardHelpOptions = true)
public final class ModelsInfoCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "KIND")
    String kind;
    @Mixin
    ModelsOption models;
    @Mixin
    JsonOption json;

    @Override
    public Integer call() throws Exception {
        DefaultModels d = models.models();
        java.util.List<DefaultModels.ModelInfo> shown = kind == null ? d.list()
                : d.info(ModelKind.parse(kind)).map(java.util.List::of).orElse(java.util.List.of());
        if (json.on()) {
            System.out.println(JsonOption.write(shown));
        } else if (shown.isEmpty()) {
            System.out.println("not trained yet in " + d.dir() + ": run `cadenza models train`");
        } else {
            System.out.println("default models in " + d.dir() + " (data: "
                    + String.join(", ", d.manifest().data()) + ", split seed " + d.manifest().seed() + ")");
            shown.forEach(i -> System.out.print(i.toText()));
        }
        return shown.isEmpty() ? ExitCode.ERROR : ExitCode.OK;
    }
}
