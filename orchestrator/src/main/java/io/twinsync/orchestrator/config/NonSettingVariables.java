package io.twinsync.orchestrator.config;

import io.twinsync.staging.StagingStores;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code TWINSYNC_*} environment variables that are not settings: something other than the settings binder reads
 * them, so the check for unknown settings leaves them alone. Any other {@code TWINSYNC_*} variable must be a setting
 * ({@code TWINSYNC_WRITER_CONCURRENCY} is {@code twinsync.writer.concurrency}).
 */
public final class NonSettingVariables {

    private static final Map<String, String> VARIABLES = new LinkedHashMap<>();

    static {
        VARIABLES.put("TWINSYNC_LOG_LEVEL", "level of twinsync's own log messages, read by application.yaml");
        VARIABLES.put("TWINSYNC_JAVA_OPTS", "JVM options the ./twinsync launcher passes to java");
        VARIABLES.put(
                "TWINSYNC_LAUNCHER_HOME",
                "the ./twinsync launcher's default home (.twinsync next to it), after TWINSYNC_HOME and twinsync.home");
        VARIABLES.put("TWINSYNC_PARENT_PID", "set by twinsync for the partition tasks it starts");
        // A secret, so never a setting that could be printed.
        VARIABLES.put(
                StagingStores.CONNECTION_STRING_VARIABLE,
                "Blob Storage connection string for a staging URL without a SAS, read by the staging module");
        VARIABLES.put(
                StagingStores.SAS_VARIABLE,
                "SAS token for a staging URL without one, as twinsync hands it to the partition tasks it starts");
        // test-support's RequiredService.REQUIRE_SERVICES; CI sets it for the whole build, and tests start twinsync.
        VARIABLES.put("TWINSYNC_REQUIRE_SERVICES", "tests: fail instead of skipping when a service is absent");
    }

    private NonSettingVariables() {}

    /** The variables' names, each with what reads it. */
    public static Map<String, String> all() {
        return Map.copyOf(VARIABLES);
    }

    static Set<String> names() {
        return VARIABLES.keySet();
    }

    static boolean contains(String variable) {
        return VARIABLES.containsKey(variable.toUpperCase(Locale.ROOT));
    }
}
