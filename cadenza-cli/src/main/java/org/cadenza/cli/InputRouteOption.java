package org.cadenza.cli;

import static org.cadenza.model.route.InputRoute.AUDIO;
import static org.cadenza.model.route.InputRoute.FUSION;
import static org.cadenza.model.route.InputRoute.NOTES;
import static org.cadenza.model.route.InputRoute.PIANOROLL;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.cadenza.model.route.InputRoute;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/** {@code --input}: what a model reads (docs/ROUTES.md), and the refusal of options that only other routes read. */
public final class InputRouteOption {

    @Option(names = "--input", defaultValue = "audio", paramLabel = "ROUTE")
    String input;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    private static final Set<InputRoute> NETWORK = Collections.unmodifiableSet(EnumSet.of(AUDIO, PIANOROLL, FUSION));

    /** Options that only some routes read, by name, sorted, with those routes: given for another route, refused. */
    private static final Map<String, Set<InputRoute>> ROUTES_OF = new TreeMap<>(Map.ofEntries(
            Map.entry("--model", NETWORK), Map.entry("--epochs", NETWORK), Map.entry("--lr", NETWORK),
            Map.entry("--optimizer", NETWORK), Map.entry("--weight-decay", NETWORK), Map.entry("--batch", NETWORK),
            Map.entry("--stop-on", NETWORK), Map.entry("--patience", NETWORK),
            Map.entry("--trials", EnumSet.of(AUDIO)), Map.entry("--stack", EnumSet.of(AUDIO)),
            Map.entry("--mels", EnumSet.of(AUDIO)), Map.entry("--transpose", EnumSet.of(AUDIO)),
            Map.entry("--tempo", EnumSet.of(AUDIO)), Map.entry("--soundfont", EnumSet.of(AUDIO)),
            Map.entry("--program", EnumSet.of(AUDIO)), Map.entry("--rate", EnumSet.of(AUDIO)),
            Map.entry("--classifier", EnumSet.of(NOTES, FUSION)), Map.entry("--note-window", EnumSet.of(NOTES, FUSION)),
            Map.entry("--pca", EnumSet.of(NOTES)), Map.entry("--chunk-files", EnumSet.of(NOTES)),
            Map.entry("--fps", EnumSet.of(PIANOROLL, FUSION)),
            Map.entry("--members", EnumSet.of(FUSION)), Map.entry("--fuse", EnumSet.of(FUSION))));

    /** @return the route --input names; a ParameterException for an unknown one */
    InputRoute route() {
        return OptionValues.parse(command, "--input", () -> InputRoute.parse(input));
    }

    /**
     * Refuses the first option (by name) given on the command line that only other routes read. The options are looked
     * up by name in the parse result, so they may be declared in the command or in any of its mixins.
     */
    void refuseOptionsOtherRoutesUse(InputRoute route) {
        ParseResult parsed = command.commandLine().getParseResult();
        for (Map.Entry<String, Set<InputRoute>> e : ROUTES_OF.entrySet()) {
            if (parsed.hasMatchedOption(e.getKey()) && !e.getValue().contains(route)) {
                throw new ParameterException(command.commandLine(), e.getKey() + " does not apply to --input "
                        + route.cliName() + ": it is read by --input " + String.join(" and ", e.getValue().stream()
                        .map(InputRoute::cliName).toList()));
            }
        }
    }
}
