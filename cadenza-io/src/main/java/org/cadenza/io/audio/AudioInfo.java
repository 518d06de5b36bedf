package org.cadenza.io.audio;

import org.cadenza.io.Parameters;
import java.nio.file.Path;

/**
 * What {@link AudioDecoder#probe} learns about an audio file without decoding it.
 *
 * @param file            the probed file
 * @param sampleRate      sample rate of the audio stream, in Hz (&gt; 0)
 * @param channels        number of channels (&ge; 1)
 * @param durationSeconds duration in seconds (&ge; 0): from the container header where it declares one (WAV, FLAC
 *                        STREAMINFO, MP3 Xing/Info frame, last Ogg page), else FFmpeg's estimate from the bit rate,
 *                        else the sum of the packet durations
 * @param codec           FFmpeg's short codec name, e.g. {@code pcm_s16le}, {@code flac}, {@code mp3}, {@code vorbis}
 * @param container       FFmpeg's demuxer name, e.g. {@code wav}, {@code flac}, {@code mp3}, {@code ogg}
 */
public record AudioInfo(Path file, int sampleRate, int channels, double durationSeconds, String codec,
                        String container) {

    public AudioInfo {
        Parameters.nonNull("file, codec, container", file, codec, container);
        if (sampleRate <= 0 || channels < 1 || !(durationSeconds >= 0)) {
            throw new IllegalArgumentException("invalid audio info for " + file + ": " + sampleRate + " Hz, "
                    + channels + " channels, " + durationSeconds + " s");
        }
    }
}
