package org.cadenza.render;

import org.cadenza.io.Parameters;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Everything that decides how {@link MidiRenderer} turns MIDI into audio. Build with
 * {@code RenderSettings.builder().optSoundfont(path).optProgram(ProgramPolicy.parse("piano")).build()};
 * {@link #DEFAULTS} holds every default.
 *
 * @param soundfont        the {@code .sf2} file to play with; empty = the default: Debian's
 *                         {@code /usr/share/sounds/sf2/FluidR3_GM.sf2} when present, else
 *                         {@code /usr/share/sounds/sf2/TimGM6mb.sf2}, else the JDK's built-in emergency bank
 *                         (see {@link Soundbanks#resolve(Optional)}); {@link Soundbanks#JDK_BANK} = that built-in
 *                         bank even when a default soundfont is installed
 * @param program          which instruments play (default {@link ProgramPolicy#ORIGINAL}); with a
 *                         {@link ProgramPolicy.Fixed} program every channel plays it and percussion-channel notes are
 *                         dropped
 * @param sampleRate       output sample rate in Hz (default {@value #DEFAULT_SAMPLE_RATE}); output is always mono
 *                         32-bit float in [-1, 1]
 * @param trimThresholdDb  trailing audio quieter than this (dBFS, peak; default {@value #DEFAULT_TRIM_THRESHOLD_DB})
 *                         is cut, keeping {@value #TRIM_KEEP_SECONDS} s after the last louder sample; must be &lt; 0
 * @param timeLimit        wall-clock limit for rendering one file (default 300 s); beyond it the render stops with a
 *                         {@link org.cadenza.io.ResourceLimitException}
 * @param maxSeconds       longest piece accepted, in seconds of audio (default {@value #DEFAULT_MAX_SECONDS} = 3 h);
 *                         a longer file is refused with a {@link org.cadenza.io.ResourceLimitException} before rendering.
 *                         What is compared is the span that would be rendered: after the augmentation, from the start
 *                         point, at most {@link #excerptSeconds()}
 * @param interpolation    sample interpolation (default {@link Interpolation#LINEAR}, Gervill's default; see
 *                         {@code docs/benchmarks/render.md} for the speed of each)
 * @param maxPolyphony     most voices sounding at once (default {@value #DEFAULT_MAX_POLYPHONY}); beyond it Gervill
 *                         steals the oldest voices
 * @param effects          Gervill effects applied (default none: reverb and chorus off, a dry and faster render)
 * @param startAtFirstNote when true, the audio starts at the first note-on that is played (sample 0 = its onset):
 *                         leading silence is dropped, and the events before that note (program changes,
 *                         controllers, pedal) still take effect before it. Every onset is sample-exact in this mode,
 *                         including those in the first 20 ms, which the default mode plays 10-20 ms late (see
 *                         {@link MidiRenderer}). Default false: the audio starts at the
 *                         file's time 0, so onsets keep their times in the file. The first note is the first
 *                         note-on after the {@link ProgramPolicy} (percussion dropped under a fixed program does not
 *                         count) and after the {@link #augmentation()} (a tempo change also scales the silence)
 * @param excerptSeconds   render only this many seconds of audio, counted from the start point (time 0, or the first
 *                         note with {@code startAtFirstNote}); empty (default) = the whole piece. Rendering stops at
 *                         the excerpt end (the rest is never synthesized) and notes still sounding there are cut,
 *                         release tail included. The clip is exactly this long when the piece goes on beyond it and is
 *                         audible at the cut; otherwise trailing silence is trimmed as always, so it can be shorter.
 *                         Must be finite and &gt; 0
 * @param augmentation     transposition and tempo change applied to (a copy of) the MIDI before rendering
 *                         (default {@link Augmentation#NONE})
 */
public record RenderSettings(
        Optional<Path> soundfont,
        ProgramPolicy program,
        int sampleRate,
        double trimThresholdDb,
        Duration timeLimit,
        double maxSeconds,
        Interpolation interpolation,
        int maxPolyphony,
        Set<Effect> effects,
        boolean startAtFirstNote,
        OptionalDouble excerptSeconds,
        Augmentation augmentation) {

    /** Default output sample rate, Hz. */
    public static final int DEFAULT_SAMPLE_RATE = 22_050;
    /** Default trailing-silence threshold, dBFS (peak). */
    public static final double DEFAULT_TRIM_THRESHOLD_DB = -60.0;
    /** Default per-file wall-clock limit. */
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(300);
    /** Default longest accepted piece, seconds of audio (3 hours). */
    public static final double DEFAULT_MAX_SECONDS = 3 * 3600.0;
    /** Default sample interpolation. */
    public static final Interpolation DEFAULT_INTERPOLATION = Interpolation.LINEAR;
    /** Default polyphony (voices). */
    public static final int DEFAULT_MAX_POLYPHONY = 128;

    /** Seconds of (quiet) audio kept after the last sample above the trim threshold. */
    public static final double TRIM_KEEP_SECONDS = 0.1;
    /**
     * At most this many seconds are rendered after the last MIDI event, for notes to release; rendering stops earlier
     * once a block of audio stays below the trim threshold. Notes still held at the end are cut here.
     */
    public static final double RELEASE_LIMIT_SECONDS = 4.0;

    /**
     * Gervill's control rate, Hz: envelopes, LFOs, filters and volume are recomputed this often (and ramped linearly in
     * between), and messages other than note-on take effect on this grid; note-ons are sample-exact. Gervill's own
     * default is 147 Hz; 100 Hz (a 10 ms grid, finer than a typical 23 ms spectrogram hop) renders about 30% faster.
     */
    public static final float CONTROL_RATE_HZ = 100f;

    /** Version of the rendering recipe; part of {@link #key()}, bumped when the same settings would sound different. */
    public static final String KEY_VERSION = "gervill-1";

    /** All defaults. */
    public static final RenderSettings DEFAULTS = builder().build();

    public RenderSettings {
        Parameters.nonNull("soundfont, program, timeLimit, interpolation, effects, excerptSeconds, augmentation",
                soundfont, program, timeLimit, interpolation, effects, excerptSeconds, augmentation);
        if (sampleRate < 8_000 || sampleRate > 192_000) {
            throw new IllegalArgumentException("sampleRate must be 8000..192000 Hz, got " + sampleRate);
        }
        if (!(trimThresholdDb < 0) || Double.isInfinite(trimThresholdDb)) {
            throw new IllegalArgumentException("trimThresholdDb must be a finite dBFS value < 0, got " + trimThresholdDb);
        }
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("timeLimit must be > 0, got " + timeLimit);
        }
        if (!(maxSeconds > 0) || Double.isInfinite(maxSeconds)) {
            throw new IllegalArgumentException("maxSeconds must be a finite number of seconds > 0, got " + maxSeconds);
        }
        if (maxPolyphony < 1 || maxPolyphony > 1024) {
            throw new IllegalArgumentException("maxPolyphony must be 1..1024 voices, got " + maxPolyphony);
        }
        if (excerptSeconds.isPresent()
                && (!(excerptSeconds.getAsDouble() > 0) || Double.isInfinite(excerptSeconds.getAsDouble()))) {
            throw new IllegalArgumentException("excerptSeconds must be a finite number of seconds > 0, got "
                    + excerptSeconds.getAsDouble());
        }
        effects = effects.isEmpty() ? Collections.unmodifiableSet(EnumSet.noneOf(Effect.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(effects));
    }

    /** The trim threshold as a linear peak amplitude in (0, 1): {@code 10^(trimThresholdDb / 20)}. */
    public double trimThresholdAmplitude() {
        return Math.pow(10.0, trimThresholdDb / 20.0);
    }

    /**
     * A canonical string of every parameter that can change the rendered samples, for artifact cache keys:
     * the recipe version, the soundfont actually used (file name and size in bytes, after default resolution),
     * program policy, sample rate, trim threshold, kept tail, release limit, interpolation, polyphony and effects;
     * then, only when they differ from their defaults (so that settings without them keep the key they always had),
     * {@code ;start=first-note}, {@code ;excerpt=<seconds>s} and {@code ;augment=<}{@link Augmentation#key()}{@code >}.
     * The two safety limits ({@link #timeLimit()}, {@link #maxSeconds()}) are left out on purpose: they decide
     * whether a render is refused, never what a finished render sounds like, so raising a limit must not
     * invalidate audio already rendered.
     *
     * @throws org.cadenza.io.BadInputException when the configured soundfont file does not exist
     */
    public String key() {
        return keyWithSoundbank(Soundbanks.identity(Soundbanks.resolve(soundfont)));
    }

    /**
     * {@link #key()} as it reads with a soundbank of identity {@code soundbankIdentity} ({@link Soundbanks#identity},
     * e.g. {@code FluidR3_GM.sf2:148398306} or {@value Soundbanks#JDK_EMERGENCY}) instead of this one's: to recognise
     * audio these settings made with another bank (the default changed since), without the bank's file.
     */
    public String keyWithSoundbank(String soundbankIdentity) {
        Objects.requireNonNull(soundbankIdentity, "soundbankIdentity");
        String effectKey = effects.isEmpty() ? "none"
                : effects.stream().map(e -> e.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining("+"));
        return KEY_VERSION
                + ";soundfont=" + soundbankIdentity
                + ";program=" + program.key()
                + ";rate=" + sampleRate
                + ";trim=" + trimThresholdDb + "dB"
                + ";keep=" + TRIM_KEEP_SECONDS + "s"
                + ";release=" + RELEASE_LIMIT_SECONDS + "s"
                + ";interp=" + interpolation.gervillName()
                + ";poly=" + maxPolyphony
                + ";effects=" + effectKey
                + ";control=" + CONTROL_RATE_HZ + "Hz"
                + ";mono-float"
                + (startAtFirstNote ? ";start=first-note" : "")
                + (excerptSeconds.isPresent() ? ";excerpt=" + excerptSeconds.getAsDouble() + "s" : "")
                + (augmentation.isNone() ? "" : ";augment=" + augmentation.key());
    }

    /**
     * The soundbank identity ({@link Soundbanks#identity}) a {@link #key()} names, e.g. {@code FluidR3_GM.sf2:148398306}.
     *
     * @throws IllegalArgumentException when {@code key} names no soundfont
     */
    public static String soundbankOfKey(String key) {
        int at = key.indexOf(";soundfont=");
        if (at < 0) {
            throw new IllegalArgumentException("not a render key (no soundfont): " + key);
        }
        int from = at + ";soundfont=".length();
        int end = key.indexOf(';', from);
        return end < 0 ? key.substring(from) : key.substring(from, end);
    }

    /**
     * These settings with the soundbank they resolve to now pinned ({@link Soundbanks#pin}): the same {@link #key()}
     * and the same audio, but no longer following the default when another soundfont is installed.
     */
    public RenderSettings pinned() {
        return toBuilder().optSoundfont(Soundbanks.pin(soundfont)).build();
    }

    /**
     * Frames of audio an excerpt holds at {@link #sampleRate()} ({@code round(excerptSeconds * sampleRate)}, at least
     * 1), or empty when the whole piece is rendered.
     */
    public OptionalLong excerptFrames() {
        return excerptSeconds.isPresent()
                ? OptionalLong.of(Math.max(1, Math.round(excerptSeconds.getAsDouble() * sampleRate)))
                : OptionalLong.empty();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.soundfont = soundfont;
        b.program = program;
        b.sampleRate = sampleRate;
        b.trimThresholdDb = trimThresholdDb;
        b.timeLimit = timeLimit;
        b.maxSeconds = maxSeconds;
        b.interpolation = interpolation;
        b.maxPolyphony = maxPolyphony;
        b.effects = EnumSet.noneOf(Effect.class);
        b.effects.addAll(effects);
        b.startAtFirstNote = startAtFirstNote;
        b.excerptSeconds = excerptSeconds;
        b.augmentation = augmentation;
        return b;
    }

    /** Builder; every parameter has a default (see {@link RenderSettings}), so all setters are {@code optX}. */
    public static final class Builder {
        private Optional<Path> soundfont = Optional.empty();
        private ProgramPolicy program = ProgramPolicy.ORIGINAL;
        private int sampleRate = DEFAULT_SAMPLE_RATE;
        private double trimThresholdDb = DEFAULT_TRIM_THRESHOLD_DB;
        private Duration timeLimit = DEFAULT_TIME_LIMIT;
        private double maxSeconds = DEFAULT_MAX_SECONDS;
        private Interpolation interpolation = DEFAULT_INTERPOLATION;
        private int maxPolyphony = DEFAULT_MAX_POLYPHONY;
        private EnumSet<Effect> effects = EnumSet.noneOf(Effect.class);
        private boolean startAtFirstNote = false;
        private OptionalDouble excerptSeconds = OptionalDouble.empty();
        private Augmentation augmentation = Augmentation.NONE;

        private Builder() {
        }

        /** The {@code .sf2} soundfont to use instead of the default. */
        public Builder optSoundfont(Path sf2) {
            this.soundfont = Optional.of(Objects.requireNonNull(sf2, "sf2"));
            return this;
        }

        /** The soundfont, or empty for the default. */
        public Builder optSoundfont(Optional<Path> sf2) {
            this.soundfont = Objects.requireNonNull(sf2, "sf2");
            return this;
        }

        /** Which instruments play; see {@link ProgramPolicy#parse(String)}. */
        public Builder optProgram(ProgramPolicy policy) {
            this.program = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** Output sample rate, Hz. */
        public Builder optSampleRate(int hz) {
            this.sampleRate = hz;
            return this;
        }

        /** Trailing-silence threshold, dBFS (&lt; 0). */
        public Builder optTrimThresholdDb(double dbfs) {
            this.trimThresholdDb = dbfs;
            return this;
        }

        /** Wall-clock limit per file. */
        public Builder optTimeLimit(Duration limit) {
            this.timeLimit = Objects.requireNonNull(limit, "limit");
            return this;
        }

        /** Longest accepted piece, seconds of audio. */
        public Builder optMaxSeconds(double seconds) {
            this.maxSeconds = seconds;
            return this;
        }

        /** Sample interpolation. */
        public Builder optInterpolation(Interpolation interpolation) {
            this.interpolation = Objects.requireNonNull(interpolation, "interpolation");
            return this;
        }

        /** Most simultaneous voices. */
        public Builder optMaxPolyphony(int voices) {
            this.maxPolyphony = voices;
            return this;
        }

        /** Effects to switch on (default none). */
        public Builder optEffects(Set<Effect> effects) {
            this.effects = effects.isEmpty() ? EnumSet.noneOf(Effect.class) : EnumSet.copyOf(effects);
            return this;
        }

        /**
         * Whether the audio starts at the first note (true) or at the file's time 0 (false, the default); see
         * {@link RenderSettings#startAtFirstNote()}.
         */
        public Builder optStartAtFirstNote(boolean fromFirstNote) {
            this.startAtFirstNote = fromFirstNote;
            return this;
        }

        /**
         * Render only the first {@code seconds} of audio from the start point (e.g. 180 for the asap-composer10
         * benchmark); see {@link RenderSettings#excerptSeconds()}.
         */
        public Builder optExcerptSeconds(double seconds) {
            this.excerptSeconds = OptionalDouble.of(seconds);
            return this;
        }

        /** The excerpt length in seconds, or empty for the whole piece (the default). */
        public Builder optExcerptSeconds(OptionalDouble seconds) {
            this.excerptSeconds = Objects.requireNonNull(seconds, "seconds");
            return this;
        }

        /** Transposition and tempo change applied to the MIDI before rendering (default {@link Augmentation#NONE}). */
        public Builder optAugmentation(Augmentation augmentation) {
            this.augmentation = Objects.requireNonNull(augmentation, "augmentation");
            return this;
        }

        public RenderSettings build() {
            return new RenderSettings(soundfont, program, sampleRate, trimThresholdDb, timeLimit, maxSeconds,
                    interpolation, maxPolyphony, effects, startAtFirstNote, excerptSeconds, augmentation);
        }
    }
}
