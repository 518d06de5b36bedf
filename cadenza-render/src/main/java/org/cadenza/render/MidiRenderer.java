package org.cadenza.render;

import com.sun.media.sound.SoftSynthesizer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import javax.sound.midi.Instrument;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;
import javax.sound.midi.Sequence;
import org.cadenza.io.midi.MidiInspector;
import org.cadenza.io.midi.MidiLimits;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;

import org.cadenza.io.BadInputException;
import org.cadenza.io.CadenzaException;
import org.cadenza.io.ResourceLimitException;
import org.cadenza.io.audio.AudioClip;

/**
 * Renders MIDI to mono float audio offline with the JDK's Gervill synthesizer, faster than real time.
 *
 * <p>How: for each file a fresh {@code SoftSynthesizer} is opened with {@code openStream} (no sound card), loaded
 * with the shared in-memory soundbank ({@link Soundbanks}, loaded once per process), and fed the sequence's
 * messages with microsecond timestamps computed from the tempo map, a block ahead of the audio it is asked for;
 * the audio is then read from the synthesizer's stream as fast as the CPU allows. Gervill starts notes at the exact
 * sample (Gervill's fixed output latency of two control periods is removed); other messages take effect at the
 * next control period ({@link RenderSettings#CONTROL_RATE_HZ}). One exception, kept so that audio cached under the
 * {@code gervill-1} key stays valid: when the audio starts at the file's time 0 (the default), events in the first
 * 20 ms (two control periods) act one to two control periods late, e.g. a note at 0 s sounds at 10 ms; with
 * {@link RenderSettings#startAtFirstNote()} they are exact too, so the first note sounds at sample 0. After the last MIDI event rendering goes
 * on until a block is quieter than {@link RenderSettings#trimThresholdDb()} (at most
 * {@link RenderSettings#RELEASE_LIMIT_SECONDS}), then trailing audio below the threshold is cut, keeping
 * {@link RenderSettings#TRIM_KEEP_SECONDS}. Leading silence is kept, so onsets keep their times, unless
 * {@link RenderSettings#startAtFirstNote()} asks for audio that starts at the first note.
 *
 * <p>Before that, the settings' {@link Augmentation} (transposition, tempo change) is applied to a copy of the
 * sequence. With {@link RenderSettings#excerptSeconds()} rendering stops as soon as the excerpt is complete: the rest
 * of the piece is never synthesized, so a 180-s excerpt of a 20-minute piece costs about 180 s of rendering.
 *
 * <p>Gervill's own options used (see {@code docs/benchmarks/render.md} for measurements): the interpolation and
 * polyphony of the settings, reverb and chorus as in {@link RenderSettings#effects()}, auto gain control (Gervill's
 * limiter, which keeps dense passages within [-1, 1]) on, samples held in memory as float ("large mode" off, see
 * {@link Soundbanks}), a control rate of {@value RenderSettings#CONTROL_RATE_HZ} Hz instead of Gervill's 147 Hz
 * (about 30% faster), 32-bit float output read in blocks of {@value #BLOCK_FRAMES} frames.
 *
 * <p><b>Deterministic</b>: the same sequence with the same settings and soundfont gives bit-identical samples,
 * on any thread, in any order (Gervill has no random parts and each render starts from a fresh synthesizer;
 * {@code MidiRendererTest} checks it). Different JDK versions may differ.
 *
 * <p><b>Thread-safe</b>: several threads may call {@code render} at once; each call uses its own synthesizer and
 * only reads the shared soundbank. One render uses one core.
 */
public final class MidiRenderer implements AutoCloseable {

    /** Frames read from Gervill per call (about 0.37 s at 22,050 Hz). */
    static final int BLOCK_FRAMES = 8192;
    /** Gervill's control rate, Hz (see {@link RenderSettings#CONTROL_RATE_HZ}). */
    static final float CONTROL_RATE = RenderSettings.CONTROL_RATE_HZ;
    /** Control periods by which Gervill's audio lags its timeline: one, plus one for its look-ahead limiter. */
    static final int GERVILL_LATENCY_PERIODS = 2;

    private final RenderSettings settings;
    private final Soundbanks.LoadedSoundbank soundbank;
    private volatile boolean closed;

    /**
     * Loads (or takes from the process-wide cache) the soundbank of {@code settings}.
     *
     * @throws BadInputException when the soundfont is missing or corrupt
     */
    public MidiRenderer(RenderSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.soundbank = Soundbanks.load(settings.soundfont());
    }

    public RenderSettings settings() {
        return settings;
    }

    /** The soundbank in use, e.g. {@code FluidR3_GM.sf2:148398306}. */
    public Soundbanks.LoadedSoundbank soundbank() {
        return soundbank;
    }

