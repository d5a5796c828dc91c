package io.twinsync.writer.report;

import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchLayout;
import io.twinsync.staging.StagedOutput;
import io.twinsync.staging.StagingException;
import io.twinsync.staging.json.StagingJson;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;

/**
 * The requests a write phase of one partition sent, and the 429s it got, per second:
 * {@code results/{partition}.requests.json}, read by the batch report for its chart of the write.
 *
 * @param seconds the seconds with a request or a 429, oldest first
 */
public record RequestTimeline(List<Second> seconds) {

    /** A file name ends so, after the partition's results name. */
    public static final String SUFFIX = ".requests.json";

    /**
     * One second of the write.
     *
     * @param at the second's start
     * @param requests requests sent in it, retries included
     * @param throttled answers 429 (throttled) received in it
     */
    public record Second(Instant at, long requests, long throttled) {}

    public RequestTimeline {
        seconds = seconds == null ? List.of() : List.copyOf(seconds);
    }

    /** The path of a partition's timeline, such as {@code results/part-1-of-4.requests.json}. */
    public static String path(String resultsName) {
        return BatchLayout.RESULTS + resultsName + SUFFIX;
    }

    /** Writes (or replaces) the timeline of a partition's write phase. */
    public void write(Batch batch, String resultsName) {
        String path = path(resultsName);
        try (StagedOutput out = batch.create(path)) {
            StagingJson.mapper().writeValue(out, this);
            out.commit();
        } catch (IOException e) {
            throw new StagingException("Cannot write " + path + " in batch " + batch.id() + ": " + e.getMessage(), e);
        }
    }

    /** Reads a timeline file. */
    public static RequestTimeline read(Batch batch, String path) {
        try (InputStream in = batch.open(path)) {
            return StagingJson.mapper().readValue(in, RequestTimeline.class);
        } catch (IOException e) {
            throw new StagingException("Cannot read " + path + " in batch " + batch.id() + ": " + e.getMessage(), e);
        }
    }
}
