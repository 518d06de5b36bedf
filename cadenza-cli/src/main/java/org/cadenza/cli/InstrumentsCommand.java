package org.cadenza.cli;

import java.nio.file.Files;
import java.util.concurrent.Callable;

import org.cadenza.corpus.Workspace;
import org.cadenza.api.run.InstrumentRun;
import org.cadenza.eval.multilabel.ThresholdTuning;
import org.cadenza.model.multitask.MultiTaskConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code cadenza instruments}: train and evaluate the multi-label instrument head. */
@Command(name = "instruments", mixinStandardHelpOptions = true)
public final class InstrumentsCommand implements Callable<Integer> {

    @Mixin
    RunFolderOption run;

    @Mixin
    InstrumentOptions instruments;

    @Mixin
    ThreadOptions threads;

    @Mixin
    DatasetOptions data;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() throws Exception {
        MultiTaskConfig config = instruments.config(data.seed());
        ThresholdTuning.Objective tuning = instruments.tuning();
        int n = threads.resolve();
        threads.torch(n);
        try (Workspace ws = data.workspace.open(); TrainingProgress progress = InstrumentOptions.progress()) {
            InstrumentRun.Report r = InstrumentRun.run(ws, data.pipeline(), data.dataset(), instruments.instrumentMap(),
                    instruments.rare, config, tuning, run.dir(), progress, new ConsoleProgress(), n);
            json.print(Files.readString(r.report()) + "report: " + r.report() + "\n",
                    () -> ResultDocuments.instruments(r, run.dir()));
        }
        return ExitCode.OK;
    }
}
