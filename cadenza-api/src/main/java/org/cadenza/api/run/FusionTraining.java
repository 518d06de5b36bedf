package org.cadenza.api.run;

import org.cadenza.model.run.RunFiles;
import org.cadenza.model.run.RunDataset;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.cadenza.corpus.ProgressListener;
import org.cadenza.corpus.Workspace;
import org.cadenza.corpus.catalog.CatalogFile;
import org.cadenza.corpus.dataset.DatasetSpec;
import org.cadenza.corpus.dataset.LabelledSplit;
import org.cadenza.corpus.dataset.Split;
import org.cadenza.io.CadenzaException;
import org.cadenza.model.fusion.LateFusion;
import org.cadenza.model.pipeline.FilePredictor;
import org.cadenza.model.route.InputRoute;
import org.cadenza.api.run.Predictors;
import org.cadenza.model.route.RunRoute;
import org.cadenza.model.TrainingCounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a fusion run from trained member runs: the validation files of the dataset spec's split (the split the members
 * were trained on: give the same options, best a split file) are predicted by every member as its evaluation does
 * ({@link RouteEvaluation#predictRun}: audio runs from the workspace's cached windows), and {@link LateFusion#fit}
 * chooses the weights (and the prior correction, from the first member's training counts) on the files every member
 * could read. The test split is never read here. The fusion run folder
 * gets a {@link org.cadenza.model.run.RunManifest} with the weights, the route, the dataset and the first member's
 * training counts (the dummy baselines), and {@value RunFiles#FILE}.
 */
public final class FusionTraining {

    private static final Logger LOG = LoggerFactory.getLogger(FusionTraining.class);

    private FusionTraining() {
    }

    /**
     * @param ws        the workspace the members were trained on
     * @param dataset   the members' target and split
     * @param fusionDir the fusion run folder (created)
     * @param members   the member run folders (any route but fusion), in the order their weights are reported
     * @param progress  progress of the validation predictions
     */
    public static LateFusion fit(Workspace ws, DatasetSpec dataset, Path fusionDir, List<Path> members,
                                 ProgressListener progress) {
        if (members.size() < 2) {
            throw new IllegalArgumentException("fusion needs at least two member runs, got " + members.size());
        }
        List<String> classes = commonClasses(members);
        LabelledSplit split = LabelledSplit.plan(ws, dataset, f -> true, "");
        if (!split.classes().equals(classes)) {
            throw new CadenzaException("the dataset options give the classes " + split.classes() + ", the members "
                    + "predict " + classes + ": give the options the members were trained with");
        }
        List<RouteEvaluation.LabelledFile> val = new ArrayList<>();
        for (CatalogFile f : split.files(Split.VAL)) {
            val.add(new RouteEvaluation.LabelledFile(Path.of(f.storedPath()), f.displayPath(), split.pieceOf(f),
                    split.classIndex(f), f.id()));
        }
        List<Map<String, double[]>> scores = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Path m : members) {
            RouteEvaluation.FilePredictions fp = RouteEvaluation.predictRun(ws, m, val, dataset.selection(), progress);
            fp.problems().forEach(p -> LOG.warn("fusion: member {} left out a validation file: {}", m, p));
            scores.add(RouteEvaluation.fileScores(fp.predictions()));
            names.add(nameOf(fusionDir, m));
        }
        List<RouteEvaluation.LabelledFile> common = val.stream()
                .filter(f -> scores.stream().allMatch(s -> s.containsKey(f.display()))).toList();
        if (common.isEmpty()) {
            throw new CadenzaException("no validation file could be predicted by every member: fusion cannot be fit");
        }
        List<double[][]> tables = new ArrayList<>();
        for (Map<String, double[]> s : scores) {
            tables.add(common.stream().map(f -> s.get(f.display())).toArray(double[][]::new));
        }
        int[] truth = common.stream().mapToInt(RouteEvaluation.LabelledFile::trueClass).toArray();
        LateFusion fusion = LateFusion.fit(names, classes, tables, truth, trainingShares(members.get(0), classes));
        write(ws, dataset, split, fusionDir, members, fusion);
        return fusion;
    }

    /**
     * Makes a fusion run that combines other members with the weights of {@code fitted}: the final refit, where the
     * members were fit again on the training and validation files after {@link #fit} chose the weights on
     * validation (weights chosen on files the members were fit on would trust them too much).
     *
     * @param members one run per member of {@code fitted}, in its order, predicting its classes
     */
    public static LateFusion withWeights(Workspace ws, DatasetSpec dataset, Path fusionDir, List<Path> members,
                                         LateFusion fitted) {
        if (members.size() != fitted.members().size()) {
            throw new IllegalArgumentException("one run per member expected: " + fitted.members().size() + " members, "
                    + members.size() + " runs");
        }
        List<String> classes = commonClasses(members);
        if (!classes.equals(fitted.classes())) {
            throw new CadenzaException("the runs predict " + classes + ", the fusion " + fitted.classes());
        }
        LateFusion fusion = fitted.withMembers(members.stream().map(m -> nameOf(fusionDir, m)).toList());
        write(ws, dataset, LabelledSplit.plan(ws, dataset, f -> true, ""), fusionDir, members, fusion);
        return fusion;
    }

    /**
     * Each class's share of the first member's training files: the prior the fusion's prior correction divides out;
     * null (no correction) where the run kept no counts.
     */
    private static double[] trainingShares(Path member, List<String> classes) {
        try {
            return LateFusion.shares(TrainingCounts.read(member, classes).files());
        } catch (org.cadenza.io.BadInputException | IllegalArgumentException e) {
            LOG.warn("the fusion gets no prior correction ({} keeps no usable training counts): {}", member,
                    e.getMessage());
            return null;
        }
    }

    /** The classes every member predicts, in their order; refuses a fusion member or members that disagree. */
    private static List<String> commonClasses(List<Path> members) {
        List<String> classes = null;
        for (Path m : members) {
            if (RunRoute.of(m) == InputRoute.FUSION) {
                throw new IllegalArgumentException(m + " is a fusion run: give its members instead");
            }
            try (FilePredictor p = Predictors.open(m)) {
                if (classes == null) {
                    classes = p.classes();
                } else if (!classes.equals(p.classes())) {
                    throw new CadenzaException(m + " predicts " + p.classes() + ", " + members.get(0) + " predicts "
                            + classes + ": fusion needs members trained on the same classes");
                }
            }
        }
        return classes;
    }

    private static void write(Workspace ws, DatasetSpec dataset, LabelledSplit split, Path fusionDir,
                              List<Path> members, LateFusion fusion) {
        List<String> classes = fusion.classes();
        try {
            Files.createDirectories(fusionDir);
            fusion.save(fusionDir);
            RunRoute.write(fusionDir, InputRoute.FUSION);
            RunDataset.save(dataset, fusionDir, ws.dir());
            RunFiles.write(ws, split, dataset, fusionDir);
            try {
                TrainingCounts.read(members.get(0), classes).write(fusionDir);
            } catch (org.cadenza.io.BadInputException e) {
                LOG.warn("the fusion run gets no training counts (no dummy baselines): {}", e.getMessage());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the fusion run " + fusionDir, e);
        }
    }

    /** A member's folder as the fusion records it: relative to the fusion folder when inside it, else absolute. */
    static String nameOf(Path fusionDir, Path member) {
        Path f = fusionDir.toAbsolutePath().normalize();
        Path m = member.toAbsolutePath().normalize();
        return m.startsWith(f) ? f.relativize(m).toString() : m.toString();
    }
}
