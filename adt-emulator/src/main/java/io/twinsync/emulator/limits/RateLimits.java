package io.twinsync.emulator.limits;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * Requests per second the emulator allows for each {@link ApiClass}; a class without a limit is never throttled.
 * Immutable: {@code RateLimits.defaults().with(ApiClass.TWIN_READS, 5)} returns a new value.
 *
 * @param perSecond the limit of each limited class, at least 1
 */
public record RateLimits(Map<ApiClass, Integer> perSecond) {

    public RateLimits {
        perSecond.forEach((apiClass, limit) -> requirePositive(apiClass, limit));
        perSecond = Map.copyOf(perSecond);
    }

    /** The service's documented limits for every class. */
    public static RateLimits defaults() {
        Map<ApiClass, Integer> limits = new EnumMap<>(ApiClass.class);
        for (ApiClass apiClass : ApiClass.values()) {
            limits.put(apiClass, apiClass.serviceLimit());
        }
        return new RateLimits(limits);
    }

    /** No limits at all: nothing is ever throttled. */
    public static RateLimits unlimited() {
        return new RateLimits(Map.of());
    }

    /** {@code service} for {@link #defaults()}, {@code off} for {@link #unlimited()}. */
    public static RateLimits named(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "service", "on", "defaults" -> defaults();
            case "off", "none", "unlimited" -> unlimited();
            default ->
                throw new IllegalArgumentException(
                        "Unknown rate limit set '" + name + "'; use 'service' (ADT's limits) or 'off'");
        };
    }

    /** A copy with one class limited to {@code limit} requests per second. */
    public RateLimits with(ApiClass apiClass, int limit) {
        requirePositive(apiClass, limit);
        Map<ApiClass, Integer> copy = new EnumMap<>(ApiClass.class);
        copy.putAll(perSecond);
        copy.put(apiClass, limit);
        return new RateLimits(copy);
    }

    /** A copy with one class not limited. */
    public RateLimits without(ApiClass apiClass) {
        Map<ApiClass, Integer> copy = new EnumMap<>(ApiClass.class);
        copy.putAll(perSecond);
        copy.remove(apiClass);
        return new RateLimits(copy);
    }

    /** A copy with one setting applied, written {@code reads=2000} or {@code reads=off}. */
    public RateLimits with(String setting) {
        int equals = setting.indexOf('=');
        if (equals < 0) {
            throw new IllegalArgumentException(
                    "A rate limit is written CLASS=N or CLASS=off, such as reads=2000; got '" + setting + "'");
        }
        ApiClass apiClass = ApiClass.fromKey(setting.substring(0, equals));
        String value = setting.substring(equals + 1).trim();
        if (value.equalsIgnoreCase("off")) {
            return without(apiClass);
        }
        try {
            return with(apiClass, Integer.parseInt(value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "The limit for " + apiClass.key() + " must be a whole number of requests per second or 'off';"
                            + " got '" + value + "'",
                    e);
        }
    }

    /** The limit of one class, empty when it is not limited. */
    public OptionalInt limit(ApiClass apiClass) {
        Integer limit = perSecond.get(apiClass);
        return limit == null ? OptionalInt.empty() : OptionalInt.of(limit);
    }

    /** True when at least one class is limited. */
    public boolean enabled() {
        return !perSecond.isEmpty();
    }

    /** Such as {@code reads=1000/s, patches=1000/s} or {@code off}. */
    public String describe() {
        if (!enabled()) {
            return "off";
        }
        return new EnumMap<>(perSecond)
                .entrySet().stream()
                        .map(entry -> entry.getKey().key() + "=" + entry.getValue() + "/s")
                        .collect(Collectors.joining(", "));
    }

    private static void requirePositive(ApiClass apiClass, Integer limit) {
        if (limit == null || limit < 1) {
            throw new IllegalArgumentException("The rate limit for " + apiClass.key() + " must be at least 1 request"
                    + " per second, not " + limit + "; use without(" + apiClass.name() + ") for no limit");
        }
    }
}
