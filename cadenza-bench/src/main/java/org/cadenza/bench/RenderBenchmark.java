package org.cadenza.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

import org.cadenza.io.BadInputException;
import org.cadenza.io.CadenzaException;
import org.cadenza.io.Parameters;
import org.cadenza.io.audio.AudioClip;
import org.cadenza.render.Effect;
import org.cadenza.render.Interpolation;
import org.cadenza.render.MidiRenderer;
import org.cadenza.render.ProgramPolicy;
import org.cadenza.render.RenderSettings;

/**
 * MIDI rendering speed: Cadenza's {@link MidiRenderer} (Gervill) beside the fluidsynth command line, on the same files,
 * soundfont, sample rate, polyphony, interpolation and effects, one file at a time on one thread.
 *
 * <p>fluidsynth runs in its "fast render" file mode, as a user would call it per file:
 * {@code fluidsynth -ni -q [-f interp.cfg] -F out.wav -r RATE -o synth.reverb.active=0 -o synth.chorus.active=0
 * -o synth.polyphony=N -o synth.cpu-cores=1 SOUNDFONT file.mid} (it writes 16-bit stereo; Gervill renders mono
 * float in memory). Its fixed cost per call (process start, soundfont load) is measured on a one-note file and
 * reported, and fluidsynth is also timed on all files in a single call (it plays them one after the other), which pays
 * its start-up once: that figure is its synthesis speed, the fair peer of Gervill's, whose soundbank is loaded once
 * per process. Gervill is warmed up (JIT) with one untimed render of the first file.
 */
public final class RenderBenchmark {

    private RenderBenchmark() {
    }

    /** {@link #run(List, RenderSettings, Optional, int)} with one timed run per file and renderer. */
    public static RenderBenchResult run(List<Path> midis, RenderSettings settings, Optional<Path> fluidsynthBinary) {
        return run(midis, settings, fluidsynthBinary, 1);
    }

    /**
     * Renders every file with Gervill and (when {@code fluidsynthBinary} is present and the soundfont is a file)
     * with fluidsynth, {@code repeats} times each, interleaved file by file; the best time per file counts.
     * A file that Gervill or fluidsynth cannot render is reported and left out of the totals.
     *
     * @param midis            MIDI files, at least one
     * @param settings         Gervill's settings; fluidsynth gets the same soundfont, sample rate, polyphony,
     *                         effects and the nearest interpolation (a fixed {@link ProgramPolicy} cannot be
     *                         imposed on fluidsynth, so it is refused here)
     * @param fluidsynthBinary the fluidsynth executable, or empty to time Gervill alone
     * @param repeats          timed runs per file and renderer, &gt;= 1
     */
    public static RenderBenchResult run(List<Path> midis, RenderSettings settings, Optional<Path> fluidsynthBinary,
                                        int repeats) {
        if (midis.isEmpty()) {
            throw new IllegalArgumentException("no MIDI files to benchmark");
        }
        Parameters.atLeast("repeats", repeats, 1);
        if (!(settings.program() instanceof ProgramPolicy.Original) && fluidsynthBinary.isPresent()) {
            throw new IllegalArgumentException("the fluidsynth comparison needs ProgramPolicy.ORIGINAL: "
                    + "fluidsynth cannot be made to play every channel with one program");
        }
        RenderBenchResult.Machine machine = machine();
        long t0 = System.nanoTime();
        MidiRenderer renderer = new MidiRenderer(settings);
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        Optional<Path> sf2 = renderer.soundbank().file();

        Optional<String> fsProblem = Optional.empty();
        Optional<Fluidsynth> fluidsynth = Optional.empty();
        if (fluidsynthBinary.isEmpty()) {
            fsProblem = Optional.of("no fluidsynth binary given");
        } else if (sf2.isEmpty()) {
            fsProblem = Optional.of("the JDK's built-in soundbank is not a file fluidsynth can load");
        } else {
            try {
                fluidsynth = Optional.of(new Fluidsynth(fluidsynthBinary.get(), sf2.get(), settings));
            } catch (CadenzaException e) {
                fsProblem = Optional.of(e.getMessage());
            }
        }

        List<RenderBenchResult.FileResult> rows = new ArrayList<>();
        OptionalDouble startup = OptionalDouble.empty();
        OptionalDouble batchAudio = OptionalDouble.empty();
        OptionalDouble batchWall = OptionalDouble.empty();
        try {
            try {
                renderer.render(midis.get(0)); // JIT warm-up, not timed
            } catch (BadInputException e) {
                // reported below with the file's row
            }
            if (fluidsynth.isPresent()) {
                startup = OptionalDouble.of(fluidsynth.get().startupSeconds(repeats));
            }
            for (Path midi : midis) {
                rows.add(timeFile(midi, renderer, fluidsynth, repeats));
            }
            if (fluidsynth.isPresent()) {
                List<Path> ok = rows.stream().filter(f -> f.problem().isEmpty()).map(RenderBenchResult.FileResult::file)
                        .toList();
                if (!ok.isEmpty()) {
                    double[] best = {0, Double.POSITIVE_INFINITY};
                    for (int r = 0; r < repeats; r++) {
                        double[] aw = fluidsynth.get().render(ok);
                        best[0] = aw[0];
                        best[1] = Math.min(best[1], aw[1]);
                    }
                    batchAudio = OptionalDouble.of(best[0]);
                    batchWall = OptionalDouble.of(best[1]);
                }
            }
        } finally {
            renderer.close();
            fluidsynth.ifPresent(Fluidsynth::cleanUp);
        }
        return new RenderBenchResult(rows, settings.key(), renderer.soundbank().identity(), repeats, loadSeconds,
                startup, batchAudio, batchWall, fluidsynth.map(Fluidsynth::version), fluidsynth.map(f -> f.commandLine(midis.get(0))),
                fsProblem, machine);
    }

