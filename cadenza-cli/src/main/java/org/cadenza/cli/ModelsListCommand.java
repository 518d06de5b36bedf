package org.cadenza.cli;

import org.cadenza.api.DefaultModels;
import org.cadenza.api.ModelKind;
import picocli.CommandLine.Command;

/** {@code cadenza models list}. */
@Command(name = "list", mixinStandardHelpOptions = true)
public final class ModelsListCommand extends ModelsReportCommand {

    @Override
    int report(DefaultModels d) {
        StringBuilder text = new StringBuilder("default models in " + d.dir() + ":\n");
        for (ModelKind k : ModelKind.values()) {
            text.append(String.format(java.util.Locale.ROOT, "  %-9s %s%n", k.id(), d.info(k).map(i -> "trained "
                    + i.trainedAt() + ", " + i.classes().size() + " classes").orElse("not trained")));
        }
        if (!d.allTrained()) {
            text.append("train them with `cadenza models train` (or just run `cadenza who FILE`)\n");
        }
        json.print(text.toString(), d::list);
        return ExitCode.OK;
    }
}
