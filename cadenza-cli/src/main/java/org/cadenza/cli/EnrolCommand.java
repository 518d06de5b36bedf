package org.cadenza.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.cadenza.model.embedding.Anchors;
import org.cadenza.model.embedding.EmbeddingModel;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cadenza enrol}: add a composer to an embedding model from a few pieces. */
@Command(name = "enrol", mixinStandardHelpOptions = true)
public final class EnrolCommand implements Callable<Integer> {

    @Mixin
    TorchThreadsOption torch;

    @Mixin
    JsonOption json;

    @Mixin
    EmbeddingRunArgument run;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "FILE")
    List<Path> files = List.of();

    @ArgGroup(exclusive = true, multiplicity = "1")
    Action action;

    static final class Action {
        @Option(names = "--composer", paramLabel = "NAME")
        String composer;

        @Option(names = "--remove", paramLabel = "NAME")
        String remove;

        @Option(names = "--list")
        boolean list;
    }

    @Override
    public Integer call() {
        torch.apply(Runtime.getRuntime().availableProcessors());
        try (EmbeddingModel model = EmbeddingModel.open(run.dir())) {
            if (action.composer != null) {
                if (files.isEmpty()) {
                    System.err.println("enrol: give the MIDI files of " + action.composer);
                    return ExitCode.USAGE;
                }
                float[] anchor = model.enrol(action.composer, files);
                List<Anchors.Ranked> near = model.anchors().rank(anchor);
                String text = String.format(Locale.ROOT, "enrolled %s from %d piece(s) in %s%n", action.composer,
                        files.size(), model.dir());
                if (near.size() > 1) {
                    text += String.format(Locale.ROOT, "nearest other composer: %s (distance %.3f between anchors)%n",
                            near.get(1).composer(), near.get(1).distance());
                }
                json.print(text, () -> {
                    ObjectNode o = JsonOption.object().put("action", "enrol").put("composer", action.composer)
                            .put("pieces", files.size()).put("model", model.dir().toString());
                    o.set("files", JsonOption.tree(files.stream().map(Path::toString).toList()));
                    if (near.size() > 1) {
                        o.putObject("nearestOther").put("composer", near.get(1).composer())
                                .put("distance", near.get(1).distance());
                    }
                    return o;
                });
            } else if (action.remove != null) {
                if (!model.unenrol(action.remove)) {
                    System.err.println("enrol: " + action.remove + " is not enrolled in " + model.dir());
                    return ExitCode.BAD_INPUT;
                }
                json.print("removed " + action.remove + "\n", () -> JsonOption.object().put("action", "remove")
                        .put("composer", action.remove).put("model", model.dir().toString()));
            } else {
                StringBuilder text = new StringBuilder("trained: ")
                        .append(String.join(", ", model.trainedAnchors().composers().keySet())).append('\n');
                ObjectNode o = JsonOption.object().put("model", model.dir().toString());
                o.set("trained", JsonOption.tree(model.trainedAnchors().composers().keySet()));
                ObjectNode enrolled = o.putObject("enrolled");
                model.enrolled().forEach((c, e) -> {
                    text.append(String.format("enrolled: %s (%d files)%n", c, e.files().size()));
                    enrolled.put(c, e.files().size());
                });
                json.print(text.toString(), () -> o);
            }
        }
        return ExitCode.OK;
    }
}
