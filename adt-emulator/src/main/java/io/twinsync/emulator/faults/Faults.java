package io.twinsync.emulator.faults;

import java.time.Duration;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Which faults the emulator injects; all off in {@link #none()}. Immutable: each {@code with...} returns a copy.
 * Random choices come from one generator seeded with {@link #seed()} when given, so a test that sends its requests
 * one after another sees the same faults on every run.
 *
 * @param failRate share of requests (0..1) answered {@code failStatus} with an ADT error body, before they reach
 *     the graph
 * @param failStatus 500, 502, 503 or 504
 * @param fixedLatency delay added to every request
 * @param randomLatency up to this much more delay, uniformly random per request
 * @param dropRate share of requests (0..1) whose connection is closed without an answer, before they are read
 * @param consistencyDelay for this long after a twin is created, relationships to it are refused with 404
 *     {@code TargetTwinNotFound}; for this long after a relationship of a twin is deleted, deleting the twin is
 *     refused with 400 {@code RelationshipsNotDeleted}
 * @param seed seeds the random generator; empty for a different sequence on every start
 */
public record Faults(
        double failRate,
        int failStatus,
        Duration fixedLatency,
        Duration randomLatency,
        double dropRate,
        Duration consistencyDelay,
        OptionalLong seed) {

    /** The statuses {@link #failStatus} may take. */
    public static final Set<Integer> FAIL_STATUSES = Set.of(500, 502, 503, 504);

    public Faults {
        requireShare("failRate", failRate);
        requireShare("dropRate", dropRate);
        if (failRate + dropRate > 1.0) {
            throw new IllegalArgumentException(
                    "failRate (" + failRate + ") and dropRate (" + dropRate + ") together exceed 1; lower one of them");
        }
        if (!FAIL_STATUSES.contains(failStatus)) {
            throw new IllegalArgumentException(
                    "failStatus must be one of 500, 502, 503, 504 (the server errors ADT clients retry), not "
                            + failStatus);
        }
        requireNonNegative("fixedLatency", fixedLatency);
        requireNonNegative("randomLatency", randomLatency);
        requireNonNegative("consistencyDelay", consistencyDelay);
        if (seed == null) {
            throw new IllegalArgumentException("seed must not be null; use OptionalLong.empty()");
        }
    }

    /** No faults: every request is answered as quickly and correctly as the emulator can. */
    public static Faults none() {
        return new Faults(0, 503, Duration.ZERO, Duration.ZERO, 0, Duration.ZERO, OptionalLong.empty());
    }

    /** A copy answering a share of requests with a server error. */
    public Faults withFailures(double rate, int status) {
        return new Faults(rate, status, fixedLatency, randomLatency, dropRate, consistencyDelay, seed);
    }

    /** A copy answering a share of requests with {@link #failStatus()}. */
    public Faults withFailRate(double rate) {
        return withFailures(rate, failStatus);
    }

    /** A copy answering failures with another server error status. */
    public Faults withFailStatus(int status) {
        return withFailures(failRate, status);
    }

    /** A copy delaying every request by {@code fixed} plus a uniformly random part of up to {@code random}. */
    public Faults withLatency(Duration fixed, Duration random) {
        return new Faults(failRate, failStatus, fixed, random, dropRate, consistencyDelay, seed);
    }

    /** A copy closing a share of connections without an answer. */
    public Faults withDropRate(double rate) {
        return new Faults(failRate, failStatus, fixedLatency, randomLatency, rate, consistencyDelay, seed);
    }

    /** A copy simulating ADT's eventual consistency for this long after creates and relationship deletes. */
    public Faults withConsistencyDelay(Duration delay) {
        return new Faults(failRate, failStatus, fixedLatency, randomLatency, dropRate, delay, seed);
    }

    /** A copy with a fixed random seed, for repeatable runs. */
    public Faults withSeed(long newSeed) {
        return new Faults(
                failRate,
                failStatus,
                fixedLatency,
                randomLatency,
                dropRate,
                consistencyDelay,
                OptionalLong.of(newSeed));
    }

    /** True when any fault is injected. */
    public boolean enabled() {
        return failRate > 0 || hasLatency() || dropRate > 0 || !consistencyDelay.isZero();
    }

    /** True when requests are delayed. */
    public boolean hasLatency() {
        return !fixedLatency.isZero() || !randomLatency.isZero();
    }

    /** Such as {@code fail 5% (503), latency 20ms..50ms, drop 1%, consistency delay 500ms} or {@code none}. */
    public String describe() {
        if (!enabled()) {
            return "none";
        }
        StringBuilder text = new StringBuilder();
        if (failRate > 0) {
            append(text, "fail " + percent(failRate) + " (" + failStatus + ")");
        }
        if (hasLatency()) {
            append(
                    text,
                    "latency " + fixedLatency.toMillis() + "ms.."
                            + fixedLatency.plus(randomLatency).toMillis() + "ms");
        }
        if (dropRate > 0) {
            append(text, "drop " + percent(dropRate));
        }
        if (!consistencyDelay.isZero()) {
            append(text, "consistency delay " + consistencyDelay.toMillis() + "ms");
        }
        seed.ifPresent(value -> append(text, "seed " + value));
        return text.toString();
    }

    private static void append(StringBuilder text, String part) {
        if (text.length() > 0) {
            text.append(", ");
        }
        text.append(part);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.4g%%", share * 100).replaceAll("\\.?0+%$", "%");
    }

    private static void requireShare(String name, double share) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1 (a share of requests), not " + share);
        }
    }

    private static void requireNonNegative(String name, Duration duration) {
        if (duration == null || duration.isNegative()) {
            throw new IllegalArgumentException(name + " must be zero or positive, not " + duration);
        }
    }
}