    /**
     * Reads and renders a standard MIDI file.
     *
     * @return mono float audio at {@link RenderSettings#sampleRate()}
     * @throws BadInputException      the file is missing, not MIDI, or has nothing audible
     * @throws ResourceLimitException the piece is longer than {@link RenderSettings#maxSeconds()} or rendering takes
     *                                longer than {@link RenderSettings#timeLimit()}
     */
    public AudioClip render(Path midi) {
        return render(readSequence(midi), midi);
    }

    /**
     * Renders a sequence already in memory.
     *
     * @param nameForErrors the file named in exceptions
     * @return mono float audio at {@link RenderSettings#sampleRate()}
     * @throws BadInputException      nothing audible (no notes, or only percussion under a fixed program)
     * @throws ResourceLimitException the piece is longer than {@link RenderSettings#maxSeconds()} or rendering takes
     *                                longer than {@link RenderSettings#timeLimit()}
     */
    public AudioClip render(Sequence seq, Path nameForErrors) {
        Objects.requireNonNull(seq, "seq");
        if (closed) {
            throw new IllegalStateException("MidiRenderer is closed");
        }
        long deadline = System.nanoTime() + settings.timeLimit().toNanos();
        Sequence played = settings.augmentation().isNone() ? seq : settings.augmentation().apply(seq);
        EventSchedule schedule = EventSchedule.of(played, settings.program(), nameForErrors);
        if (schedule.noteCount() == 0) {
            throw new BadInputException(nameForErrors, settings.program() instanceof ProgramPolicy.Fixed
                    ? "no notes to render (percussion-channel notes are dropped with a fixed program)"
                    : "no notes to render");
        }
        double firstNoteSeconds = schedule.micros(schedule.firstNoteIndex()) / 1e6;
        if (settings.startAtFirstNote()) {
            schedule = schedule.startingAtFirstNote();
        }
        double seconds = schedule.endMicros() / 1e6;
        double span = Math.min(seconds, settings.excerptSeconds().orElse(Double.POSITIVE_INFINITY));
        if (span > settings.maxSeconds()) {
            throw new ResourceLimitException(nameForErrors, String.format(
                    "%.0f s of music is longer than the render limit of %.0f s", span, settings.maxSeconds()));
        }
        float[] audio = synthesize(schedule, settings.excerptFrames().orElse(Long.MAX_VALUE),
                settings.startAtFirstNote(), nameForErrors, deadline);
        int end = trimmedLength(audio, (float) settings.trimThresholdAmplitude(),
                (int) Math.round(RenderSettings.TRIM_KEEP_SECONDS * settings.sampleRate()));
        if (end == 0) {
            boolean beforeFirstNote = !settings.startAtFirstNote()
                    && firstNoteSeconds >= settings.excerptSeconds().orElse(Double.POSITIVE_INFINITY);
            String where = beforeFirstNote
                    ? String.format(" in the first %.1f s: the first note is at %.1f s (render from the first note"
                            + " to skip the leading silence)", settings.excerptSeconds().getAsDouble(), firstNoteSeconds)
                    : "";
            throw new BadInputException(nameForErrors, String.format(
                    "renders to silence: no sample reaches %.1f dBFS%s", settings.trimThresholdDb(), where));
        }
        return AudioClip.mono(end == audio.length ? audio : Arrays.copyOf(audio, end), settings.sampleRate());
    }

    /** Marks this renderer closed; the process-wide soundbank cache stays. */
    @Override
    public void close() {
        closed = true;
    }

    /**
     * Reads a MIDI file through the one gate every MIDI reader passes ({@link MidiInspector#read}): the same limits
     * and messages as ingest and the notes route, format 2 included.
     */
    static Sequence readSequence(Path midi) {
        return MidiInspector.read(midi, MidiLimits.DEFAULTS);
    }

    private Map<String, Object> gervillOptions() {
        Map<String, Object> info = new HashMap<>();
        info.put("interpolation", settings.interpolation().gervillName());
        info.put("max polyphony", settings.maxPolyphony());
        info.put("reverb", settings.effects().contains(Effect.REVERB));
        info.put("chorus", settings.effects().contains(Effect.CHORUS));
        info.put("auto gain control", true);
        info.put("large mode", false);
        info.put("load default soundbank", false);
        info.put("jitter correction", false);
        info.put("control rate", CONTROL_RATE);
        return info;
    }

