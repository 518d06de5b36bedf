package org.cadenza.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.cadenza.model.ModelRuntime;
import org.cadenza.model.embedding.Anchors;
import org.cadenza.model.embedding.EmbeddingModel;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cadenza enrol}: add a composer to an embedding model from a few pieces. */
@Command(name = "enrol", header = "Adds a composer to an embedding from a few of its pieces, without training again.", mixinStandardHelpOptions = true,
        description = {"Adds a composer to an embedding model (cadenza embed) from a few of its pieces, without",
                "retraining: its anchor is the mean direction of the pieces' embeddings. identify then names it like",
                "the trained composers. Kept in RUN/model/enrolled.json; the trained anchors are never changed.",
                "Examples: cadenza enrol runs/emb --composer grieg grieg1.mid grieg2.mid grieg3.mid",
                "          cadenza enrol runs/emb --remove grieg      cadenza enrol runs/emb --list"})
public final class EnrolCommand implements Callable<Integer> {

    @Mixin
    TorchThreadsOption torch;


    @Parameters(index = "0", paramLabel = "RUN", description = "An embedding run folder (or its model folder).")
    Path run;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "FILE", description = "MIDI files, one piece each.")
    List<Path> files = List.of();

    @ArgGroup(exclusive = true, multiplicity = "1")
    Action action;

    static final class Action {
        @Option(names = "--composer", paramLabel = "NAME", description = "Enrol (or re-enrol) this composer from the FILEs.")
        String composer;

        @Option(names = "--remove", paramLabel = "NAME", description = "Forget an enrolled composer.")
        String remove;

        @Option(names = "--list", description = "List the trained and enrolled composers.")
        boolean list;
    }

    @Override
    public Integer call() {
        torch.apply(Runtime.getRuntime().availableProcessors());
        try (EmbeddingModel model = EmbeddingModel.open(run)) {
            if (action.composer != null) {
                if (files.isEmpty()) {
                    System.err.println("enrol: give the MIDI files of " + action.composer);
                    return ExitCode.USAGE;
                }
                float[] anchor = model.enrol(action.composer, files);
                Anchors all = model.anchors();
                List<Anchors.Ranked> near = all.rank(anchor);
                System.out.printf(Locale.ROOT, "enrolled %s from %d piece(s) in %s%n", action.composer, files.size(),
                        model.dir());
                if (near.size() > 1) {
                    System.out.printf(Locale.ROOT, "nearest other composer: %s (distance %.3f between anchors)%n",
                            near.get(1).composer(), near.get(1).distance());
                }
            } else if (action.remove != null) {
                if (!model.unenrol(action.remove)) {
                    System.err.println("enrol: " + action.remove + " is not enrolled in " + model.dir());
                    return ExitCode.BAD_INPUT;
                }
                System.out.println("removed " + action.remove);
            } else {
                System.out.println("trained: " + String.join(", ", model.trainedAnchors().composers().keySet()));
                model.enrolled().forEach((c, e) -> System.out.printf("enrolled: %s (%d files)%n", c,
                        e.files().size()));
            }
        }
        return ExitCode.OK;
    }
}