    private static RenderBenchResult.FileResult timeFile(Path midi, MidiRenderer renderer,
                                                         Optional<Fluidsynth> fluidsynth, int repeats) {
        double gAudio = 0;
        double gWall = Double.POSITIVE_INFINITY;
        double fAudio = 0;
        double fWall = Double.POSITIVE_INFINITY;
        for (int r = 0; r < repeats; r++) {
            try {
                long t = System.nanoTime();
                AudioClip clip = renderer.render(midi);
                gWall = Math.min(gWall, (System.nanoTime() - t) / 1e9);
                gAudio = clip.durationSeconds();
            } catch (BadInputException e) {
                return new RenderBenchResult.FileResult(midi, 0, 0, OptionalDouble.empty(), OptionalDouble.empty(),
                        Optional.of("Gervill: " + e.problem()));
            }
            if (fluidsynth.isPresent()) {
                try {
                    double[] audioAndWall = fluidsynth.get().render(List.of(midi));
                    fAudio = audioAndWall[0];
                    fWall = Math.min(fWall, audioAndWall[1]);
                } catch (CadenzaException e) {
                    return new RenderBenchResult.FileResult(midi, gAudio, gWall, OptionalDouble.empty(),
                            OptionalDouble.empty(), Optional.of("fluidsynth: " + e.getMessage()));
                }
            }
        }
        return new RenderBenchResult.FileResult(midi, gAudio, gWall,
                fluidsynth.isPresent() ? OptionalDouble.of(fAudio) : OptionalDouble.empty(),
                fluidsynth.isPresent() ? OptionalDouble.of(fWall) : OptionalDouble.empty(), Optional.empty());
    }

