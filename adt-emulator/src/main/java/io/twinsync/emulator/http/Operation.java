package io.twinsync.emulator.http;

/** What a request asks for, named the way {@code EmulatorStats} counts it (for example {@code twins.patch}). */
public enum Operation {
    MODELS_POST("models.post"),
    MODELS_LIST("models.list"),
    MODELS_GET("models.get"),
    MODELS_PATCH("models.patch"),
    MODELS_DELETE("models.delete"),
    TWINS_GET("twins.get"),
    TWINS_PUT("twins.put"),
    TWINS_PATCH("twins.patch"),
    TWINS_DELETE("twins.delete"),
    RELATIONSHIPS_GET("relationships.get"),
    RELATIONSHIPS_PUT("relationships.put"),
    RELATIONSHIPS_PATCH("relationships.patch"),
    RELATIONSHIPS_DELETE("relationships.delete"),
    RELATIONSHIPS_LIST("relationships.list"),
    RELATIONSHIPS_INCOMING("relationships.incoming"),
    COMPONENTS_GET("components.get"),
    COMPONENTS_PATCH("components.patch"),
    /** {@code POST /digitaltwins/{id}/telemetry}. */
    TELEMETRY_SEND("twins.telemetry"),
    /** {@code POST /digitaltwins/{id}/components/{name}/telemetry}. */
    COMPONENT_TELEMETRY_SEND("components.telemetry"),
    QUERY("query"),
    IMPORT_JOBS_PUT("importjobs.put"),
    IMPORT_JOBS_GET("importjobs.get"),
    IMPORT_JOBS_LIST("importjobs.list"),
    IMPORT_JOBS_CANCEL("importjobs.cancel"),
    IMPORT_JOBS_DELETE("importjobs.delete"),
    EVENT_ROUTES_PUT("eventroutes.put"),
    EVENT_ROUTES_GET("eventroutes.get"),
    EVENT_ROUTES_LIST("eventroutes.list"),
    EVENT_ROUTES_DELETE("eventroutes.delete"),
    /** An ADT operation the emulator does not offer yet (delete jobs). */
    NOT_IMPLEMENTED("unsupported"),
    /** A path or method ADT does not have. */
    UNKNOWN("unknown");

    private final String kind;

    Operation(String kind) {
        this.kind = kind;
    }

    /** The stats key, such as {@code twins.put}. */
    public String kind() {
        return kind;
    }

    /** True for operations that change twins or relationships (what a rate limit on writes would count). */
    public boolean isGraphWrite() {
        return switch (this) {
            case TWINS_PUT,
                    TWINS_PATCH,
                    TWINS_DELETE,
                    RELATIONSHIPS_PUT,
                    RELATIONSHIPS_PATCH,
                    RELATIONSHIPS_DELETE,
                    COMPONENTS_PATCH -> true;
            default -> false;
        };
    }
}
