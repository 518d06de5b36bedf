package org.cadenza.model.generation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.cadenza.features.tokens.NoteTokenizer;
import org.cadenza.features.tokens.TokenizerParams;
import org.cadenza.features.tokens.Vocabulary;
import org.cadenza.io.midi.Note;
import org.cadenza.io.midi.NoteReader;
import org.cadenza.io.midi.NoteSequence;
import org.cadenza.model.train.EpochRecord;
import org.cadenza.model.train.PinnedHistory;
import org.cadenza.model.train.TrainingListener;
import org.cadenza.model.train.TrainingResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trains a small LSTM on scales: it must learn them, resume exactly, and sample deterministically. */
class LanguageModelTest {

    private static final NoteTokenizer TOKENIZER = new NoteTokenizer(TokenizerParams.defaults(), List.of());
    private static final LanguageModelConfig CFG = LanguageModelConfig.defaults().withSize(16, 48, 1, 32)
            .withDropout(0).withTraining(24, 8, 6000, 6, 0, 1e-2, 7);

    @TempDir
    static Path tmp;
    private static LanguageModelTraining.Result trained;
    private static Path modelDir;

    /** A C major scale, up and down, repeated: quarter notes at {@code spacing} seconds. */
    static NoteSequence scale(int notes, double spacing) {
        int[] steps = {60, 62, 64, 65, 67, 69, 71, 72, 71, 69, 67, 65, 64, 62};
        List<Note> out = new ArrayList<>();
        for (int i = 0; i < notes; i++) {
            out.add(Note.of(steps[i % steps.length], i * spacing, i * spacing + spacing * 0.9, 80));
        }
        return NoteSequence.of(out);
    }

