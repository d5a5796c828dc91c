package io.twinsync.orchestrator.job;

import io.twinsync.extract.watermark.EntityExtract;
import io.twinsync.staging.BatchLayout;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The extract step's progress in its step execution context: one entry per entity staged whole (its rows, how it was
 * read, its new watermark), so that an extract that starts again, after a failure or a kill, reads only the entities
 * that were not done.
 */
final class ExtractProgress {

    private static final String PREFIX = "extracted.";

    private ExtractProgress() {}

    /** Records an entity as staged whole. */
    static void record(ExecutionContext context, EntityExtract done) {
        context.putString(PREFIX + done.entity(), done.toJson());
    }

    /** The entities an earlier attempt staged whole, by name. */
    static Map<String, EntityExtract> read(ExecutionContext context) {
        Map<String, EntityExtract> done = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : context.entrySet()) {
            if (entry.getKey().startsWith(PREFIX) && entry.getValue() instanceof String json) {
                EntityExtract extract = EntityExtract.fromJson(json);
                done.put(extract.entity(), extract);
            }
        }
        return done;
    }

    /** Their rows files, which the extract keeps when it starts again. */
    static Set<String> rowsFiles(Map<String, EntityExtract> done) {
        return done.keySet().stream().map(BatchLayout::rowsFile).collect(Collectors.toSet());
    }
}
