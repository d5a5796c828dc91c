package io.twinsync.orchestrator.schedule;

/**
 * What one tick did.
 *
 * @param kind whether its batch ran
 * @param batchId the batch, when one ran
 * @param result the batch's result as {@code twinsync run} reports it ({@code OK}, {@code PARTIAL}, {@code FAILED},
 *     {@code DRIFT}), or {@code STOPPED} when the schedule stopped it
 * @param reason why no batch ran, for the user
 */
public record TickOutcome(Kind kind, String batchId, String result, String reason) {

    /** Whether a tick's batch ran. */
    public enum Kind {
        /** A batch ran, to its end or until the schedule stopped it. */
        RAN,
        /** Another process holds the target (what makes {@code run} exit 4): the tick is skipped. */
        TARGET_HELD,
        /** The batch could not start, as {@code run} fails with exit code 1: the next tick tries again. */
        NOT_RUN
    }

    public static TickOutcome ran(String batchId, String result) {
        return new TickOutcome(Kind.RAN, batchId, result, null);
    }

    public static TickOutcome targetHeld(String reason) {
        return new TickOutcome(Kind.TARGET_HELD, null, null, reason);
    }

    public static TickOutcome notRun(String reason) {
        return new TickOutcome(Kind.NOT_RUN, null, "FAILED", reason);
    }
}
