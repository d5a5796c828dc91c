package io.twinsync.emulator;

import io.twinsync.emulator.faults.DurationText;
import io.twinsync.emulator.faults.Faults;
import io.twinsync.emulator.limits.RateLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The standalone emulator's rate-limit and fault flags, each checked as it is read: {@code --limits service|off},
 * {@code --limit CLASS=N|off} (repeatable, applied after {@code --limits}), {@code --fail-rate R},
 * {@code --fail-status S}, {@code --latency 20ms..50ms}, {@code --drop-rate R}, {@code --consistency-delay 500ms},
 * {@code --fault-seed N}. Public so that other launchers (the twinsync CLI) read the same flags the same way.
 */
public final class TuningOptions {

    public static final Set<String> FLAGS = Set.of(
            "--limits",
            "--limit",
            "--fail-rate",
            "--fail-status",
            "--latency",
            "--drop-rate",
            "--consistency-delay",
            "--fault-seed",
            "--threads");

    /** Flags that take no value. */
    public static final Set<String> SWITCHES = Set.of("--refuse-access");

    static final String USAGE =
            """
              --limits service|off      ADT's per-second rate limits, or none (default: %s)
              --limit CLASS=N|off       change one limit; CLASS is reads, patches, creates-deletes, twin-writes,
                                        queries, models, jobs or event-routes (repeatable)
              --fail-rate R             answer a share R (0..1) of requests with a server error (default 0)
              --fail-status S           that error: 500, 502, 503 or 504 (default 503)
              --latency A[..B]          delay every request by A, plus up to B-A more at random (e.g. 20ms..50ms)
              --drop-rate R             close a share R (0..1) of connections without an answer (default 0)
              --consistency-delay D     refuse relationships to twins created less than D ago, and deletes of twins
                                        whose relationship was deleted less than D ago (e.g. 500ms; default 0)
              --fault-seed N            seed the fault dice, for repeatable runs
              --threads N               worker threads answering requests (default %d); latency holds none of them
              --refuse-access           answer every request 403 with an empty body, as ADT answers an identity
                                        without a data-plane role
            """
                    .formatted(
                            AdtEmulator.DEFAULT_RATE_LIMITS.enabled() ? "service" : "off",
                            AdtEmulator.DEFAULT_WORKER_THREADS);

    private RateLimits baseLimits = AdtEmulator.DEFAULT_RATE_LIMITS;
    private final List<String> limitChanges = new ArrayList<>();
    private Faults faults = Faults.none();
    private int workerThreads = AdtEmulator.DEFAULT_WORKER_THREADS;
    private boolean refuseAccess;

    /** Takes one flag and its value; throws {@link IllegalArgumentException} with a hint when the value is wrong. */
    public void set(String flag, String value) {
        switch (flag) {
            case "--limits" -> baseLimits = RateLimits.named(value);
            case "--limit" -> {
                RateLimits.unlimited().with(value); // fail now, naming the flag's value
                limitChanges.add(value);
            }
            case "--fail-rate" -> faults = faults.withFailRate(share(flag, value));
            case "--fail-status" -> faults = faults.withFailStatus(number(flag, value));
            case "--latency" -> {
                DurationText.Range range = DurationText.parseRange(value);
                faults = faults.withLatency(range.from(), range.spread());
            }
            case "--drop-rate" -> faults = faults.withDropRate(share(flag, value));
            case "--consistency-delay" -> faults = faults.withConsistencyDelay(DurationText.parse(value));
            case "--fault-seed" -> faults = faults.withSeed(seed(value));
            case "--threads" -> workerThreads = threads(value);
            default -> throw new IllegalArgumentException("Unknown option '" + flag + "'");
        }
    }

    public RateLimits rateLimits() {
        RateLimits limits = baseLimits;
        for (String change : limitChanges) {
            limits = limits.with(change);
        }
        return limits;
    }

    public Faults faults() {
        return faults;
    }

    public int workerThreads() {
        return workerThreads;
    }

    /** Turns on a flag of {@link #SWITCHES}. */
    public void enable(String flag) {
        if (!flag.equals("--refuse-access")) {
            throw new IllegalArgumentException("Unknown option '" + flag + "'");
        }
        refuseAccess = true;
    }

    public boolean refuseAccess() {
        return refuseAccess;
    }

    /** Sets the limits, faults, worker threads and refusal of {@code builder}; the launchers' one way to apply them. */
    public AdtEmulator.Builder applyTo(AdtEmulator.Builder builder) {
        return builder.rateLimits(rateLimits())
                .faults(faults)
                .workerThreads(workerThreads)
                .refuseAccess(refuseAccess);
    }

    private static int threads(String value) {
        try {
            int threads = Integer.parseInt(value.strip());
            if (threads >= 1 && threads <= 1_024) {
                return threads;
            }
        } catch (NumberFormatException e) {
            // the message below
        }
        throw new IllegalArgumentException("--threads takes a whole number from 1 to 1024; got '" + value + "'");
    }

    private static double share(String flag, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    flag + " takes a share between 0 and 1, such as 0.05; got '" + value + "'");
        }
    }

    private static long seed(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--fault-seed takes a whole number; got '" + value + "'");
        }
    }

    private static int number(String flag, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " takes a whole number; got '" + value + "'");
        }
    }
}
