package org.cadenza.io.score.kern;

/**
 * A time or a duration in quarter notes, exact: a fraction in lowest terms with a positive denominator. Kern
 * durations are reciprocals (a triplet eighth is 1/3 quarter), and line times are their sums; doubles would make
 * three triplet eighths end a hair before or after the next beat and so invent time slices.
 *
 * @param numerator   any sign
 * @param denominator &gt; 0, coprime with the numerator
 */
record Quarters(long numerator, long denominator) implements Comparable<Quarters> {

    static final Quarters ZERO = new Quarters(0, 1);

    Quarters {
        if (denominator <= 0) {
            throw new IllegalArgumentException("denominator must be > 0, got " + denominator);
        }
        long g = gcd(Math.abs(numerator), denominator);
        if (g > 1) {
            numerator /= g;
            denominator /= g;
        }
    }

    /**
     * The duration of a kern reciprocal: {@code 4 * whole / reciprocal} quarters, with {@code dots} augmentation dots
     * (each adds half of the previous value).
     *
     * @throws ArithmeticException when the numbers do not fit in a long
     */
    static Quarters ofReciprocal(long reciprocal, long wholes, int dots) {
        long num = Math.multiplyExact(4, wholes);
        long den = reciprocal;
        // dotted: times (2^(dots+1) - 1) / 2^dots
        long pow = 1L << dots;
        return new Quarters(Math.multiplyExact(num, Math.subtractExact(Math.multiplyExact(pow, 2), 1)),
                Math.multiplyExact(den, pow));
    }

    /** @throws ArithmeticException when the sum does not fit in a long fraction */
    Quarters plus(Quarters other) {
        long g = gcd(denominator, other.denominator);
        long den = Math.multiplyExact(denominator / g, other.denominator);
        long num = Math.addExact(Math.multiplyExact(numerator, other.denominator / g),
                Math.multiplyExact(other.numerator, denominator / g));
        return new Quarters(num, den);
    }

    boolean isZero() {
        return numerator == 0;
    }

    double toDouble() {
        return (double) numerator / denominator;
    }

    @Override
    public int compareTo(Quarters other) {
        // cross-multiplied in 128 bits, so that no comparison overflows
        long hi1 = Math.multiplyHigh(numerator, other.denominator);
        long hi2 = Math.multiplyHigh(other.numerator, denominator);
        if (hi1 != hi2) {
            return Long.compare(hi1, hi2);
        }
        return Long.compareUnsigned(numerator * other.denominator, other.numerator * denominator);
    }

    static Quarters max(Quarters a, Quarters b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    @Override
    public String toString() {
        return denominator == 1 ? Long.toString(numerator) : numerator + "/" + denominator;
    }
}