    /**
     * Renders {@code schedule} until its notes have released (see the class comment) or {@code limitFrames} frames
     * exist, whichever comes first; the result is at most {@code limitFrames} long.
     *
     * @param exactStart also place events in the first 20 ms (two control periods) at their exact time; false keeps
     *                   the timing of {@link RenderSettings#KEY_VERSION} {@code gervill-1} renders, where they act
     *                   10-20 ms late (changing it would change audio already cached under the same key)
     */
    private float[] synthesize(EventSchedule schedule, long limitFrames, boolean exactStart, Path nameForErrors,
                               long deadline) {
        int rate = settings.sampleRate();
        AudioFormat format = new AudioFormat(AudioFormat.Encoding.PCM_FLOAT, rate, 32, 1, 4, rate, false);
        float threshold = (float) settings.trimThresholdAmplitude();
        long endFrame = (long) Math.ceil(schedule.endMicros() * 1e-6 * rate);
        long lastFrame = endFrame + (long) Math.ceil(RenderSettings.RELEASE_LIMIT_SECONDS * rate);
        // events are sent this far ahead of the block being read (one block plus two control periods)
        long lookaheadMicros = (long) ((BLOCK_FRAMES + 2.0 * rate / CONTROL_RATE) * 1e6 / rate);

        SoftSynthesizer synth = new SoftSynthesizer();
        try {
            AudioInputStream stream = synth.openStream(format, gervillOptions());
            for (Instrument instrument : soundbank.instrumentsFor(schedule.programsUsed(), schedule.usesPercussion())) {
                if (!synth.loadInstrument(instrument)) {
                    throw new CadenzaException("Gervill could not load " + instrument.getName() + " from " + soundbank);
                }
            }
            Receiver receiver = synth.getReceiver();
            for (javax.sound.midi.MidiMessage m : schedule.setup()) {
                receiver.send(m, -1);
            }
            // Gervill's output lags its timeline by one control period, plus one more for the look-ahead limiter:
            // drop those frames so that a note timed at t seconds sounds at sample t * rate
            int latency = GERVILL_LATENCY_PERIODS * (int) (rate / CONTROL_RATE);
            int next = 0;
            int events = schedule.size();
            if (exactStart) {
                // sent before the latency frames are processed, events in the first two control periods keep their
                // time too (sent after, as the gervill-1 default does, they act at the third period: 10-20 ms late)
                long sendUntil = (long) (latency * 1e6 / rate) + lookaheadMicros;
                while (next < events && schedule.micros(next) <= sendUntil) {
                    receiver.send(schedule.message(next), schedule.micros(next));
                    next++;
                }
            }
            readFully(stream, new byte[latency * 4]);
            byte[] bytes = new byte[BLOCK_FRAMES * 4];
            FloatBuffer floats = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
            float[] out = new float[(int) Math.min(Integer.MAX_VALUE - 16,
                    Math.min(endFrame + rate, limitFrames) + BLOCK_FRAMES)];
            int frames = 0;
            while (true) {
                long sendUntil = (long) ((frames + latency) * 1e6 / rate) + lookaheadMicros;
                while (next < events && schedule.micros(next) <= sendUntil) {
                    receiver.send(schedule.message(next), schedule.micros(next));
                    next++;
                }
                readFully(stream, bytes);
                if (frames + BLOCK_FRAMES > out.length) {
                    out = Arrays.copyOf(out, (int) Math.min(Integer.MAX_VALUE - 16, out.length + (long) out.length / 2 + BLOCK_FRAMES));
                }
                floats.rewind();
                floats.get(out, frames, BLOCK_FRAMES);
                float peak = 0;
                for (int i = frames; i < frames + BLOCK_FRAMES; i++) {
                    peak = Math.max(peak, Math.abs(out[i]));
                }
                frames += BLOCK_FRAMES;
                if (System.nanoTime() - deadline > 0) {
                    throw new ResourceLimitException(nameForErrors, String.format(
                            "rendering took longer than the limit of %.1f s (%.1f of %.1f s of music rendered)",
                            settings.timeLimit().toNanos() / 1e9, (double) frames / rate,
                            Math.min(schedule.endMicros() / 1e6, (double) limitFrames / rate)));
                }
                if (frames >= limitFrames
                        || next == events && frames >= endFrame && (peak < threshold || frames >= lastFrame)) {
                    break;
                }
            }
            int length = (int) Math.min(frames, limitFrames);
            return length == out.length ? out : Arrays.copyOf(out, length);
        } catch (MidiUnavailableException e) {
            throw new CadenzaException("cannot open Gervill for " + nameForErrors + ": " + e, e);
        } catch (IOException e) {
            throw new CadenzaException("reading Gervill's audio stream for " + nameForErrors + " failed: " + e, e);
        } finally {
            synth.close();
        }
    }

    private static void readFully(AudioInputStream stream, byte[] buffer) throws IOException {
        int off = 0;
        while (off < buffer.length) {
            int n = stream.read(buffer, off, buffer.length - off);
            if (n < 0) {
                throw new IOException("Gervill's stream ended early");
            }
            off += n;
        }
    }

    /**
     * Length after cutting trailing audio below {@code threshold}: the index after the last sample whose magnitude
     * reaches {@code threshold}, plus {@code keepFrames} (bounded by the length); 0 when no sample reaches it.
     */
    static int trimmedLength(float[] audio, float threshold, int keepFrames) {
        for (int i = audio.length - 1; i >= 0; i--) {
            if (Math.abs(audio[i]) >= threshold) {
                return (int) Math.min(audio.length, (long) i + 1 + keepFrames);
            }
        }
        return 0;
    }
}
