package org.cadenza.bench;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.cadenza.io.BadInputException;

/**
 * Lists the tensors (name and shape) in a DJL parameter file ({@code Block.saveParameters}: a model bundle's
 * {@code weights.params}, a training checkpoint's {@code epoch-NNNN.params}), without DJL: this module may not
 * import it (only cadenza-model does), and what the benchmark needs is the network's parameter list, to show
 * that the PyTorch peer builds the same network.
 *
 * <p>Format, as written by DJL 0.32 ({@code Parameter.save}, {@code NDArray.encode}, all big-endian
 * {@code DataOutputStream} values): each parameter is the char {@code 'P'}, a version byte, the parameter name
 * (modified UTF-8), then the array: {@code "NDAR"} (UTF), an int encoding version 1-3, from version 2 a byte 1 and
 * the array name (UTF) or a byte 0, the sparse format (UTF), the data type (UTF), the shape (int rank, rank longs,
 * int layout length, that many chars), from version 3 a byte-order byte ({@code '>'} big, else little endian),
 * the int byte length and the data. Block metadata (input shapes) sits between parameters; the reader finds each
 * parameter header and skips its data, so values inside arrays are never mistaken for headers.
 */
public final class DjlParameterFile {

    /** DJL names of running statistics (batch norm); everything else is trained by the optimizer. */
    public static final Set<String> RUNNING_STATISTICS = Set.of("runningMean", "runningVar");

    private static final byte[] NDAR = {0, 4, 'N', 'D', 'A', 'R'};

    private DjlParameterFile() {
    }

    /**
     * One tensor of the file.
     *
     * @param name  DJL's parameter name: {@code weight}, {@code bias}, {@code gamma}, {@code beta},
     *              {@code runningMean}, {@code runningVar}
     * @param shape its dimensions
     */
    public record Tensor(String name, List<Long> shape) {

        /** @return number of values, the product of the dimensions */
        public long elements() {
            long n = 1;
            for (long d : shape) {
                n *= d;
            }
            return n;
        }

        /** @return true for parameters the optimizer trains (not batch-norm running statistics) */
        public boolean trainable() {
            return !RUNNING_STATISTICS.contains(name);
        }
    }

    /**
     * Reads the tensors of a DJL parameter file in file order (the order of the network's layers).
     *
     * @throws BadInputException when the file holds no parameter or an array header cannot be read
     */
    public static List<Tensor> read(Path file) {
        byte[] b;
        try {
            b = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new BadInputException(file, "cannot read the DJL parameter file: " + e.getMessage(), e);
        }
        List<Tensor> out = new ArrayList<>();
        int p = 0;
        while (p + 5 < b.length) {
            int next = parameterAt(b, p);
            if (next < 0) {
                p++;
                continue;
            }
            int nameLength = ((b[p + 3] & 0xff) << 8) | (b[p + 4] & 0xff);
            String name = new String(b, p + 5, nameLength, StandardCharsets.UTF_8);
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(b, next, b.length - next))) {
                int version = in.readInt();
                if (version < 1 || version > 3) {
                    throw new BadInputException(file, "parameter " + name + " at byte " + p
                            + ": unknown DJL array encoding version " + version + " (this reader knows 1-3)");
                }
                if (version > 1 && in.readByte() == 1) {
                    in.readUTF();
                }
                in.readUTF(); // sparse format
                String dataType = in.readUTF();
                int rank = in.readInt();
                if (rank < 0 || rank > 16) {
                    throw new BadInputException(file, "parameter " + name + " at byte " + p + ": rank " + rank);
                }
                Long[] shape = new Long[rank];
                for (int i = 0; i < rank; i++) {
                    shape[i] = in.readLong();
                }
                int layout = in.readInt();
                in.skipNBytes(2L * layout);
                if (version > 2) {
                    in.readByte(); // byte order
                }
                int length = in.readInt();
                if (length < 0 || length > in.available()) {
                    throw new BadInputException(file, "parameter " + name + " at byte " + p + ": " + length
                            + " bytes of " + dataType + " data, " + in.available() + " left in the file");
                }
                in.skipNBytes(length);
                out.add(new Tensor(name, List.copyOf(Arrays.asList(shape))));
                p = b.length - in.available();
            } catch (IOException e) {
                throw new BadInputException(file, "parameter " + name + " at byte " + p + " is truncated", e);
            }
        }
        if (out.isEmpty()) {
            throw new BadInputException(file, "no DJL parameter found (not a DJL .params file?)");
        }
        return out;
    }

    /** @return total values of the trainable tensors */
    public static long trainableParameters(List<Tensor> tensors) {
        return tensors.stream().filter(Tensor::trainable).mapToLong(Tensor::elements).sum();
    }

    /**
     * @return the offset just after the {@code "NDAR"} magic when a parameter header ({@code 'P'}, version,
     *     name, magic) starts at {@code p}, else -1
     */
    private static int parameterAt(byte[] b, int p) {
        if (b[p] != 0 || b[p + 1] != 'P') {
            return -1;
        }
        int nameLength = ((b[p + 3] & 0xff) << 8) | (b[p + 4] & 0xff);
        int magic = p + 5 + nameLength;
        if (nameLength == 0 || magic + NDAR.length > b.length) {
            return -1;
        }
        for (int i = 0; i < NDAR.length; i++) {
            if (b[magic + i] != NDAR[i]) {
                return -1;
            }
        }
        return magic + NDAR.length;
    }
}
