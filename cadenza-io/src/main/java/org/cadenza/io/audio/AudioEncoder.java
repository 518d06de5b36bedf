package org.cadenza.io.audio;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_CAP_EXPERIMENTAL;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_CAP_VARIABLE_FRAME_SIZE;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_GLOBAL_HEADER;
import static org.bytedeco.ffmpeg.global.avcodec.FF_COMPLIANCE_EXPERIMENTAL;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_from_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avformat.AVFMT_GLOBALHEADER;
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avformat.avio_open;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLT;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLTP;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_NONE;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S16;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S16P;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_copy;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_default;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_uninit;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;
import static org.bytedeco.ffmpeg.global.swresample.swr_alloc_set_opts2;
import static org.bytedeco.ffmpeg.global.swresample.swr_convert;
import static org.bytedeco.ffmpeg.global.swresample.swr_free;
import static org.bytedeco.ffmpeg.global.swresample.swr_init;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVChannelLayout;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swresample.SwrContext;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.cadenza.io.CadenzaException;
import org.cadenza.io.DiskFullException;
import org.cadenza.io.TempFiles;

/**
 * Writes a clip to an audio file, the format chosen by the extension (case-insensitive):
 * <ul>
 *   <li>{@code .wav}: 16-bit signed PCM through {@code javax.sound.sampled};</li>
 *   <li>{@code .flac}: 16-bit FLAC through FFmpeg (lossless: decoding gives back the 16-bit WAV samples);</li>
 *   <li>{@code .mp3} (FFmpeg's libmp3lame, 192 kbit/s per stereo pair) and {@code .ogg} (Vorbis: libvorbis, else
 *       FFmpeg's native experimental encoder, which writes stereo only) where the bundled FFmpeg has an encoder
 *       for them: see {@link #writableExtensions()}. Lossy: meant for tests and previews, not for the corpus.</li>
 * </ul>
 * Samples are quantised to 16 bits as {@code rint(x * 32768)} clipped to [-32768, 32767], the inverse of FFmpeg's
 * 16-bit to float conversion, so a WAV or FLAC round trip is exact within 1/32768.
 *
 * <p>The file is written under a temporary name ({@code .<name>.<random>.part}) in the target folder and then
 * atomically renamed, so a killed process never leaves a half-written file under the final name. Existing files are
 * replaced; missing parent folders are created. Thread-safe.
 */
public final class AudioEncoder {

    /** Bit rate of lossy encoders per two channels, in bit/s. */
    static final long LOSSY_BIT_RATE_PER_STEREO_PAIR = 192_000;

    /** Extension -> FFmpeg muxer and encoders to try, in order. */
    private static final Map<String, String[]> FFMPEG_FORMATS = Map.of(
            "flac", new String[] {"flac", "flac"},
            "mp3", new String[] {"mp3", "libmp3lame"},
            "ogg", new String[] {"ogg", "libvorbis", "vorbis"});

    private AudioEncoder() {
    }

    /** Extensions (lower case, no dot) that {@link #write} can produce with this build of FFmpeg. */
    public static Set<String> writableExtensions() {
        Set<String> ext = new TreeSet<>();
        ext.add("wav");
        Ffmpeg.init();
        FFMPEG_FORMATS.forEach((e, spec) -> {
            if (findEncoder(spec) != null) {
                ext.add(e);
            }
        });
        return Collections.unmodifiableSet(ext);
    }

    /**
     * Writes {@code clip} to {@code out}, its format given by the extension.
     *
     * @throws IllegalArgumentException the extension is not one of {@link #writableExtensions()}, or the format
     *                                  cannot hold the clip (e.g. an MP3 at 96 kHz)
     * @throws CadenzaException         the file cannot be written (the cause is kept)
     * @throws DiskFullException        the disk filled up while writing (the partial file is removed)
     */
    public static void write(AudioClip clip, Path out) {
        String name = out.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (!ext.equals("wav") && !FFMPEG_FORMATS.containsKey(ext)) {
            throw new IllegalArgumentException("cannot write '" + name + "': unknown extension '" + ext
                    + "', expected one of " + writableExtensions());
        }
        Path dir = out.toAbsolutePath().getParent();
        Path tmp = dir.resolve("." + name + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".part");
        try {
            Files.createDirectories(dir);
            if (ext.equals("wav")) {
                writeWav(clip, tmp);
            } else {
                writeFfmpeg(clip, tmp, out, FFMPEG_FORMATS.get(ext));
            }
            Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            DiskFullException.rethrowIfDiskFull(e, out);
            throw new CadenzaException("cannot write " + out + ": " + e, e);
        } catch (RuntimeException e) {
            DiskFullException.rethrowIfDiskFull(e, out); // FFmpeg's ENOSPC arrives as a CadenzaException
            throw e;
        } finally {
            TempFiles.deleteQuietly(tmp); // the temporary name never shadows the final one
        }
    }

