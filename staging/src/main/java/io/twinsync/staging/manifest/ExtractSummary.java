package io.twinsync.staging.manifest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What extract staged: rows per entity, and how each entity was read.
 *
 * @param rowsByEntity rows staged per entity
 * @param incremental the entities read incrementally (only rows past their watermark); every other entity was read
 *     whole, so its staged rows are all the source has
 * @param startedAfresh entities whose earlier sync state was not used, and why (a first sync to the target, a changed
 *     source, query or mapping, a full compare): they were read whole and their earlier presence list was not used
 * @param rowsRejected rows the extract itself set aside ({@code rejects/extract.ndjson}): lines of copied rows
 *     ({@code run --rows-from}) that were not JSON, lacked a key or held a value of another type; 0 for a JDBC read
 * @param rejectsByReason those rows by reason code
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ExtractSummary(
        Instant startedAt,
        Instant finishedAt,
        Map<String, Long> rowsByEntity,
        Set<String> incremental,
        Map<String, String> startedAfresh,
        long rowsRejected,
        Map<String, Long> rejectsByReason) {

    public ExtractSummary {
        rejectsByReason =
                rejectsByReason == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(rejectsByReason));
        rowsByEntity = Map.copyOf(rowsByEntity);
        incremental = incremental == null ? Set.of() : Collections.unmodifiableSet(new TreeSet<>(incremental));
        startedAfresh = startedAfresh == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(startedAfresh));
    }

    /** Every entity read whole, with no word on earlier state. */
    public ExtractSummary(Instant startedAt, Instant finishedAt, Map<String, Long> rowsByEntity) {
        this(startedAt, finishedAt, rowsByEntity, Set.of(), Map.of(), 0, Map.of());
    }

    /** This summary with the entities read incrementally and those whose earlier state was set aside. */
    public ExtractSummary withReads(Set<String> incrementalEntities, Map<String, String> afresh) {
        return new ExtractSummary(
                startedAt, finishedAt, rowsByEntity, incrementalEntities, afresh, rowsRejected, rejectsByReason);
    }

    /** This summary with the rows the extract set aside, by reason code. */
    public ExtractSummary withRejects(long rejected, Map<String, Long> byReason) {
        return new ExtractSummary(startedAt, finishedAt, rowsByEntity, incremental, startedAfresh, rejected, byReason);
    }

    public long totalRows() {
        return rowsByEntity.values().stream().mapToLong(Long::longValue).sum();
    }
}
