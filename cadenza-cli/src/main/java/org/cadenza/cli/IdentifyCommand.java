package org.cadenza.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.cadenza.io.BadInputException;
import org.cadenza.model.embedding.Anchors;
import org.cadenza.model.embedding.EmbeddingModel;
import org.cadenza.model.embedding.Identification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code cadenza identify}: nearest composers and a known / unknown verdict. */
@Command(name = "identify", mixinStandardHelpOptions = true)
public final class IdentifyCommand implements Callable<Integer> {

    @Mixin
    TorchThreadsOption torch;


    @Mixin
    EmbeddingRunArgument run;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE")
    List<Path> files;

    @Mixin
    TopOption top = new TopOption(3);

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        torch.apply(Runtime.getRuntime().availableProcessors());
        List<Identification> done = new ArrayList<>();
        ArrayNode skipped = JsonOption.array();
        try (EmbeddingModel model = EmbeddingModel.open(run.dir())) {
            for (Path f : files) {
                try {
                    done.add(model.identify(f));
                } catch (BadInputException e) {
                    System.err.println("skipped: " + e.getMessage());
                    skipped.addObject().put("file", f.toString()).put("problem", e.problem());
                }
            }
            int n = top.value();
            json.print(files.size() == 1 && done.size() == 1 ? detail(done.get(0), n) : table(done, n),
                    () -> document(done, n, skipped));
        }
        return skipped.isEmpty() ? ExitCode.OK : done.isEmpty() ? ExitCode.BAD_INPUT : ExitCode.PARTIAL;
    }

    static String detail(Identification id, int top) {
        StringBuilder b = new StringBuilder(id.file() + " (" + id.windows() + " windows)\n");
        List<Anchors.Ranked> r = id.ranking();
        for (int i = 0; i < Math.min(top, r.size()); i++) {
            b.append(String.format(Locale.ROOT, "  %d. %-20s distance %.3f%n", i + 1, r.get(i).composer(),
                    r.get(i).distance()));
        }
        id.nearestPiece().ifPresent(p -> b.append(String.format(Locale.ROOT,
                "  nearest training piece: %s (%s), distance %.3f%n", p.piece(), p.composer(), p.distance())));
        b.append("  verdict: ").append(verdict(id)).append('\n');
        return b.toString();
    }

    static String table(List<Identification> ids, int top) {
        List<Identification> sorted = new ArrayList<>(ids);
        sorted.sort(Comparator.comparingDouble(Identification::novelty));
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-9s %-8s %-40s %s%n", "verdict",
                "distance", "file", "nearest composers"));
        for (Identification id : sorted) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < Math.min(top, id.ranking().size()); i++) {
                names.add(String.format(Locale.ROOT, "%s %.3f", id.ranking().get(i).composer(),
                        id.ranking().get(i).distance()));
            }
            b.append(String.format(Locale.ROOT, "%-9s %-8.3f %-40s %s%n", id.verdict(), id.novelty(),
                    id.file().getFileName(), String.join(", ", names)));
        }
        sorted.stream().findFirst().flatMap(Identification::threshold).ifPresent(t -> b.append(String.format(
                Locale.ROOT, "threshold %.3f (calibrated for %.0f %% false alarms on %d validation files)%n",
                t.threshold(), 100 * t.falseAlarmRate(), t.calibrationPieces())));
        return b.toString();
    }

    /**
     * The JSON document: per file (in the order given) its verdict, the nearest composer and the {@code top} nearest
     * with their distances, the nearest training piece; the threshold; the files skipped, with why.
     */
    static ObjectNode document(List<Identification> ids, int top, ArrayNode skipped) {
        ObjectNode o = JsonOption.object();
        ArrayNode out = o.putArray("files");
        for (Identification id : ids) {
            ObjectNode f = out.addObject().put("file", id.file().toString()).put("windows", id.windows())
                    .put("verdict", id.verdict().name());
            f.putObject("nearest").put("composer", id.nearest().composer()).put("distance", id.novelty());
            f.set("ranking", JsonOption.tree(id.ranking().subList(0, Math.min(top, id.ranking().size()))));
            id.nearestPiece().ifPresent(p -> f.set("nearestPiece", JsonOption.tree(p)));
        }
        ids.stream().findFirst().flatMap(Identification::threshold)
                .ifPresent(t -> o.set("threshold", JsonOption.tree(t)));
        o.set("skipped", skipped);
        return o;
    }

    private static String verdict(Identification id) {
        return switch (id.verdict()) {
            case KNOWN -> String.format(Locale.ROOT, "KNOWN: %s (distance %.3f within the threshold %.3f)",
                    id.nearest().composer(), id.novelty(), id.threshold().orElseThrow().threshold());
            case UNKNOWN -> String.format(Locale.ROOT, "UNKNOWN: a composer this model has not seen (distance %.3f "
                    + "beyond the threshold %.3f; nearest is %s)", id.novelty(),
                    id.threshold().orElseThrow().threshold(), id.nearest().composer());
            case NOT_CALIBRATED -> "no threshold calibrated (train with cadenza embed): nearest is "
                    + id.nearest().composer();
        };
    }
}
