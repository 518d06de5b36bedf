package org.cadenza.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.cadenza.model.route.InputRoute;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The members of {@code train --input fusion}: those it trains itself and trained runs it adds. */
public final class FusionOptions {

    @Option(names = "--members", split = ",", paramLabel = "RUN")
    List<Path> members = List.of();

    @Option(names = "--fuse", defaultValue = "notes,pianoroll", paramLabel = "ROUTES")
    String fuse;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /**
     * @return the routes of the members fusion trains itself ("notes", "pianoroll"), sorted
     * @throws ParameterException for another route, or when there are fewer than two members in all
     */
    Set<String> ownMembers() {
        Set<String> own = new TreeSet<>();
        for (String f : fuse.split(",")) {
            if (!f.isBlank() && !f.trim().equals("none")) {
                own.add(InputRoute.parse(f).cliName());
            }
        }
        if (!Set.of("notes", "pianoroll").containsAll(own)) {
            throw new ParameterException(command.commandLine(), "--fuse: notes, pianoroll, both or none, got " + fuse);
        }
        if (own.size() + members.size() < 2) {
            throw new ParameterException(command.commandLine(), "fusion needs at least two members: "
                    + own.size() + " of its own (--fuse) and " + members.size() + " given (--members)");
        }
        return own;
    }
}
