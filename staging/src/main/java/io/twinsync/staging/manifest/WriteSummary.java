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
        long throttled) {}
