package org.cadenza.io.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Function;

import org.cadenza.io.BadInputException;
import org.cadenza.io.ResourceLimitException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way an audio file can be unusable, and what the user is told, for decode and probe alike. */
class AudioBadInputTest {

    @TempDir
    Path dir;

    private static void expect(Class<? extends BadInputException> type, Path file, String... keyWords) {
        for (Function<Path, Object> call : java.util.List.<Function<Path, Object>>of(AudioDecoder::decode,
                AudioDecoder::probe)) {
            BadInputException e = assertThrows(BadInputException.class, () -> call.apply(file));
            check(type, file, e, keyWords);
        }
    }

    private static void check(Class<? extends BadInputException> type, Path file, BadInputException e,
                              String... keyWords) {
        assertEquals(type, e.getClass(), () -> "got " + e);
        assertEquals(file, e.file());
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        for (String k : keyWords) {
            assertTrue(e.getMessage().contains(k), () -> "'" + k + "' missing from: " + e.getMessage());
        }
    }

    @Test
    void textFileNamedWav() throws Exception {
        Path f = Files.writeString(dir.resolve("song.wav"), "This is not audio, just a few words of text.\n".repeat(20));
        expect(BadInputException.class, f, "FFmpeg", "Invalid data");
    }

    @Test
    void randomBytesNamedMp3() throws Exception {
        byte[] junk = new byte[4096];
        new Random(1).nextBytes(junk);
        Path f = Files.write(dir.resolve("noise.mp3"), junk);
        BadInputException e = assertThrows(BadInputException.class, () -> AudioDecoder.decode(f));
        check(BadInputException.class, f, e);
    }

    @Test
    void truncatedWav() throws Exception {
        Path whole = dir.resolve("whole.wav");
        AudioEncoder.write(AudioClip.mono(Signals.sine(440, 44_100, 1.0, 0.5), 44_100), whole);
        byte[] b = Files.readAllBytes(whole);
        Path f = Files.write(dir.resolve("truncated.wav"), Arrays.copyOf(b, b.length / 2));
        expect(BadInputException.class, f, "truncated", "declares 1.000 s", "holds only 0.500 s");
    }

    @Test
    void wavHeaderOnly() throws Exception {
        Path whole = dir.resolve("whole.wav");
        AudioEncoder.write(AudioClip.mono(Signals.sine(440, 8000, 1.0, 0.5), 8000), whole);
        Path f = Files.write(dir.resolve("header-only.wav"), Arrays.copyOf(Files.readAllBytes(whole), 44));
        BadInputException e = assertThrows(BadInputException.class, () -> AudioDecoder.decode(f));
        check(BadInputException.class, f, e);
    }

    @Test
    void emptyFile() throws Exception {
        expect(BadInputException.class, Files.createFile(dir.resolve("empty.wav")), "empty file", "0 bytes");
    }

    @Test
    void missingFile() {
        expect(BadInputException.class, dir.resolve("nowhere.flac"), "file not found");
    }

    @Test
    void unsupportedCodec() throws Exception {
        // a WAV whose fmt chunk names format tag 0x7777, which no FFmpeg decoder knows
        ByteBuffer b = ByteBuffer.allocate(44 + 800).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + 800).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) 0x7777).putShort((short) 1).putInt(8000)
                .putInt(16000).putShort((short) 2).putShort((short) 16);
        b.put("data".getBytes()).putInt(800);
        Path f = Files.write(dir.resolve("odd.wav"), b.array());
        expect(BadInputException.class, f, "unsupported codec", "0x7777");
    }

    @Test
    void longerThanTheLimit() {
        Path f = dir.resolve("one-second.wav");
        AudioEncoder.write(AudioClip.mono(Signals.sine(440, 8000, 1.0, 0.5), 8000), f);
        BadInputException e = assertThrows(BadInputException.class, () -> AudioDecoder.decode(f, 0.5));
        check(ResourceLimitException.class, f, e, "too long", "0:00:01", "0:00:00");
    }
}
