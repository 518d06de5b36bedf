package org.cadenza.io.audio;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avformat.AVFMT_DURATION_FROM_BITRATE;
import static org.bytedeco.ffmpeg.global.avformat.av_find_best_stream;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_STREAM_NOT_FOUND;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AV_CHANNEL_ORDER_UNSPEC;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLT;
import static org.bytedeco.ffmpeg.global.avutil.AV_TIME_BASE;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_copy;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_default;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_uninit;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;
import static org.bytedeco.ffmpeg.global.avutil.av_q2d;
import static org.bytedeco.ffmpeg.global.swresample.swr_alloc_set_opts2;
import static org.bytedeco.ffmpeg.global.swresample.swr_convert;
import static org.bytedeco.ffmpeg.global.swresample.swr_free;
import static org.bytedeco.ffmpeg.global.swresample.swr_init;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVChannelLayout;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swresample.SwrContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.cadenza.io.BadInputException;
import org.cadenza.io.InputFiles;
import org.cadenza.io.ResourceLimitException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes audio files (WAV, FLAC, MP3, Ogg/Vorbis and whatever else the bundled FFmpeg reads) through JavaCV's
 * FFmpeg bindings, at the file's own sample rate and channel count. Nothing is resampled or down-mixed here: use
 * {@link Resampler} and {@link AudioClip#toMono()} for that.
 *
 * <p>Only the local file is opened (FFmpeg's protocol whitelist is {@code file}, so playlists cannot make it
 * fetch anything else). FFmpeg's console log is silenced; every problem is a {@link BadInputException} naming
 * the file and FFmpeg's own description. Thread-safe: each call uses its own FFmpeg contexts.
 */
public final class AudioDecoder {

    /** Default longest accepted audio: 3 hours, in seconds (a 3 h stereo 48 kHz clip takes about 4 GB). */
    public static final double DEFAULT_MAX_SECONDS = 3 * 3600.0;

    /** Fraction of packets that may fail to decode (logged) before the file is rejected as damaged. */
    static final double MAX_BAD_PACKET_FRACTION = 0.01;

    private static final Logger LOG = LoggerFactory.getLogger(AudioDecoder.class);
    private static final int MAX_SAMPLES = Integer.MAX_VALUE - 16;

    private AudioDecoder() {
    }

    /**
     * Reads the header of an audio file: sample rate, channels, duration, codec. Decodes nothing (reads all
     * packets, still without decoding, only for the rare containers that declare no duration at all).
     *
     * @throws BadInputException the file is missing, unreadable, empty, not audio, or its codec is unsupported
     */
    public static AudioInfo probe(Path file) {
        try (Input in = Input.open(file)) {
            AVCodecParameters par = in.stream.codecpar();
            double seconds = in.declaredSeconds();
            if (seconds < 0) {
                seconds = in.scanPacketSeconds();
            }
            return new AudioInfo(file, par.sample_rate(), par.ch_layout().nb_channels(), seconds, in.codecName,
                    in.fmt.iformat().name().getString());
        }
    }

    /**
     * Decodes a whole file, at most {@value #DEFAULT_MAX_SECONDS} s long.
     *
     * @return interleaved float samples in [-1, 1] at the file's own sample rate and channel count
     * @see #decode(Path, double)
     */
    public static AudioClip decode(Path file) {
        return decode(file, DEFAULT_MAX_SECONDS);
    }

    /**
     * Decodes a whole file.
     *
     * @param maxSeconds longest accepted audio, in seconds (&gt; 0); checked against the header before decoding
     *                   and again while decoding (headers can lie)
     * @return interleaved float samples in [-1, 1] (decoders that overshoot are clipped) at the file's own
     *         sample rate and channel count
     * @throws BadInputException      missing, unreadable, empty, not audio, unsupported codec, truncated (fewer
     *                                samples than its header declares) or damaged (more than 1% of the packets
     *                                fail to decode, or a read error)
     * @throws ResourceLimitException longer than {@code maxSeconds}
     */
    public static AudioClip decode(Path file, double maxSeconds) {
        if (!(maxSeconds > 0)) {
            throw new IllegalArgumentException("maxSeconds must be > 0 s, got " + maxSeconds);
        }
        try (Input in = Input.open(file)) {
            return in.decodeAll(maxSeconds);
        }
    }

    static String hms(double seconds) {
        long s = (long) Math.floor(seconds);
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }

    /**
     * FFmpeg's WAV reader quietly shortens a 'data' chunk that runs past the end of the file, so a truncated WAV
     * would decode as a shorter, valid one. This walks the RIFF chunks and compares the declared 'data' size with
     * what the file holds. Sizes 0 and 0xFFFFFFFF (streamed WAVs that never went back to fill them in) are "unknown"
     * and accepted.
     */
    static void checkWavDataChunk(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            ByteBuffer head = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
            if (ch.read(head, 0) < 12 || !"RIFF".equals(fourCc(head, 0)) || !"WAVE".equals(fourCc(head, 8))) {
                return; // RF64, W64 and other variants: nothing to compare
            }
            long byteRate = 0;
            long pos = 12;
            ByteBuffer chunk = ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN);
            while (pos + 8 <= size) {
                chunk.clear();
                ch.read(chunk, pos);
                String id = fourCc(chunk, 0);
                long length = Integer.toUnsignedLong(chunk.getInt(4));
                if (id.equals("fmt ") && chunk.position() >= 20) {
                    byteRate = Integer.toUnsignedLong(chunk.getInt(16)); // fmt body: tag, channels, rate, byte rate
                }
                if (id.equals("data")) {
                    long available = size - pos - 8;
                    if (length != 0 && length < 0xFFFF_FFF0L && available < length) {
                        String declared = byteRate > 0
                                ? String.format(Locale.ROOT, "%.3f s (%d bytes)", (double) length / byteRate, length)
                                : length + " bytes";
                        String holds = byteRate > 0
                                ? String.format(Locale.ROOT, "%.3f s (%d bytes)", (double) available / byteRate,
                                available)
                                : available + " bytes";
                        throw new BadInputException(file, "truncated audio: the WAV header declares " + declared
                                + " of audio data but the file holds only " + holds);
                    }
                    return;
                }
                pos += 8 + length + (length & 1);
            }
        } catch (IOException e) {
            throw new BadInputException(file, "cannot read the file: " + e, e);
        }
    }

    private static String fourCc(ByteBuffer b, int at) {
        byte[] id = new byte[4];
        for (int i = 0; i < 4; i++) {
            id[i] = b.get(at + i);
        }
        return new String(id, StandardCharsets.ISO_8859_1);
    }

    /** An opened container with its best audio stream. */
    private static final class Input implements AutoCloseable {
        final Path file;
        final AVFormatContext fmt;
        final int streamIndex;
        final AVStream stream;
        final AVCodec decoder;
        final String codecName;

        private Input(Path file, AVFormatContext fmt, int streamIndex, AVCodec decoder, String codecName) {
            this.file = file;
            this.fmt = fmt;
            this.streamIndex = streamIndex;
            this.stream = fmt.streams(streamIndex);
            this.decoder = decoder;
            this.codecName = codecName;
        }

        static Input open(Path file) {
            InputFiles.requireReadable(file, "an audio file", "audio");
            Ffmpeg.init();
            AVFormatContext fmt = new AVFormatContext(null);
            AVDictionary opts = new AVDictionary(null);
            av_dict_set(opts, "protocol_whitelist", "file", 0);
            int r = avformat_open_input(fmt, Ffmpeg.fileUrl(file), null, opts);
            av_dict_free(opts);
            if (r < 0) {
                throw new BadInputException(file, "not an audio file FFmpeg can read: " + Ffmpeg.error(r));
            }
            boolean ok = false;
            try {
                r = avformat_find_stream_info(fmt, (PointerPointer<?>) null);
                if (r < 0) {
                    throw new BadInputException(file, "corrupt or truncated audio: FFmpeg cannot read the stream"
                            + " parameters: " + Ffmpeg.error(r));
                }
                String container = fmt.iformat().name().getString();
                int idx = av_find_best_stream(fmt, AVMEDIA_TYPE_AUDIO, -1, -1, (AVCodec) null, 0);
                if (idx == AVERROR_STREAM_NOT_FOUND) {
                    throw new BadInputException(file, "no audio stream: FFmpeg reads it as '" + container + "' with "
                            + fmt.nb_streams() + " stream(s), none of them audio");
                }
                if (idx < 0) {
                    throw new BadInputException(file, "no usable audio stream: " + Ffmpeg.error(idx));
                }
                AVCodecParameters par = fmt.streams(idx).codecpar();
                String codec = avcodec_get_name(par.codec_id()).getString();
                AVCodec decoder = avcodec_find_decoder(par.codec_id());
                if (decoder == null || decoder.isNull()) {
                    throw new BadInputException(file, String.format(Locale.ROOT,
                            "unsupported codec '%s' (codec tag 0x%x in a '%s' container): FFmpeg has no decoder for it",
                            codec, par.codec_tag(), container));
                }
                if (par.sample_rate() <= 0 || par.ch_layout().nb_channels() < 1) {
                    throw new BadInputException(file, "corrupt audio header: " + par.sample_rate() + " Hz, "
                            + par.ch_layout().nb_channels() + " channels");
                }
                if (container.equals("wav")) {
                    checkWavDataChunk(file);
                }
                Input in = new Input(file, fmt, idx, decoder, codec);
                ok = true;
                return in;
            } finally {
                if (!ok) {
                    avformat_close_input(fmt);
                }
            }
        }

        /** Duration the container declares or estimates, in seconds; -1 when it has none. */
        double declaredSeconds() {
            if (stream.duration() != AV_NOPTS_VALUE && stream.duration() > 0) {
                return stream.duration() * av_q2d(stream.time_base());
            }
            if (fmt.duration() != AV_NOPTS_VALUE && fmt.duration() > 0) {
                return fmt.duration() / (double) AV_TIME_BASE;
            }
            return -1;
        }

        /** Whether {@link #declaredSeconds()} comes from the header rather than a bit-rate guess. */
        boolean durationIsDeclared() {
            return stream.duration() != AV_NOPTS_VALUE && stream.duration() > 0
                    && fmt.duration_estimation_method() != AVFMT_DURATION_FROM_BITRATE;
        }

        double scanPacketSeconds() {
            AVPacket pkt = av_packet_alloc();
            try {
                long total = 0;
                while (av_read_frame(fmt, pkt) >= 0) {
                    if (pkt.stream_index() == streamIndex && pkt.duration() > 0) {
                        total += pkt.duration();
                    }
                    av_packet_unref(pkt);
                }
                return total * av_q2d(stream.time_base());
            } finally {
                av_packet_free(pkt);
            }
        }

        AudioClip decodeAll(double maxSeconds) {
            AVCodecContext ctx = avcodec_alloc_context3(decoder);
            AVPacket pkt = av_packet_alloc();
            AVFrame frame = av_frame_alloc();
            Decoding d = null;
            try {
                int r = avcodec_parameters_to_context(ctx, stream.codecpar());
                if (r >= 0) {
                    ctx.pkt_timebase(stream.time_base());
                    r = avcodec_open2(ctx, decoder, (AVDictionary) null);
                }
                if (r < 0) {
                    throw new BadInputException(file, "cannot open the '" + codecName + "' decoder: "
                            + Ffmpeg.error(r));
                }
                int rate = ctx.sample_rate();
                int channels = ctx.ch_layout().nb_channels();
                double declared = declaredSeconds();
                if (declared > maxSeconds) {
                    throw new ResourceLimitException(file, "too long: " + hms(declared) + " (h:mm:ss) of audio"
                            + " declared, over the limit of " + hms(maxSeconds));
                }
                long maxFrames = (long) Math.floor(maxSeconds * rate);
                d = new Decoding(file, rate, channels, maxFrames,
                        declared > 0 ? (long) Math.ceil(declared * rate) : rate * 60L);
                long packets = 0;
                int readResult;
                while ((readResult = av_read_frame(fmt, pkt)) >= 0) {
                    if (pkt.stream_index() == streamIndex) {
                        packets++;
                        int s = avcodec_send_packet(ctx, pkt);
                        if (s < 0) {
                            d.packetError(s);
                        } else {
                            receive(ctx, frame, d);
                        }
                    }
                    av_packet_unref(pkt);
                }
                if (readResult != AVERROR_EOF) {
                    throw new BadInputException(file, "read error after " + hms(d.seconds()) + " of audio: "
                            + Ffmpeg.error(readResult));
                }
                avcodec_send_packet(ctx, null); // flush delayed frames
                receive(ctx, frame, d);
                d.flush();

                if (d.frames == 0) {
                    throw new BadInputException(file, "no audio could be decoded from the '" + codecName + "' stream"
                            + (d.firstError == 0 ? "" : ": " + Ffmpeg.error(d.firstError)));
                }
                if (d.badPackets > MAX_BAD_PACKET_FRACTION * packets) {
                    throw new BadInputException(file, String.format(Locale.ROOT,
                            "damaged audio: %d of %d '%s' packets could not be decoded (%s)",
                            d.badPackets, packets, codecName, Ffmpeg.error(d.firstError)));
                }
                if (d.badPackets > 0) {
                    LOG.warn("{}: {} of {} '{}' packets could not be decoded and were skipped ({})", file,
                            d.badPackets, packets, codecName, Ffmpeg.error(d.firstError));
                }
                if (durationIsDeclared()) {
                    long declaredFrames = Math.round(declared * rate);
                    if (d.frames < declaredFrames * 0.99 - 4096) {
                        throw new BadInputException(file, String.format(Locale.ROOT,
                                "truncated audio: the header declares %.3f s but only %.3f s could be decoded",
                                declared, d.seconds()));
                    }
                }
                return d.toClip();
            } finally {
                if (d != null) {
                    d.close();
                }
                av_frame_free(frame);
                av_packet_free(pkt);
                avcodec_free_context(ctx);
            }
        }

        private void receive(AVCodecContext ctx, AVFrame frame, Decoding d) {
            while (true) {
                int r = avcodec_receive_frame(ctx, frame);
                if (r == AVERROR_EAGAIN() || r == AVERROR_EOF) {
                    return;
                }
                if (r < 0) {
                    d.packetError(r);
                    return;
                }
                try {
                    d.add(frame);
                } finally {
                    av_frame_unref(frame);
                }
            }
        }

        @Override
        public void close() {
            avformat_close_input(fmt);
        }
    }

    /** Decoded samples so far, converted to interleaved float by swresample. */
    private static final class Decoding implements AutoCloseable {
        final Path file;
        final int rate;
        final int channels;
        final long maxFrames;
        SwrContext swr;
        BytePointer out;
        int outFrames;
        float[] samples;
        long frames;
        int badPackets;
        int firstError;

        Decoding(Path file, int rate, int channels, long maxFrames, long expectedFrames) {
            this.file = file;
            this.rate = rate;
            this.channels = channels;
            this.maxFrames = maxFrames;
            long initial = Math.min(Math.min(expectedFrames, maxFrames) + 4096, MAX_SAMPLES / channels) * channels;
            this.samples = new float[(int) Math.max(initial, 4096L * channels)];
        }

        double seconds() {
            return (double) frames / rate;
        }

        void packetError(int code) {
            if (badPackets++ == 0) {
                firstError = code;
            }
        }

        void add(AVFrame frame) {
            if (frame.sample_rate() != rate || frame.ch_layout().nb_channels() != channels) {
                throw new BadInputException(file, String.format(Locale.ROOT,
                        "the stream changes from %d Hz, %d channel(s) to %d Hz, %d channel(s) at %s;"
                                + " not supported", rate, channels, frame.sample_rate(),
                        frame.ch_layout().nb_channels(), hms(seconds())));
            }
            if (swr == null) {
                openSwr(frame);
            }
            int n = frame.nb_samples();
            ensureOut(n);
            int got = swr_convert(swr, new PointerPointer<>(1).put(0, out), outFrames, frame.extended_data(), n);
            if (got < 0) {
                throw new BadInputException(file, "cannot convert the decoded samples: " + Ffmpeg.error(got));
            }
            append(got);
        }

        void flush() {
            if (swr == null) {
                return;
            }
            ensureOut(4096);
            int got;
            while ((got = swr_convert(swr, new PointerPointer<>(1).put(0, out), outFrames,
                    (PointerPointer<?>) null, 0)) > 0) {
                append(got);
            }
        }

        private void openSwr(AVFrame frame) {
            AVChannelLayout inLayout = new AVChannelLayout();
            AVChannelLayout outLayout = new AVChannelLayout();
            try {
                if (frame.ch_layout().order() == AV_CHANNEL_ORDER_UNSPEC) {
                    av_channel_layout_default(inLayout, channels);
                } else {
                    av_channel_layout_copy(inLayout, frame.ch_layout());
                }
                av_channel_layout_copy(outLayout, inLayout);
                swr = new SwrContext(null);
                int r = swr_alloc_set_opts2(swr, outLayout, AV_SAMPLE_FMT_FLT, rate, inLayout, frame.format(),
                        rate, 0, null);
                if (r >= 0) {
                    r = swr_init(swr);
                }
                if (r < 0) {
                    throw new BadInputException(file, "cannot convert the decoded sample format: "
                            + Ffmpeg.error(r));
                }
            } finally {
                av_channel_layout_uninit(inLayout);
                av_channel_layout_uninit(outLayout);
                inLayout.close();
                outLayout.close();
            }
        }

        private void ensureOut(int n) {
            int want = n + 256;
            if (out == null || outFrames < want) {
                if (out != null) {
                    out.close();
                }
                out = new BytePointer((long) want * channels * Float.BYTES);
                outFrames = want;
            }
        }

        private void append(int got) {
            if (frames + got > maxFrames) {
                throw new ResourceLimitException(file, "too long: decoding passed the limit of "
                        + hms((double) maxFrames / rate) + " (h:mm:ss)");
            }
            long needed = (frames + got) * channels;
            if (needed > MAX_SAMPLES) {
                throw new ResourceLimitException(file, "too long to hold in memory: more than " + MAX_SAMPLES
                        + " samples");
            }
            if (needed > samples.length) {
                samples = Arrays.copyOf(samples, (int) Math.min(MAX_SAMPLES, Math.max(needed, samples.length * 2L)));
            }
            new FloatPointer(out).get(samples, (int) (frames * channels), got * channels);
            frames += got;
        }

        AudioClip toClip() {
            int n = (int) (frames * channels);
            float[] pcm = samples.length == n ? samples : Arrays.copyOf(samples, n);
            for (int i = 0; i < n; i++) {
                float x = pcm[i];
                if (x > 1f) {
                    pcm[i] = 1f;
                } else if (x < -1f) {
                    pcm[i] = -1f;
                } else if (x != x) {
                    pcm[i] = 0f;
                }
            }
            return new AudioClip(pcm, rate, channels);
        }

        @Override
        public void close() {
            if (swr != null) {
                swr_free(swr);
            }
            if (out != null) {
                out.close();
            }
        }
    }
}
