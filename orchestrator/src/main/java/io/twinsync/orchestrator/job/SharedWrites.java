package io.twinsync.orchestrator.job;

import io.twinsync.writer.SharedWrite;
import io.twinsync.writer.WriteProgress;
import io.twinsync.writer.WriterSettings;
import io.twinsync.writer.retry.RequestListener;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The {@link SharedWrite} of each running write, by job execution: {@link WriteFanOut} opens one for the partitions
 * it starts, and each partition's step finds it here. Every request of every partition is told to {@code requests}
 * too (the metrics, or no one).
 */
@Component
class SharedWrites {

    private final Map<Long, Opened> running = new ConcurrentHashMap<>();
    private final RequestListener requests;

    SharedWrites(RequestListener requests) {
        this.requests = requests;
    }

    /**
     * Opens the shared write of a job execution's write step, whose partitions all run at once.
     *
     * @return what they will count as they go, for progress lines
     */
    WriteProgress open(long jobExecutionId) {
        Opened opened = new Opened(requests);
        running.put(jobExecutionId, opened);
        return opened.progress;
    }

    void close(long jobExecutionId) {
        running.remove(jobExecutionId);
    }

    /**
     * The shared write of the job execution, made on first use with these settings (the partitions' settings are
     * the same); a partition run on its own (nothing opened) shares with no one.
     */
    SharedWrite of(long jobExecutionId, WriterSettings settings) {
        Opened opened = running.get(jobExecutionId);
        return opened == null ? SharedWrite.of(settings, new WriteProgress(), requests) : opened.get(settings);
    }

    private static final class Opened {

        private final WriteProgress progress = new WriteProgress();
        private final RequestListener requests;
        private SharedWrite shared;

        Opened(RequestListener requests) {
            this.requests = requests;
        }

        synchronized SharedWrite get(WriterSettings settings) {
            if (shared == null) {
                shared = SharedWrite.of(settings, progress, requests);
            }
            return shared;
        }
    }
}
