package org.cadenza.cli;

import org.cadenza.api.DefaultModels;
import org.cadenza.api.ModelKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code cadenza models info}. */
@Command(name = "info", mixinStandardHelpOptions = true)
public final class ModelsInfoCommand extends ModelsReportCommand {
    @Parameters(arity = "0..1", paramLabel = "KIND")
    String kind;

    @Override
    int report(DefaultModels d) {
        java.util.List<DefaultModels.ModelInfo> shown = kind == null ? d.list()
                : d.info(ModelKind.parse(kind)).map(java.util.List::of).orElse(java.util.List.of());
        StringBuilder text = new StringBuilder();
        if (shown.isEmpty()) {
            text.append("not trained yet in ").append(d.dir()).append(": run `cadenza models train`\n");
        } else {
            text.append("default models in ").append(d.dir()).append(" (data: ").append(String.join(", ",
                    d.manifest().data())).append(", split seed ").append(d.manifest().seed()).append(")\n");
            shown.forEach(i -> text.append(i.toText()));
        }
        json.print(text.toString(), () -> shown);
        return shown.isEmpty() ? ExitCode.ERROR : ExitCode.OK;
    }
}
