package io.twinsync.writer.limit;

import java.util.EnumMap;
import java.util.Map;

/**
 * The request rates one writer may use: per {@link ApiClass} for the whole instance, and per twin for writes to one
 * twin and its relationships, each multiplied by {@code share}, this writer's part of the instance's budget when
 * several writers share it (the orchestrator passes {@code 1/n} to each of {@code n} parallel tasks). Validated on
 * construction; start from {@link #serviceDefaults()}.
 *
 * @param perSecond requests per second per class for the whole instance (every class present)
 * @param perTwinWrites creates, updates and deletes per second on one twin and its relationships; ADT's limit is 10
 *     and cannot be raised
 * @param share this writer's fraction of the instance limits, greater than 0 and at most 1; the per-twin limit is not
 *     shared, since one twin is written by one writer
 */
public record RateLimits(Map<ApiClass, Double> perSecond, double perTwinWrites, double share) {

    /** ADT's limit on writes to one twin and its relationships, per second. */
    public static final double SERVICE_PER_TWIN_WRITES = 10;

    public RateLimits {
        EnumMap<ApiClass, Double> copy = new EnumMap<>(ApiClass.class);
        for (ApiClass apiClass : ApiClass.values()) {
            Double limit = perSecond == null ? null : perSecond.get(apiClass);
            if (limit == null || !(limit > 0) || limit.isInfinite()) {
                throw new IllegalArgumentException("The rate limit for " + apiClass.key() + " must be a positive"
                        + " number of requests per second, was " + limit + "; ADT's documented limit is "
                        + apiClass.serviceLimit());
            }
            copy.put(apiClass, limit);
        }
        perSecond = Map.copyOf(copy);
        if (!(perTwinWrites > 0) || perTwinWrites > 1_000) {
            throw new IllegalArgumentException("The per-twin write limit must be above 0 and at most 1000 per second,"
                    + " was " + perTwinWrites + "; ADT allows " + (int) SERVICE_PER_TWIN_WRITES);
        }
        if (!(share > 0) || share > 1) {
            throw new IllegalArgumentException("The rate share must be above 0 and at most 1, was " + share
                    + "; give each of n writers sharing an instance 1/n");
        }
    }

    /** ADT's documented limits, all of them for this writer. */
    public static RateLimits serviceDefaults() {
        Map<ApiClass, Double> limits = new EnumMap<>(ApiClass.class);
        for (ApiClass apiClass : ApiClass.values()) {
            limits.put(apiClass, (double) apiClass.serviceLimit());
        }
        return new RateLimits(limits, SERVICE_PER_TWIN_WRITES, 1);
    }

    /** The same with the instance's limit for one class changed (an instance whose limits were raised). */
    public RateLimits withLimit(ApiClass apiClass, double requestsPerSecond) {
        Map<ApiClass, Double> limits = new EnumMap<>(perSecond);
        limits.put(apiClass, requestsPerSecond);
        return new RateLimits(limits, perTwinWrites, share);
    }

    public RateLimits withPerTwinWrites(double requestsPerSecond) {
        return new RateLimits(perSecond, requestsPerSecond, share);
    }

    public RateLimits withShare(double fraction) {
        return new RateLimits(perSecond, perTwinWrites, fraction);
    }

    /** The settings key of the per-twin write limit, beside the {@link ApiClass} keys. */
    public static final String TWIN_WRITES_KEY = "twin-writes";

    /**
     * The same with limits given by key ({@link ApiClass#key()}, or {@value #TWIN_WRITES_KEY} for the per-twin
     * limit), as settings and the command line name them.
     */
    public RateLimits withLimits(Map<String, Double> limits) {
        RateLimits result = this;
        for (Map.Entry<String, Double> limit : limits.entrySet()) {
            double value = limit.getValue() == null ? Double.NaN : limit.getValue();
            result = TWIN_WRITES_KEY.equalsIgnoreCase(limit.getKey().strip())
                    ? result.withPerTwinWrites(value)
                    : result.withLimit(ApiClass.fromKey(limit.getKey()), value);
        }
        return result;
    }

    /**
     * A share written as a fraction ({@code 0.25}) or as {@code i/n} ({@code 1/4}: one of four writers).
     *
     * @throws IllegalArgumentException naming the text when it is neither
     */
    public static double parseShare(String text) {
        String value = text.strip();
        try {
            int slash = value.indexOf('/');
            double share = slash < 0
                    ? Double.parseDouble(value)
                    : Double.parseDouble(value.substring(0, slash)) / Double.parseDouble(value.substring(slash + 1));
            if (!(share > 0) || share > 1) {
                throw new IllegalArgumentException("The rate share '" + text + "' is not above 0 and at most 1;"
                        + " give each of n writers sharing an instance 1/n");
            }
            return share;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "The rate share '" + text + "' is not a number such as 0.25 or a fraction such as 1/4", e);
        }
    }

    /** The rate this writer may use for a class: the instance's limit times the share. */
    public double effective(ApiClass apiClass) {
        return perSecond.get(apiClass) * share;
    }
}
