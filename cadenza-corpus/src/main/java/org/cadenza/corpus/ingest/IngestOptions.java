package org.cadenza.corpus.ingest;

import org.cadenza.io.Parameters;
import org.cadenza.io.archive.SafeZip;
import org.cadenza.io.audio.AudioDecoder;
import org.cadenza.io.midi.MidiLimits;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How {@link Ingestor} validates files.
 *
 * @param midiLimits      limits every MIDI file must meet (default {@link MidiLimits#DEFAULTS}: 3 h, 64 MiB,
 *                        4..1200 BPM)
 * @param maxAudioSeconds longest accepted audio file, in seconds, read from its header (default
 *                        {@value AudioDecoder#DEFAULT_MAX_SECONDS} s = 3 h); &gt; 0
 * @param zipLimits       limits for reading source zips (default {@link SafeZip.Limits#DEFAULTS}: 10,000 entries,
 *                        256 MiB per member, 2 GiB in all, compression ratio 200)
 * @param threads         threads that hash and validate files in parallel (default {@link #DEFAULT_THREADS});
 *                        catalog writes stay on one thread, in file order, so results do not depend on it
 * @param csvRoot         the folder that the relative paths of a labels CSV are relative to (default: empty = the
 *                        CSV's own folder); e.g. the asap dataset folder for a benchmark's split.csv kept elsewhere
 */
public record IngestOptions(MidiLimits midiLimits, double maxAudioSeconds, SafeZip.Limits zipLimits, int threads,
                            Optional<Path> csvRoot) {

    /** Default validation threads: the available processors, at most 4. */
    public static final int DEFAULT_THREADS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

    /** All defaults. */
    public static final IngestOptions DEFAULTS = builder().build();

    public IngestOptions {
        Parameters.nonNull("midiLimits, zipLimits, csvRoot", midiLimits, zipLimits, csvRoot);
        Parameters.finitePositive("maxAudioSeconds", maxAudioSeconds, "s");
        Parameters.atLeast("threads", threads, 1);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder: every option has a default ({@code optX}). */
    public static final class Builder {
        private MidiLimits midiLimits = MidiLimits.DEFAULTS;
        private double maxAudioSeconds = AudioDecoder.DEFAULT_MAX_SECONDS;
        private SafeZip.Limits zipLimits = SafeZip.Limits.DEFAULTS;
        private int threads = DEFAULT_THREADS;
        private Optional<Path> csvRoot = Optional.empty();

        private Builder() {
        }

        public Builder optMidiLimits(MidiLimits v) {
            this.midiLimits = v;
            return this;
        }

        public Builder optMaxAudioSeconds(double v) {
            this.maxAudioSeconds = v;
            return this;
        }

        public Builder optZipLimits(SafeZip.Limits v) {
            this.zipLimits = v;
            return this;
        }

        public Builder optThreads(int v) {
            this.threads = v;
            return this;
        }

        public Builder optCsvRoot(Path v) {
            this.csvRoot = Optional.of(v);
            return this;
        }

        public IngestOptions build() {
            return new IngestOptions(midiLimits, maxAudioSeconds, zipLimits, threads, csvRoot);
        }
    }
}