    /** fluidsynth on the PATH, if any. */
    public static Optional<Path> findFluidsynth() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir, "fluidsynth");
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Describes this machine: CPU model from /proc/cpuinfo, cores, JVM, OS, load average. */
    public static RenderBenchResult.Machine machine() {
        String cpu = BenchMachine.cpuModelNow();
        String load = "n/a";
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
            load = f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return new RenderBenchResult.Machine(cpu, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version"), load);
    }

    /** The fluidsynth peer: one process per file, output to a temporary WAV that is read back for its length. */
    private static final class Fluidsynth {
        private final Path binary;
        private final Path soundfont;
        private final RenderSettings settings;
        private final Path dir;
        private final Path interpConfig;
        private final String version;

        Fluidsynth(Path binary, Path soundfont, RenderSettings settings) {
            this.binary = binary;
            this.soundfont = soundfont;
            this.settings = settings;
            try {
                this.dir = Files.createTempDirectory("cadenza-bench-render");
                this.interpConfig = dir.resolve("interp.cfg");
                // fluidsynth's shell command: interpolation of all channels (0 none, 1 linear, 4 4th order, 7 7th order)
                Files.writeString(interpConfig, "interp " + fluidsynthInterpolation(settings.interpolation()) + "\n");
            } catch (IOException e) {
                throw new CadenzaException("cannot create a temporary folder for fluidsynth: " + e, e);
            }
            this.version = run(List.of(binary.toString(), "--version"), 30).lines().findFirst().orElse("fluidsynth");
        }

        String version() {
            return version;
        }

        static int fluidsynthInterpolation(Interpolation i) {
            return switch (i) {
                case POINT -> 0;
                case LINEAR -> 1;
                case CUBIC -> 4;
                case LANCZOS, SINC -> 7;
            };
        }

        /** fluidsynth plays several MIDI files one after the other into the same WAV. */
        List<String> command(List<Path> midis, Path wav) {
            boolean reverb = settings.effects().contains(Effect.REVERB);
            boolean chorus = settings.effects().contains(Effect.CHORUS);
            List<String> cmd = new ArrayList<>(List.of(binary.toString(), "-ni", "-q", "-f", interpConfig.toString(),
                    "-F", wav.toString(), "-r", Integer.toString(settings.sampleRate()),
                    "-o", "synth.reverb.active=" + (reverb ? 1 : 0), "-o", "synth.chorus.active=" + (chorus ? 1 : 0),
                    "-o", "synth.polyphony=" + settings.maxPolyphony(), "-o", "synth.cpu-cores=1",
                    soundfont.toString()));
            midis.forEach(m -> cmd.add(m.toString()));
            return cmd;
        }

        String commandLine(Path midi) {
            return String.join(" ", command(List.of(midi), Path.of("out.wav")));
        }

        /** Renders {@code midis} in one call; returns {seconds of audio written, wall-clock seconds}. */
        double[] render(List<Path> midis) {
            Path wav = dir.resolve("out.wav");
            try {
                Files.deleteIfExists(wav);
                long t = System.nanoTime();
                run(command(midis, wav), Math.max(1, settings.timeLimit().toSeconds()) * midis.size());
                double wall = (System.nanoTime() - t) / 1e9;
                AudioFileFormat f = AudioSystem.getAudioFileFormat(wav.toFile());
                return new double[] {f.getFrameLength() / (double) f.getFormat().getFrameRate(), wall};
            } catch (IOException | UnsupportedAudioFileException e) {
                throw new CadenzaException("no readable WAV from fluidsynth for " + midis + ": " + e, e);
            }
        }

        /** Best wall-clock seconds of a call on a one-note MIDI file: fluidsynth's fixed cost per call. */
        double startupSeconds(int repeats) {
            Path tiny = dir.resolve("one-note.mid");
            try {
                Sequence seq = new Sequence(Sequence.PPQ, 480);
                Track t = seq.createTrack();
                t.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, 0, 69, 100), 0));
                t.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, 0, 69, 0), 48));
                MidiSystem.write(seq, 0, tiny.toFile());
            } catch (IOException | InvalidMidiDataException e) {
                throw new CadenzaException("cannot write a one-note MIDI file in " + dir + ": " + e, e);
            }
            double best = Double.POSITIVE_INFINITY;
            for (int i = 0; i < Math.max(3, repeats); i++) {
                best = Math.min(best, render(List.of(tiny))[1]);
            }
            return best;
        }

        private String run(List<String> cmd, long timeoutSeconds) {
            Path log = dir.resolve("fluidsynth.log");
            try {
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
                if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new CadenzaException("fluidsynth took longer than " + timeoutSeconds + " s");
                }
                String out = Files.readString(log, StandardCharsets.UTF_8);
                if (p.exitValue() != 0) {
                    throw new CadenzaException("fluidsynth exited with " + p.exitValue() + ": " + out.strip());
                }
                return out;
            } catch (IOException e) {
                throw new CadenzaException("cannot run " + cmd.get(0) + ": " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CadenzaException("interrupted while waiting for fluidsynth", e);
            }
        }

        void cleanUp() {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
                Files.deleteIfExists(dir);
            } catch (IOException e) {
                // a temporary folder left behind is harmless
            }
        }
    }
}
