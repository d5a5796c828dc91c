package io.twinsync.staging.manifest;

import java.time.Instant;

/** What the writer did to the twin graph, and what it cost in requests. */
public record WriteSummary(
        Instant startedAt,
        Instant finishedAt,
        String target,
        OutcomeCounts twins,
        OutcomeCounts relationships,
        long requests,
        long retried,
        long throttled) {

    /**
     * This summary and another of the same batch added up, as when the partitions of one write each report their
     * own: the earliest start, the latest end, and the sums of counts and requests.
     */
    public WriteSummary plus(WriteSummary other) {
        return new WriteSummary(
                startedAt.isBefore(other.startedAt) ? startedAt : other.startedAt,
                finishedAt.isAfter(other.finishedAt) ? finishedAt : other.finishedAt,
                target,
                twins.plus(other.twins),
                relationships.plus(other.relationships),
                requests + other.requests,
                retried + other.retried,
                throttled + other.throttled);
    }
}
