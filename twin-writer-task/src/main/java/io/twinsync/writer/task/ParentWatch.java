package io.twinsync.writer.task;

import java.util.Optional;

/**
 * Ends a task whose starter is gone. twinsync's {@code processes} back-end starts each partition's task with
 * {@value #VARIABLE} set to its own pid; when that process dies (killed, say), the task stops too, instead of writing
 * on behind a batch that {@code run --resume} starts the partition again for (a task left running would hold the
 * partition's writer lock and fail the resumed one). Not set by Azure Batch, whose agent outlives its tasks.
 */
final class ParentWatch {

    /** The pid of the process that started the task and must outlive it. */
    static final String VARIABLE = "TWINSYNC_PARENT_PID";

    private ParentWatch() {}

    /** Watches the process {@code pid} names, if any; calls {@code gone} once it has ended (at once if it has). */
    static void start(String pid, Runnable gone) {
        if (pid == null || pid.isBlank()) {
            return;
        }
        Optional<ProcessHandle> parent;
        try {
            parent = ProcessHandle.of(Long.parseLong(pid.strip()));
        } catch (NumberFormatException e) {
            return; // not ours to judge: a task runs the same without the watch
        }
        if (parent.isEmpty() || !parent.get().isAlive()) {
            gone.run();
            return;
        }
        parent.get().onExit().thenRun(gone);
    }
}
