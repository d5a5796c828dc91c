package io.twinsync.orchestrator.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsync.staging.manifest.OutcomeCounts;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Adds up the writer's result lines: outcomes per entity and kind, twins and relationships done per second, and the
 * failures by error code. Reads lines as trees, so fields it does not know are no concern.
 */
final class WriteTally {

    /** The entity of a line that names none: a twin file that could not be read, or a line of an earlier version. */
    static final String NO_ENTITY = "(unknown)";

    private static final String[] ACTIONS = {"created", "patched", "unchanged", "deleted", "failed", "skipped"};
    private static final int TWIN = 0;
    private static final int RELATIONSHIP = 1;

    private final Map<String, long[][]> byEntity = new TreeMap<>();
    private final Map<Long, Long> itemsPerSecond = new TreeMap<>();
    private long lines;

    /** Counts one line of {@code file}; a failed item goes to {@code errors} too. */
    void add(JsonNode line, String file, ErrorTally errors) {
        int kind = "relationship".equals(line.path("kind").asText()) ? RELATIONSHIP : TWIN;
        String action = line.path("action").asText("").toLowerCase(Locale.ROOT);
        int index = indexOf(action);
        if (index < 0) {
            return;
        }
        lines++;
        String entity = line.path("entity").asText(NO_ENTITY);
        byEntity.computeIfAbsent(entity, e -> new long[2][ACTIONS.length])[kind][index]++;
        secondOf(line.path("at").asText(null)).ifPresent(second -> itemsPerSecond.merge(second, 1L, Long::sum));
        if ("failed".equals(action)) {
            errors.add(
                    "write",
                    line.path("errorCode").asText("?"),
                    (kind == TWIN ? "twin " : "relationship ") + line.path("id").asText(""),
                    line.path("message").asText(""),
                    file);
        }
    }

    boolean isEmpty() {
        return lines == 0;
    }

    OutcomeCounts twins() {
        return byEntity().values().stream()
                .map(BatchReport.EntityWrite::twins)
                .reduce(OutcomeCounts.ZERO, OutcomeCounts::plus);
    }

    OutcomeCounts relationships() {
        return byEntity().values().stream()
                .map(BatchReport.EntityWrite::relationships)
                .reduce(OutcomeCounts.ZERO, OutcomeCounts::plus);
    }

    /** The outcomes per entity, by entity name. */
    Map<String, BatchReport.EntityWrite> byEntity() {
        Map<String, BatchReport.EntityWrite> entities = new LinkedHashMap<>();
        byEntity.forEach((entity, counts) ->
                entities.put(entity, new BatchReport.EntityWrite(counts(counts[TWIN]), counts(counts[RELATIONSHIP]))));
        return entities;
    }

    /** Twins and relationships done, by epoch second of their {@code at}. */
    Map<Long, Long> itemsPerSecond() {
        return itemsPerSecond;
    }

    private static OutcomeCounts counts(long[] c) {
        return new OutcomeCounts(c[0], c[1], c[2], c[3], c[4], c[5]);
    }

    private static int indexOf(String action) {
        for (int i = 0; i < ACTIONS.length; i++) {
            if (ACTIONS[i].equals(action)) {
                return i;
            }
        }
        return -1;
    }

    private static Optional<Long> secondOf(String at) {
        if (at == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(at).getEpochSecond());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
