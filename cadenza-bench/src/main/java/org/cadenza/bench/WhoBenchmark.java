package org.cadenza.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.cadenza.io.CadenzaException;
import org.cadenza.io.Parameters;

/**
 * How long {@code cadenza who FILE} takes as a user runs it: a new process each time through the launcher script,
 * JVM start, model loading and the answer included, with the default models already trained. Measured with the
 * launcher's class-data sharing archive (the default) and without it ({@code CADENZA_CDS=0}), side by side, after one
 * untimed run of each (which trains nothing when the models exist and makes the archive when it is missing).
 */
public final class WhoBenchmark {

    /** The limit for a 5-minute MIDI file, JVM start included, seconds. */
    public static final double LIMIT_SECONDS = 2.0;

    private WhoBenchmark() {
    }

    /**
     * One setting's timings.
     *
     * @param setting  "class-data sharing" or "no class-data sharing"
     * @param seconds  wall seconds of each timed run
     */
    public record Timing(String setting, List<Double> seconds) {
        public Timing {
            seconds = List.copyOf(seconds);
        }

        /** @return the median of the timed runs */
        public double median() {
            double[] s = seconds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
        }
    }

    /**
     * The benchmark's outcome.
     *
     * @param command  the command line that produced it
     * @param machine  where it ran
     * @param file     the MIDI file
     * @param timings  with and without class-data sharing
     */
    public record Result(String command, BenchMachine machine, Path file, List<Timing> timings) {

        /** @return a Markdown section for docs/BENCHMARKS.md */
        public String toMarkdown() {
            StringBuilder b = new StringBuilder();
            b.append("### `cadenza who` on one file, JVM start included\n\n");
            b.append("Command: `").append(command).append("`  \n");
            b.append("File: `").append(file).append("`\n\n");
            b.append(machine.toMarkdown()).append('\n');
            b.append("| setting | median | runs (s) | limit ").append(LIMIT_SECONDS).append(" s |\n|---|---|---|---|\n");
            for (Timing t : timings) {
                b.append(String.format(Locale.ROOT, "| %s | %.2f s | %s | %s |%n", t.setting(), t.median(),
                        String.join(", ", t.seconds().stream().map(s -> String.format(Locale.ROOT, "%.2f", s))
                                .toList()), t.median() < LIMIT_SECONDS ? "PASS" : "FAIL"));
            }
            return b.toString();
        }
    }

    /**
     * @param launcher the {@code cadenza} script
     * @param file     a MIDI file (the issue's: about 5 minutes)
     * @param models   the default-models folder ({@code who --models}); null for the user's default
     * @param repeats  timed runs per setting, &ge; 1
     * @param command  this benchmark's own command line, for the report
     */
    public static Result run(Path launcher, Path file, Path models, int repeats, String command) {
        if (!Files.isExecutable(launcher)) {
            throw new CadenzaException("cannot run the launcher " + launcher + ": run the benchmark through ./cadenza");
        }
        Parameters.atLeast("repeats", repeats, 1);
        List<Timing> timings = new ArrayList<>();
        for (boolean cds : new boolean[] {true, false}) {
            once(launcher, file, models, cds);
            List<Double> seconds = new ArrayList<>();
            for (int i = 0; i < repeats; i++) {
                seconds.add(once(launcher, file, models, cds));
            }
            timings.add(new Timing(cds ? "class-data sharing (default)" : "no class-data sharing (CADENZA_CDS=0)",
                    seconds));
        }
        return new Result(command, BenchMachine.current(), file, timings);
    }

    private static double once(Path launcher, Path file, Path models, boolean cds) {
        List<String> cmd = new ArrayList<>(Arrays.asList(launcher.toString(), "who", file.toString()));
        if (models != null) {
            cmd.addAll(List.of("--models", models.toString()));
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("CADENZA_CDS", cds ? "1" : "0");
        long start = System.nanoTime();
        try {
            Process p = pb.start();
            byte[] output = p.getInputStream().readAllBytes();
            int rc = p.waitFor();
            double seconds = (System.nanoTime() - start) / 1e9;
            if (rc != 0) {
                throw new CadenzaException("cadenza who " + file + " exited with " + rc + ":\n"
                        + new String(output, java.nio.charset.StandardCharsets.UTF_8));
            }
            return seconds;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + launcher, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CadenzaException("interrupted while timing cadenza who", e);
        }
    }
}
