package org.cadenza.render;

import com.sun.media.sound.AudioFloatInputStream;
import com.sun.media.sound.ModelByteBuffer;
import com.sun.media.sound.ModelByteBufferWavetable;
import com.sun.media.sound.ModelInstrument;
import com.sun.media.sound.ModelOscillator;
import com.sun.media.sound.ModelPerformer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;

import javax.sound.sampled.AudioFormat;

/**
 * A soundbank instrument prepared once per process for fast offline rendering. Two things Gervill would otherwise
 * redo on every render and every block:
 * <ul>
 *   <li>its performers (key/velocity regions with their modulators) are built once, not on every synthesizer that
 *       loads the instrument (for an SF2 bank Gervill rebuilds them from the file's generators each time);</li>
 *   <li>its samples are held as 32-bit float PCM instead of the soundfont's 16-bit (or 24-bit) integers, so that
 *       Gervill's resampler reads them with a bulk copy instead of converting every sample of every voice on every
 *       block (the single largest cost in a profile of a piano render). The conversion is exact for 16-bit samples
 *       and keeps 24 bits of a 24-bit sample; the price is twice the memory of the sample data (FluidR3_GM:
 *       about 340 MB of heap in all instead of about 150 MB).</li>
 * </ul>
 * Performers are shared read-only by all synthesizers (Gervill reads them, never writes them).
 */
final class PreparedInstrument extends ModelInstrument {

    private final ModelInstrument original;
    private final ModelPerformer[] performers;

    private PreparedInstrument(ModelInstrument original, ModelPerformer[] performers) {
        super(original.getSoundbank(), original.getPatch(), original.getName(), original.getDataClass());
        this.original = original;
        this.performers = performers;
    }

    /**
     * Prepares {@code original}, sharing float sample buffers already converted for other instruments through
     * {@code converted} (keyed by the original buffer; soundfonts reuse samples across instruments).
     */
    static PreparedInstrument of(ModelInstrument original, Map<ModelByteBuffer, ModelByteBuffer> converted)
            throws IOException {
        ModelPerformer[] performers = original.getPerformers();
        for (ModelPerformer p : performers) {
            List<ModelOscillator> oscillators = p.getOscillators();
            for (int i = 0; i < oscillators.size(); i++) {
                if (oscillators.get(i) instanceof ModelByteBufferWavetable w) {
                    oscillators.set(i, toFloat(w, converted));
                }
            }
        }
        return new PreparedInstrument(original, performers);
    }

    private static ModelByteBufferWavetable toFloat(ModelByteBufferWavetable w,
                                                    Map<ModelByteBuffer, ModelByteBuffer> converted) throws IOException {
        AudioFormat format = w.getFormat();
        if (AudioFormat.Encoding.PCM_FLOAT.equals(format.getEncoding()) || w.getBuffer() == null) {
            return w;
        }
        ModelByteBuffer floats = converted.get(w.getBuffer());
        if (floats == null) {
            floats = readAsFloat(w);
            converted.put(w.getBuffer(), floats);
        }
        AudioFormat floatFormat = new AudioFormat(AudioFormat.Encoding.PCM_FLOAT, format.getSampleRate(), 32,
                format.getChannels(), 4 * format.getChannels(), format.getSampleRate(), false);
        ModelByteBufferWavetable f = new ModelByteBufferWavetable(floats, floatFormat, w.getPitchcorrection());
        f.setLoopStart(w.getLoopStart());
        f.setLoopLength(w.getLoopLength());
        f.setLoopType(w.getLoopType());
        f.setAttenuation(w.getAttenuation());
        return f;
    }

    /** All frames of the wavetable as little-endian float (Gervill's own reader merges any 24-bit extension). */
    private static ModelByteBuffer readAsFloat(ModelByteBufferWavetable w) throws IOException {
        int channels = w.getFormat().getChannels();
        long frames = w.getBuffer().capacity() / w.getFormat().getFrameSize();
        float[] samples = new float[Math.toIntExact(frames * channels)];
        AudioFloatInputStream in = w.openStream();
        try {
            int off = 0;
            while (off < samples.length) {
                int n = in.read(samples, off, samples.length - off);
                if (n < 0) {
                    break;
                }
                off += n;
            }
        } finally {
            in.close();
        }
        ByteBuffer bytes = ByteBuffer.allocate(samples.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(samples);
        return new ModelByteBuffer(bytes.array());
    }

    @Override
    public ModelPerformer[] getPerformers() {
        return performers.clone();
    }

    @Override
    public Object getData() {
        return original.getData();
    }
}
