package org.cadenza.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cadenza bench}: speed, side by side with the peers; the subcommands' shared output and helpers. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        subcommands = {BenchWhoCommand.class, BenchRenderCommand.class, BenchLogMelCommand.class, BenchPredictCommand.class,
                BenchTrainCommand.class, BenchScoresCommand.class})
public final class BenchCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /**
     * What every bench subcommand has: {@link Output}, its Markdown on stdout and, with {@code --append FILE.md}, at the
     * end of a file.
     */
    abstract static class Subcommand implements Callable<Integer> {
        @Mixin
        Output output;
    }

    /** Where a benchmark's Markdown goes: stdout, and a file when asked; and the command line it records. */
    static final class Output {
        @Option(names = "--append", paramLabel = "FILE.md")
        Path append;

        @Spec(Spec.Target.MIXEE)
        CommandSpec mixee;

        /** The command line as typed, for the report: {@code cadenza} and the original arguments. */
        String commandLine() {
            return "cadenza " + String.join(" ", mixee.commandLine().getParseResult().originalArgs());
        }

        void emit(String markdown) {
            System.out.print(markdown);
            if (append != null) {
                try {
                    Files.writeString(append, markdown + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                            StandardOpenOption.APPEND);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot append to " + append, e);
                }
            }
        }
    }

    /** The peer program named on the command line: 'none' for none, a path, or the one {@code finder} finds. */
    static Optional<Path> peer(String option, Supplier<Optional<Path>> finder) {
        return "none".equals(option) ? Optional.empty() : option != null ? Optional.of(Path.of(option)) : finder.get();
    }

    /** {@code --python PATH}: the Python of the peer side, 'none' for none, else the one the benchmark finds. */
    static final class Python {
        @Option(names = "--python", paramLabel = "PATH")
        String path;

        /** The Python asked for, none, or the one {@code finder} finds ({@link #peer}). */
        Optional<Path> resolve(Supplier<Optional<Path>> finder) {
            return peer(path, finder);
        }
    }

    /** {@code --repeats}: how many timed runs per file; each benchmark gives its default where it mixes it in. */
    static final class Repeats {
        @Option(names = "--repeats", paramLabel = "N")
        int repeats;

        /** For picocli; the benchmarks give their default with {@link #Repeats(int)}. */
        Repeats() {
            this(1);
        }

        Repeats(int repeats) {
            this.repeats = repeats;
        }
    }

    /** {@code --threads} of the benchmarks: the threads the timed work runs on, on both sides (default 1). */
    static final class Threads {
        @Option(names = "--threads", defaultValue = "1", paramLabel = "N", descriptionKey = "bench-threads")
        int threads;

        /** Sets PyTorch's threads to --threads; @return --threads */
        int applyToPyTorch() {
            org.cadenza.model.ModelRuntime.setThreads(threads);
            return threads;
        }
    }
}
