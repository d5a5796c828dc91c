package io.twinsync.sample.erp.generate;

/**
 * SplitMix64: tiny, fast, and the same sequence on every JVM for a seed (unlike {@code java.util.Random}'s, which is
 * fixed too but 48-bit and poor in its low bits). The seed script (scripts/generate-sample-erp-seed.py) uses the same.
 */
final class SplitMix64 {

    private long state;

    SplitMix64(long seed) {
        this.state = seed;
    }

    long next() {
        state += 0x9E3779B97F4A7C15L;
        long z = state;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A number from 0 to {@code n - 1}. */
    int below(int n) {
        return (int) Long.remainderUnsigned(next(), n);
    }

    int between(int low, int high) {
        return low + below(high - low + 1);
    }

    boolean percent(int p) {
        return below(100) < p;
    }

    <T> T pick(T[] items) {
        return items[below(items.length)];
    }
}
