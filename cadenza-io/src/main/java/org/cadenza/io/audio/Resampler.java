package org.cadenza.io.audio;

import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLT;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_default;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_uninit;
import static org.bytedeco.ffmpeg.global.swresample.swr_alloc_set_opts2;
import static org.bytedeco.ffmpeg.global.swresample.swr_convert;
import static org.bytedeco.ffmpeg.global.swresample.swr_free;
import static org.bytedeco.ffmpeg.global.swresample.swr_get_out_samples;
import static org.bytedeco.ffmpeg.global.swresample.swr_init;

import org.bytedeco.ffmpeg.avutil.AVChannelLayout;
import org.bytedeco.ffmpeg.swresample.SwrContext;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.cadenza.io.CadenzaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Changes the sample rate of a clip with FFmpeg's libswresample: a band-limited windowed-sinc resampler (FFmpeg's
 * defaults: 32-tap Kaiser-windowed filter, cutoff at 0.97 of the lower Nyquist frequency), so content above the
 * target's Nyquist frequency is removed rather than aliased. Channels are kept. Every resampling is logged at INFO;
 * nothing in Cadenza resamples silently.
 *
 * <p>Thread-safe: each call uses its own FFmpeg context.
 */
public final class Resampler {

    private static final Logger LOG = LoggerFactory.getLogger(Resampler.class);
    private static final int CHUNK_FRAMES = 1 << 16;

    private Resampler() {
    }

    /**
     * Resamples a clip.
     *
     * @param clip       any clip
     * @param targetRate wanted sample rate in Hz, &gt; 0
     * @return {@code clip} itself when it is already at {@code targetRate}; otherwise a new clip at
     *         {@code targetRate} Hz with the same channels and exactly {@code round(frames * targetRate / rate)}
     *         frames, time-aligned with the input, samples clipped to [-1, 1]
     */
    public static AudioClip resample(AudioClip clip, int targetRate) {
        if (targetRate <= 0) {
            throw new IllegalArgumentException("targetRate must be > 0 Hz, got " + targetRate);
        }
        if (clip.sampleRate() == targetRate) {
            return clip;
        }
        LOG.info("resampling {} Hz -> {} Hz ({} channel(s), {} s)", clip.sampleRate(), targetRate,
                clip.channels(), String.format(java.util.Locale.ROOT, "%.3f", clip.durationSeconds()));
        Ffmpeg.init();
        int channels = clip.channels();
        long outLength = Math.round(clip.frames() * (double) targetRate / clip.sampleRate());
        if (outLength * channels > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("resampled clip would hold more than 2^31 samples: " + clip);
        }
        float[] out = new float[(int) (outLength * channels)];
        SwrContext swr = new SwrContext(null);
        AVChannelLayout layout = new AVChannelLayout();
        FloatPointer in = new FloatPointer((long) CHUNK_FRAMES * channels);
        FloatPointer buf = null;
        try {
            av_channel_layout_default(layout, channels);
            int r = swr_alloc_set_opts2(swr, layout, AV_SAMPLE_FMT_FLT, targetRate, layout, AV_SAMPLE_FMT_FLT,
                    clip.sampleRate(), 0, null);
            if (r >= 0) {
                r = swr_init(swr);
            }
            if (r < 0) {
                throw new CadenzaException("cannot set up resampling " + clip.sampleRate() + " Hz -> " + targetRate
                        + " Hz for " + channels + " channel(s): " + Ffmpeg.error(r));
            }
            int bufFrames = swr_get_out_samples(swr, CHUNK_FRAMES) + 1024;
            buf = new FloatPointer((long) bufFrames * channels);
            PointerPointer<?> inPP = new PointerPointer<>(1).put(0, in);
            PointerPointer<?> outPP = new PointerPointer<>(1).put(0, buf);
            float[] samples = clip.samples();
            int written = 0;
            for (int frame = 0; frame < clip.frames(); frame += CHUNK_FRAMES) {
                int n = Math.min(CHUNK_FRAMES, clip.frames() - frame);
                in.put(samples, frame * channels, n * channels);
                int got = swr_convert(swr, outPP, bufFrames, inPP, n);
                written = copy(got, buf, channels, out, written);
            }
            int got;
            while ((got = swr_convert(swr, outPP, bufFrames, (PointerPointer<?>) null, 0)) > 0) {
                written = copy(got, buf, channels, out, written);
            }
            if (got < 0) {
                throw new CadenzaException("resampling failed: " + Ffmpeg.error(got));
            }
            // frames past outLength (filter tail) are dropped; a short tail stays zero
            for (int i = 0; i < written; i++) {
                out[i] = Math.max(-1f, Math.min(1f, out[i]));
            }
            return new AudioClip(out, targetRate, channels);
        } finally {
            swr_free(swr);
            av_channel_layout_uninit(layout);
            layout.close();
            in.close();
            if (buf != null) {
                buf.close();
            }
        }
    }

    private static int copy(int got, FloatPointer buf, int channels, float[] out, int written) {
        if (got < 0) {
            throw new CadenzaException("resampling failed: " + Ffmpeg.error(got));
        }
        int n = Math.min(got * channels, out.length - written);
        if (n > 0) {
            buf.get(out, written, n);
        }
        return written + Math.max(n, 0);
    }
}
