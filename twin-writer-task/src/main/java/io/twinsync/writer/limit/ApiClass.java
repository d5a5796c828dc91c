package io.twinsync.writer.limit;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The groups of requests ADT rate-limits separately per instance, with the limits Microsoft documents (limits page,
 * 2025 revision). Writes to one twin and its relationships are also limited per twin ({@link
 * RateLimits#perTwinWrites()}).
 */
public enum ApiClass {
    /** Twin and relationship GETs and relationship listings. */
    READS("reads", 1_000),
    /** Twin and relationship PATCHes. */
    PATCHES("patches", 1_000),
    /** Twin and relationship PUTs and DELETEs. */
    CREATES_DELETES("creates-deletes", 500),
    /** Query requests. */
    QUERIES("queries", 500),
    /** Every models API request. */
    MODELS("models", 100);

    private final String key;
    private final int serviceLimit;

    ApiClass(String key, int serviceLimit) {
        this.key = key;
        this.serviceLimit = serviceLimit;
    }

    /** The name in settings and on the command line, such as {@code reads} in {@code --limit reads=2000}. */
    public String key() {
        return key;
    }

    /** Requests per second the service documents for one instance. */
    public int serviceLimit() {
        return serviceLimit;
    }

    /** The class named {@code key}, ignoring case. */
    public static ApiClass fromKey(String key) {
        String wanted = key.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(c -> c.key.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown API class '" + key + "'; use one of "
                        + Arrays.stream(values()).map(ApiClass::key).collect(Collectors.joining(", "))));
    }
}
