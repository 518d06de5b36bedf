package org.cadenza.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Outcome of {@link RenderBenchmark#run}: Gervill ({@code MidiRenderer}) beside the fluidsynth CLI on the same MIDI
 * files, soundfont and settings, single-threaded.
 *
 * <p>Throughput is "x real time": seconds of audio rendered per wall-clock second, one file at a time on one thread.
 * Each renderer is credited with the length of its own output (Gervill trims trailing silence; fluidsynth renders
 * until its voices end). Per file the best (shortest) of {@link #repeats()} runs counts, which damps the noise of a
 * shared machine.
 *
 * @param files                    one row per MIDI file
 * @param settingsKey              {@code RenderSettings.key()} of the Gervill renders
 * @param soundfont                the soundfont both used ({@code name:bytes})
 * @param repeats                  timed runs per file and renderer (the best counts)
 * @param soundbankLoadSeconds     Gervill's one-time soundbank load (not in the throughput: once per process)
 * @param fluidsynthStartupSeconds fluidsynth's fixed cost per call (start, soundfont load, WAV file), measured on a
 *                                 one-note file; empty when fluidsynth did not run
 * @param fluidsynthBatchAudio     seconds of audio fluidsynth wrote when given all (counted) files in one call
 * @param fluidsynthBatchWall      best wall-clock seconds of that single call: fluidsynth's synthesis speed with its
 *                                 start-up paid once, the fair peer of Gervill's figure (whose soundbank load is
 *                                 once per process too)
 * @param fluidsynthVersion        e.g. {@code FluidSynth runtime version 2.3.1}, when it ran
 * @param fluidsynthCommand        the fluidsynth command line used (for the first file), when it ran
 * @param fluidsynthProblem        why fluidsynth did not run, if so
 * @param machine                  where it ran
 */
public record RenderBenchResult(
        List<FileResult> files,
        String settingsKey,
        String soundfont,
        int repeats,
        double soundbankLoadSeconds,
        OptionalDouble fluidsynthStartupSeconds,
        OptionalDouble fluidsynthBatchAudio,
        OptionalDouble fluidsynthBatchWall,
        Optional<String> fluidsynthVersion,
        Optional<String> fluidsynthCommand,
        Optional<String> fluidsynthProblem,
        Machine machine) {

    public RenderBenchResult {
        files = List.copyOf(files);
        Objects.requireNonNull(settingsKey, "settingsKey");
        Objects.requireNonNull(machine, "machine");
    }

    /**
     * One file.
     *
     * @param file              the MIDI file
     * @param gervillAudio      seconds of audio Gervill rendered (0 when it failed)
     * @param gervillWall       best wall-clock seconds of Gervill's render
     * @param fluidsynthAudio   seconds of audio fluidsynth wrote, when it ran
     * @param fluidsynthWall    best wall-clock seconds of the fluidsynth call (including its start-up), when it ran
     * @param problem           why the file was left out of the totals (a render failed), if so
     */
    public record FileResult(Path file, double gervillAudio, double gervillWall, OptionalDouble fluidsynthAudio,
                             OptionalDouble fluidsynthWall, Optional<String> problem) {

        boolean counted(boolean needFluidsynth) {
            return problem.isEmpty() && (!needFluidsynth || fluidsynthWall.isPresent());
        }
    }

    /**
     * The machine the benchmark ran on.
     *
     * @param cpuModel    "model name" from /proc/cpuinfo (os.arch when unavailable)
     * @param cores       {@link Runtime#availableProcessors()}
     * @param jvm         java.vm.name + java.runtime.version
     * @param os          os.name + os.version
     * @param loadAverage /proc/loadavg at the start (1, 5, 15 min), to judge how busy a shared machine was
     */
    public record Machine(String cpuModel, int cores, String jvm, String os, String loadAverage) {
    }

    private boolean withFluidsynth() {
        return fluidsynthStartupSeconds.isPresent();
    }

    private List<FileResult> counted() {
        return files.stream().filter(f -> f.counted(withFluidsynth())).toList();
    }

    /** Seconds of audio Gervill rendered, over the counted files. */
    public double gervillAudioSeconds() {
        return counted().stream().mapToDouble(FileResult::gervillAudio).sum();
    }

    /** Wall-clock seconds Gervill took, over the counted files. */
    public double gervillWallSeconds() {
        return counted().stream().mapToDouble(FileResult::gervillWall).sum();
    }

    /** Gervill: seconds of audio per wall-clock second, one thread. */
    public double gervillRealtime() {
        return gervillAudioSeconds() / gervillWallSeconds();
    }

    /** fluidsynth CLI, a call per file as a user would run it: seconds of audio per wall-clock second. */
    public OptionalDouble fluidsynthRealtime() {
        if (!withFluidsynth()) {
            return OptionalDouble.empty();
        }
        double audio = counted().stream().mapToDouble(f -> f.fluidsynthAudio().orElseThrow()).sum();
        double wall = counted().stream().mapToDouble(f -> f.fluidsynthWall().orElseThrow()).sum();
        return OptionalDouble.of(audio / wall);
    }

    /**
     * fluidsynth given all files in one call (start-up and soundfont load paid once): its synthesis speed, the fair
     * peer of Gervill's figure.
     */
    public OptionalDouble fluidsynthBatchRealtime() {
        if (fluidsynthBatchWall.isEmpty() || fluidsynthBatchAudio.isEmpty()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(fluidsynthBatchAudio.getAsDouble() / fluidsynthBatchWall.getAsDouble());
    }

    /** Gervill's throughput divided by fluidsynth's one-call (batch) throughput (&gt; 1: Gervill is faster). */
    public OptionalDouble ratioToBatch() {
        OptionalDouble fs = fluidsynthBatchRealtime();
        return fs.isPresent() ? OptionalDouble.of(gervillRealtime() / fs.getAsDouble()) : OptionalDouble.empty();
    }

    /** Gervill's throughput divided by the fluidsynth CLI's per-call throughput. */
    public OptionalDouble ratioToCli() {
        OptionalDouble fs = fluidsynthRealtime();
        return fs.isPresent() ? OptionalDouble.of(gervillRealtime() / fs.getAsDouble()) : OptionalDouble.empty();
    }

    /** A Markdown report: machine, settings, totals, ratio, and a row per file. */
    public String toMarkdown() {
        StringBuilder b = new StringBuilder();
        b.append("| machine | |\n|---|---|\n");
        b.append("| CPU | ").append(machine.cpuModel()).append(" |\n");
        b.append("| cores | ").append(machine.cores()).append(" (renders run on one) |\n");
        b.append("| JVM | ").append(machine.jvm()).append(" |\n");
        b.append("| OS | ").append(machine.os()).append(" |\n");
        b.append("| load average at start | ").append(machine.loadAverage()).append(" |\n");
        fluidsynthVersion.ifPresent(v -> b.append("| fluidsynth | ").append(v).append(" |\n"));
        b.append("\n");
        b.append("Settings: `").append(settingsKey).append("`; soundfont `").append(soundfont).append("`; best of ")
                .append(repeats).append(" run(s) per file; Gervill's soundbank load (once per process, not counted): ")
                .append(fmt(soundbankLoadSeconds, 2)).append(" s.\n");
        fluidsynthCommand.ifPresent(c -> b.append("\nfluidsynth command per file: `").append(c).append("`\n"));
        fluidsynthStartupSeconds.ifPresent(s -> b.append("\nfluidsynth fixed cost per call (one-note file): ")
                .append(fmt(s, 3)).append(" s.\n"));
        fluidsynthProblem.ifPresent(p -> b.append("\nfluidsynth not run: ").append(p).append("\n"));
        b.append("\n| renderer | audio s | wall s | x real time (1 thread) |\n|---|---:|---:|---:|\n");
        b.append("| Gervill (MidiRenderer) | ").append(fmt(gervillAudioSeconds(), 1)).append(" | ")
                .append(fmt(gervillWallSeconds(), 2)).append(" | **").append(fmt(gervillRealtime(), 1)).append("** |\n");
        if (withFluidsynth()) {
            double audio = counted().stream().mapToDouble(f -> f.fluidsynthAudio().orElseThrow()).sum();
            double wall = counted().stream().mapToDouble(f -> f.fluidsynthWall().orElseThrow()).sum();
            b.append("| fluidsynth CLI, a call per file | ").append(fmt(audio, 1)).append(" | ").append(fmt(wall, 2))
                    .append(" | ").append(fmt(fluidsynthRealtime().getAsDouble(), 1)).append(" |\n");
            if (fluidsynthBatchRealtime().isPresent()) {
                b.append("| fluidsynth CLI, all files in one call | ").append(fmt(fluidsynthBatchAudio.getAsDouble(), 1))
                        .append(" | ").append(fmt(fluidsynthBatchWall.getAsDouble(), 2)).append(" | **")
                        .append(fmt(fluidsynthBatchRealtime().getAsDouble(), 1)).append("** |\n");
            }
            b.append("\nRatio Gervill / fluidsynth: ");
            if (ratioToBatch().isPresent()) {
                b.append("**").append(fmt(ratioToBatch().getAsDouble(), 2))
                        .append("x** against fluidsynth with all files in one call (its start-up paid once), ");
            }
            b.append(fmt(ratioToCli().getAsDouble(), 2)).append("x against the CLI called once per file.\n");
        }
        b.append("\n| file | Gervill audio s | Gervill wall s | fluidsynth audio s | fluidsynth wall s | note |\n")
                .append("|---|---:|---:|---:|---:|---|\n");
        for (FileResult f : files) {
            b.append("| ").append(f.file()).append(" | ").append(fmt(f.gervillAudio(), 1)).append(" | ")
                    .append(fmt(f.gervillWall(), 3)).append(" | ")
                    .append(f.fluidsynthAudio().isPresent() ? fmt(f.fluidsynthAudio().getAsDouble(), 1) : "-").append(" | ")
                    .append(f.fluidsynthWall().isPresent() ? fmt(f.fluidsynthWall().getAsDouble(), 3) : "-").append(" | ")
                    .append(f.problem().orElse("")).append(" |\n");
        }
        return b.toString();
    }

    private static String fmt(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