    static List<TokenPiece> pieces(int count, int notes) {
        List<TokenPiece> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int[] all = TOKENIZER.encode(scale(notes + i, 0.25));
            out.add(new TokenPiece("p" + i, "scales", "scale-" + i, Vocabulary.BOS,
                    Arrays.copyOfRange(all, 1, all.length)));
        }
        return out;
    }

    @BeforeAll
    static void train() {
        trained = LanguageModelTraining.train(pieces(6, 60), pieces(2, 40), CFG, TOKENIZER.vocabulary().size(),
                tmp.resolve("run"), TrainingListener.NONE);
        modelDir = tmp.resolve("model");
        LanguageModelRun.writeModel(modelDir, trained.bestWeights(), new LanguageModelRun.Contract(CFG,
                TokenizerParams.defaults(), List.of(), false, List.of("scales"), NoteReader.Pedal.EXTEND,
                TOKENIZER.vocabulary().size(), trained.bestEpoch()), null);
    }

    @Test
    void learnsTheScaleFarBelowAUniformGuess() {
        assertEquals(TrainingResult.Status.COMPLETED, trained.status());
        List<EpochRecord> h = trained.history();
        assertEquals(6, h.size());
        double uniform = Math.log(TOKENIZER.vocabulary().size());
        EpochRecord last = h.get(h.size() - 1);
        assertTrue(last.valLoss() < 0.25 * uniform, "validation NLL " + last.valLoss() + " vs uniform " + uniform);
        assertTrue(last.valAccuracy() > 0.6, "next-token accuracy " + last.valAccuracy());
        try (LanguageModel lm = LanguageModel.open(modelDir)) {
            LanguageModelTraining.Score s = lm.score(pieces(2, 40));
            assertEquals(h.get(trained.bestEpoch() - 1).valLoss(), s.nll(), 1e-4);
            assertEquals(pieces(2, 40).stream().mapToInt(TokenPiece::length).sum(), s.tokens());
        }
    }

    @Test
    void aSecondRunOnTheFinishedFolderTrainsNothingAndAnotherConfigIsRefused() {
        LanguageModelTraining.Result again = LanguageModelTraining.train(pieces(6, 60), pieces(2, 40), CFG,
                TOKENIZER.vocabulary().size(), tmp.resolve("run"), new TrainingListener() {
                    @Override
                    public void onStart(int firstEpoch, int epochs, int batchesPerEpoch) {
                        throw new AssertionError("should not train again");
                    }
                });
        assertEquals(trained.history(), again.history());
        assertThrows(RuntimeException.class, () -> LanguageModelTraining.train(pieces(6, 60), pieces(2, 40),
                CFG.withEpochs(5).withDropout(0.1), TOKENIZER.vocabulary().size(), tmp.resolve("run"),
                TrainingListener.NONE));
    }

    @Test
    void anInterruptedRunResumesToTheSameWeights(@TempDir Path dir) {
        TrainingListener stopAfterTwo = PinnedHistory.stopAfter(2);
        LanguageModelTraining.Result first = LanguageModelTraining.train(pieces(6, 60), pieces(2, 40), CFG,
                TOKENIZER.vocabulary().size(), dir, stopAfterTwo);
        assertEquals(TrainingResult.Status.INTERRUPTED, first.status());
        assertEquals(2, first.history().size());
        LanguageModelTraining.Result resumed = LanguageModelTraining.train(pieces(6, 60), pieces(2, 40), CFG,
                TOKENIZER.vocabulary().size(), dir, TrainingListener.NONE);
        assertEquals(6, resumed.history().size());
        for (int e = 0; e < 6; e++) {
            assertEquals(trained.history().get(e).valLoss(), resumed.history().get(e).valLoss(), 1e-4,
                    "epoch " + (e + 1));
        }
    }

    @Test
    void theSameSeedWritesTheSameMusicAndAnotherSeedOtherMusic() {
        try (LanguageModel lm = LanguageModel.open(modelDir)) {
            SamplingSettings s = SamplingSettings.defaults().withSeed(11);
            LanguageModel.Generated a = lm.generate("scales", Optional.empty(), 8, s, false);
            LanguageModel.Generated b = lm.generate("scales", Optional.empty(), 8, s, false);
            assertArrayEquals(a.tokens(), b.tokens());
            assertEquals(a.notes(), b.notes());
            assertTrue(a.complete() && a.seconds() >= 8, "reaches the length: " + a.seconds());
            assertTrue(a.resets() > 0, "8 s of scales take more tokens than one context: " + a.tokens().length);
            assertFalse(a.notes().notes().isEmpty());
            LanguageModel.Generated c = lm.generate("scales", Optional.empty(), 8,
                    new SamplingSettings(1.5, 0, 1, 12, true), false);
            assertNotEquals(Arrays.toString(a.tokens()), Arrays.toString(c.tokens()));
            assertThrows(IllegalArgumentException.class,
                    () -> lm.generate("bach", Optional.empty(), 8, s, false));
        }
    }

    @Test
    void aModelOfTwoComposersWritesInTheRegisterOfTheOneAskedFor(@TempDir Path dir) {
        NoteTokenizer two = new NoteTokenizer(TokenizerParams.defaults(), List.of("high", "low"));
        List<TokenPiece> train = new ArrayList<>();
        List<TokenPiece> val = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            for (String who : List.of("high", "low")) {
                int shift = who.equals("high") ? 12 : -24;
                List<Note> notes = new ArrayList<>();
                for (Note n : scale(50 + i, 0.25).notes()) {
                    notes.add(Note.of(n.pitch() + shift, n.onsetSeconds(), n.offsetSeconds(), n.velocity()));
                }
                int[] all = two.encode(NoteSequence.of(notes), who);
                TokenPiece p = new TokenPiece(who + i, who, who + i, two.vocabulary().composer(who),
                        Arrays.copyOfRange(all, 2, all.length));
                (i < 6 ? train : val).add(p);
            }
        }
        LanguageModelConfig cfg = CFG.withConditionEveryStep(true);
        LanguageModelTraining.Result r = LanguageModelTraining.train(train, val, cfg, two.vocabulary().size(),
                dir.resolve("run"), TrainingListener.NONE);
        LanguageModelRun.writeModel(dir.resolve("model"), r.bestWeights(), new LanguageModelRun.Contract(cfg,
                TokenizerParams.defaults(), List.of("high", "low"), true, List.of("high", "low"),
                NoteReader.Pedal.EXTEND, two.vocabulary().size(), r.bestEpoch()), null);
        try (LanguageModel lm = LanguageModel.open(dir.resolve("model"))) {
            for (String who : List.of("high", "low")) {
                NoteSequence n = lm.generate(who, Optional.empty(), 6, SamplingSettings.defaults(), false).notes();
                double mean = n.notes().stream().mapToInt(Note::pitch).average().orElseThrow();
                assertTrue(who.equals("high") ? mean > 66 : mean < 54, who + ": mean pitch " + mean);
            }
        }
    }

    @Test
    void aPrimerIsContinuedAndKeptWhenAsked() {
        try (LanguageModel lm = LanguageModel.open(modelDir)) {
            NoteSequence primer = scale(10, 0.25);
            SamplingSettings greedyish = new SamplingSettings(0.05, 1, 1, 3, true);
            LanguageModel.Generated kept = lm.generate("scales", Optional.of(primer), 2, greedyish, true);
            LanguageModel.Generated cont = lm.generate("scales", Optional.of(primer), 2, greedyish, false);
            assertEquals(TOKENIZER.encode(primer).length - 2, kept.primerTokens());
            assertEquals(primer.notes().get(0).pitch(), kept.notes().notes().get(0).pitch());
            assertEquals(kept.notes().notes().size(), cont.notes().notes().size() + 10);
            // the scale after ten notes (C D E F G A B C B A) goes on with G
            assertEquals(67, cont.notes().notes().get(0).pitch(), "continues the scale: " + cont.notes().notes());
        }
    }
}
