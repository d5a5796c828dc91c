package io.twinsync.emulator.faults;

import java.util.OptionalLong;
import java.util.Random;

/** The one random source of all injected faults, seeded for repeatable runs. Thread-safe. */
final class FaultDice {

    private final Random random;

    FaultDice(OptionalLong seed) {
        this.random = seed.isPresent() ? new Random(seed.getAsLong()) : new Random();
    }

    /** True with probability {@code share}; draws nothing when the share is 0 or 1, so other faults keep order. */
    synchronized boolean roll(double share) {
        if (share <= 0) {
            return false;
        }
        if (share >= 1) {
            return true;
        }
        return random.nextDouble() < share;
    }

    /** A uniformly random value in {@code [0, bound]}; 0 without a draw when the bound is 0. */
    synchronized long upTo(long bound) {
        return bound <= 0 ? 0 : random.nextLong(bound + 1);
    }
}