    /** 16-bit quantisation, the inverse of FFmpeg's s16 to float conversion (x / 32768). */
    static short toPcm16(float x) {
        double v = Math.rint(x * 32768.0);
        return (short) Math.max(-32768, Math.min(32767, v));
    }

    private static void writeWav(AudioClip clip, Path tmp) throws IOException {
        float[] s = clip.samples();
        byte[] pcm = new byte[s.length * 2];
        for (int i = 0; i < s.length; i++) {
            short v = toPcm16(s[i]);
            pcm[2 * i] = (byte) v;
            pcm[2 * i + 1] = (byte) (v >> 8);
        }
        AudioFormat format = new AudioFormat(clip.sampleRate(), 16, clip.channels(), true, false);
        try (AudioInputStream ais = new AudioInputStream(new ByteArrayInputStream(pcm), format, clip.frames())) {
            AudioSystem.write(ais, AudioFileFormat.Type.WAVE, tmp.toFile());
        }
    }

    private static AVCodec findEncoder(String[] spec) {
        for (int i = 1; i < spec.length; i++) {
            AVCodec c = avcodec_find_encoder_by_name(spec[i]);
            if (c != null && !c.isNull()) {
                return c;
            }
        }
        return null;
    }

    private static void writeFfmpeg(AudioClip clip, Path tmp, Path out, String[] spec) {
        Ffmpeg.init();
        AVCodec codec = findEncoder(spec);
        if (codec == null) {
            throw new IllegalArgumentException("cannot write " + out + ": this FFmpeg build has no encoder for '"
                    + spec[0] + "' (tried " + String.join(", ", java.util.Arrays.asList(spec).subList(1, spec.length))
                    + ")");
        }
        String encoder = codec.name().getString();
        int rate = clip.sampleRate();
        int channels = clip.channels();
        checkRate(codec, rate, out, encoder);
        if (encoder.equals("vorbis") && channels != 2) {
            throw new IllegalArgumentException("cannot write " + out + ": FFmpeg's native 'vorbis' encoder writes"
                    + " stereo only, the clip has " + channels + " channel(s)");
        }

        AVFormatContext oc = new AVFormatContext(null);
        int r = avformat_alloc_output_context2(oc, null, spec[0], Ffmpeg.fileUrl(tmp));
        check(r, out, "cannot create the '" + spec[0] + "' muxer");
        AVCodecContext c = null;
        AVFrame frame = null;
        AVPacket pkt = null;
        SwrContext swr = null;
        AVChannelLayout inLayout = new AVChannelLayout();
        FloatPointer in = null;
        boolean opened = false;
        try {
            AVStream st = avformat_new_stream(oc, null);
            c = avcodec_alloc_context3(codec);
            c.sample_fmt(sampleFormat(codec));
            c.sample_rate(rate);
            av_channel_layout_default(c.ch_layout(), channels);
            c.time_base(av_make_q(1, rate));
            if (!spec[0].equals("flac")) {
                c.bit_rate(LOSSY_BIT_RATE_PER_STEREO_PAIR * Math.max(1, channels) / 2);
            }
            if ((codec.capabilities() & AV_CODEC_CAP_EXPERIMENTAL) != 0) {
                c.strict_std_compliance(FF_COMPLIANCE_EXPERIMENTAL);
            }
            if ((oc.oformat().flags() & AVFMT_GLOBALHEADER) != 0) {
                c.flags(c.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
            }
            r = avcodec_open2(c, codec, (AVDictionary) null);
            if (r < 0) {
                throw new IllegalArgumentException("cannot write " + out + ": FFmpeg's '" + encoder + "' encoder refuses "
                        + rate + " Hz, " + channels + " channel(s): " + Ffmpeg.error(r));
            }
            check(avcodec_parameters_from_context(st.codecpar(), c), out, "cannot set the stream parameters");
            st.time_base(c.time_base());

            AVIOContext pb = new AVIOContext(null);
            check(avio_open(pb, Ffmpeg.fileUrl(tmp), AVIO_FLAG_WRITE), out, "cannot open the temporary file " + tmp);
            oc.pb(pb);
            opened = true;
            check(avformat_write_header(oc, (AVDictionary) null), out, "cannot write the header");

            int frameSize = c.frame_size() > 0 && (codec.capabilities() & AV_CODEC_CAP_VARIABLE_FRAME_SIZE) == 0
                    ? c.frame_size() : 4096;
            av_channel_layout_default(inLayout, channels);
            swr = new SwrContext(null);
            r = swr_alloc_set_opts2(swr, c.ch_layout(), c.sample_fmt(), rate, inLayout, AV_SAMPLE_FMT_FLT, rate, 0,
                    null);
            check(r >= 0 ? swr_init(swr) : r, out, "cannot set up the sample format conversion");

            frame = av_frame_alloc();
            pkt = av_packet_alloc();
            in = new FloatPointer((long) frameSize * channels);
            PointerPointer<?> inPP = new PointerPointer<>(1).put(0, in);
            float[] samples = clip.samples();
            for (int pos = 0; pos < clip.frames(); pos += frameSize) {
                int n = Math.min(frameSize, clip.frames() - pos);
                frame.nb_samples(n);
                frame.format(c.sample_fmt());
                frame.sample_rate(rate);
                av_channel_layout_copy(frame.ch_layout(), c.ch_layout());
                check(av_frame_get_buffer(frame, 0), out, "cannot allocate a frame");
                in.put(samples, pos * channels, n * channels);
                int got = swr_convert(swr, frame.extended_data(), n, inPP, n);
                if (got != n) {
                    check(got < 0 ? got : -1, out, "sample format conversion returned " + got + " of " + n);
                }
                frame.pts(pos);
                check(avcodec_send_frame(c, frame), out, "the '" + encoder + "' encoder failed");
                drain(c, oc, st, pkt, out);
                org.bytedeco.ffmpeg.global.avutil.av_frame_unref(frame);
            }
            check(avcodec_send_frame(c, null), out, "cannot flush the '" + encoder + "' encoder");
            drain(c, oc, st, pkt, out);
            check(av_write_trailer(oc), out, "cannot finish the file");
        } finally {
            if (opened) {
                avio_closep(oc.pb());
            }
            if (in != null) {
                in.close();
            }
            if (swr != null) {
                swr_free(swr);
            }
            av_channel_layout_uninit(inLayout);
            inLayout.close();
            if (frame != null) {
                av_frame_free(frame);
            }
            if (pkt != null) {
                av_packet_free(pkt);
            }
            if (c != null) {
                avcodec_free_context(c);
            }
            avformat_free_context(oc);
        }
    }

    private static void drain(AVCodecContext c, AVFormatContext oc, AVStream st, AVPacket pkt, Path out) {
        while (true) {
            int r = avcodec_receive_packet(c, pkt);
            if (r == AVERROR_EAGAIN() || r == AVERROR_EOF) {
                return;
            }
            check(r, out, "the encoder failed");
            av_packet_rescale_ts(pkt, c.time_base(), st.time_base());
            pkt.stream_index(st.index());
            r = av_interleaved_write_frame(oc, pkt);
            av_packet_unref(pkt);
            check(r, out, "cannot write a packet");
        }
    }

    private static void check(int r, Path out, String what) {
        if (r < 0) {
            throw new CadenzaException("cannot write " + out + ": " + what + ": " + Ffmpeg.error(r));
        }
    }

    /** The encoder's sample format: float, else 16-bit, else its first. */
    private static int sampleFormat(AVCodec codec) {
        IntPointer fmts = codec.sample_fmts();
        if (fmts == null || fmts.isNull()) {
            return AV_SAMPLE_FMT_FLT;
        }
        Set<Integer> supported = new TreeSet<>();
        for (int i = 0; fmts.get(i) != AV_SAMPLE_FMT_NONE; i++) {
            supported.add(fmts.get(i));
        }
        for (int preferred : new int[] {AV_SAMPLE_FMT_FLT, AV_SAMPLE_FMT_FLTP, AV_SAMPLE_FMT_S16,
                AV_SAMPLE_FMT_S16P}) {
            if (supported.contains(preferred)) {
                return preferred;
            }
        }
        return fmts.get(0);
    }

    private static void checkRate(AVCodec codec, int rate, Path out, String encoder) {
        IntPointer rates = codec.supported_samplerates();
        if (rates == null || rates.isNull()) {
            return;
        }
        Set<Integer> supported = new TreeSet<>();
        for (int i = 0; rates.get(i) != 0; i++) {
            supported.add(rates.get(i));
        }
        if (!supported.contains(rate)) {
            throw new IllegalArgumentException("cannot write " + out + ": the '" + encoder + "' encoder takes "
                    + supported + " Hz, not " + rate + " Hz; resample first (Resampler.resample)");
        }
    }
}
