package io.twinsync.emulator.limits;

import io.twinsync.emulator.http.Operation;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The groups ADT rate-limits separately, each with its documented per-instance limit per second (Microsoft's limits
 * page, 2025). {@link #SINGLE_TWIN_WRITES} is counted per twin, the others per instance; a write to a twin counts
 * against both its own class and the twin's budget.
 */
public enum ApiClass {
    /** Twin, component and relationship GETs and relationship listings. */
    TWIN_READS("reads", 1_000, "twin reads"),
    /** Twin, component and relationship PATCHes. */
    TWIN_PATCHES("patches", 1_000, "twin patches"),
    /** Twin and relationship PUTs and DELETEs. */
    CREATES_DELETES("creates-deletes", 500, "creates and deletes of twins and relationships"),
    /** Creates, updates and deletes of one twin and its relationships, keyed by the (source) twin id. */
    SINGLE_TWIN_WRITES("twin-writes", 10, "writes to one twin and its relationships"),
    /** {@code POST /query}. */
    QUERIES("queries", 500, "query requests"),
    /** Every {@code /models} request. */
    MODELS("models", 100, "models API requests"),
    /** Every {@code /jobs} request. */
    JOBS("jobs", 1, "jobs API requests"),
    /** Every {@code /eventroutes} request. */
    EVENT_ROUTES("event-routes", 100, "event routes API requests");

    private final String key;
    private final int serviceLimit;
    private final String description;

    ApiClass(String key, int serviceLimit, String description) {
        this.key = key;
        this.serviceLimit = serviceLimit;
        this.description = description;
    }

    /** The name used on the command line, such as {@code reads} in {@code --limit reads=2000}. */
    public String key() {
        return key;
    }

    /** Requests per second the service allows. */
    public int serviceLimit() {
        return serviceLimit;
    }

    /** What the class counts, for messages. */
    public String description() {
        return description;
    }

    /** The class named {@code key} (case-insensitive). */
    public static ApiClass fromKey(String key) {
        String wanted = key.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(apiClass -> apiClass.key.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown API class '" + key + "'; use one of "
                        + Arrays.stream(values()).map(ApiClass::key).collect(Collectors.joining(", "))));
    }

    /**
     * The instance-wide class an operation counts against; empty for requests the limits page does not limit
     * (unknown paths, and telemetry, which it does not list).
     */
    public static Optional<ApiClass> of(Operation operation) {
        return Optional.ofNullable(
                switch (operation) {
                    case TWINS_GET, COMPONENTS_GET, RELATIONSHIPS_GET, RELATIONSHIPS_LIST, RELATIONSHIPS_INCOMING ->
                        TWIN_READS;
                    case TWINS_PATCH, COMPONENTS_PATCH, RELATIONSHIPS_PATCH -> TWIN_PATCHES;
                    case TWINS_PUT, TWINS_DELETE, RELATIONSHIPS_PUT, RELATIONSHIPS_DELETE -> CREATES_DELETES;
                    case MODELS_POST, MODELS_LIST, MODELS_GET, MODELS_PATCH, MODELS_DELETE -> MODELS;
                    case EVENT_ROUTES_PUT, EVENT_ROUTES_GET, EVENT_ROUTES_LIST, EVENT_ROUTES_DELETE -> EVENT_ROUTES;
                    case NOT_IMPLEMENTED, UNKNOWN, TELEMETRY_SEND, COMPONENT_TELEMETRY_SEND -> null;
                    // Query and job operations (query.*, importjobs.*, ...) are matched by their stats kind, so
                    // this mapping keeps up with operations the router learns.
                    default -> byKind(operation.kind());
                });
    }

    /** True when the operation also counts against its twin's {@link #SINGLE_TWIN_WRITES} budget. */
    public static boolean countsAgainstTwin(Operation operation) {
        return operation.isGraphWrite();
    }

    private static ApiClass byKind(String kind) {
        if (kind.startsWith("query")) {
            return QUERIES;
        }
        if (kind.contains("jobs")) {
            return JOBS;
        }
        if (kind.startsWith("models")) {
            return MODELS;
        }
        return null;
    }
}
