package org.cadenza.io.audio;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.bytedeco.ffmpeg.global.avutil;

/**
 * What the FFmpeg-based classes of this package share: FFmpeg's console log is silenced once per process (errors
 * are reported through return codes, turned into exceptions that name the file), error codes in words, and safe
 * URLs for local files.
 */
final class Ffmpeg {

    static {
        // batch runs must stay readable: FFmpeg's own log would print a line per damaged frame
        avutil.av_log_set_level(avutil.AV_LOG_QUIET);
    }

    private Ffmpeg() {
    }

    /** Loads FFmpeg's native libraries (once) and silences their console log. */
    static void init() {
        // the static initialiser does the work
    }

    /** FFmpeg's text for an error code, e.g. "Invalid data found when processing input". */
    static String error(int code) {
        byte[] buf = new byte[256];
        if (avutil.av_strerror(code, buf, buf.length) < 0) {
            return "FFmpeg error " + code;
        }
        int n = 0;
        while (n < buf.length && buf[n] != 0) {
            n++;
        }
        return new String(buf, 0, n, StandardCharsets.UTF_8);
    }

    /**
     * A URL that FFmpeg opens as a local file, whatever the file's name looks like ("pipe:0", "http:x", ...).
     */
    static String fileUrl(Path file) {
        return "file:" + file.toAbsolutePath();
    }
}
