package org.cadenza.cli;

import java.util.List;

import org.cadenza.render.Augmentation;
import picocli.CommandLine.Option;

/** {@code --transpose SEMITONES,...}: also train on copies of the training files transposed by these semitones. */
public final class TransposeOption {

    @Option(names = "--transpose", split = ",", paramLabel = "SEMITONES")
    List<Integer> semitones = List.of();

    /** @return one transposition a semitone count asked for, in the order given; none without --transpose */
    List<Augmentation> augmentations() {
        return semitones.stream().map(Augmentation::transpose).toList();
    }
}
