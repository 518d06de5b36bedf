package org.cadenza.features;

/**
 * librosa's {@code power_to_db}: {@code 10 log10(max(amin, S)) - 10 log10(max(amin, ref))}, optionally clipped to
 * {@code max - topDb} where the maximum is taken over the whole matrix (the whole clip).
 */
public final class PowerToDb {

    private PowerToDb() {
    }

    /**
     * Converts one frame of powers to dB.
     *
     * @param power powers (units of {@code |X|^2}, or {@code |X|^p} for other exponents), &gt;= 0
     * @param ref   reference power for 0 dB, &gt; 0
     * @param amin  floor applied to powers and {@code ref}, &gt; 0
     * @param out   receives {@code power.length} dB values; returned
     */
    public static float[] convert(double[] power, double ref, double amin, float[] out) {
        double refDb = 10.0 * Math.log10(Math.max(amin, ref));
        for (int i = 0; i < power.length; i++) {
            out[i] = (float) (10.0 * Math.log10(Math.max(amin, power[i])) - refDb);
        }
        return out;
    }

    /**
     * Clips in place every value below {@code max(all values) - topDb} to that threshold (librosa {@code top_db}).
     *
     * @param db    dB values {@code [frame][bin]}; modified
     * @param topDb dynamic range kept in dB, &gt;= 0
     */
    public static void clipTopDb(float[][] db, double topDb) {
        if (topDb < 0) {
            throw new IllegalArgumentException("topDb must be >= 0 dB, got " + topDb);
        }
        double max = Double.NEGATIVE_INFINITY;
        for (float[] row : db) {
            for (float v : row) {
                max = Math.max(max, v);
            }
        }
        float floor = (float) (max - topDb);
        for (float[] row : db) {
            for (int i = 0; i < row.length; i++) {
                if (row[i] < floor) {
                    row[i] = floor;
                }
            }
        }
    }
}
