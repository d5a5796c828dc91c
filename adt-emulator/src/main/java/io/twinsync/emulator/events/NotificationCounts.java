package io.twinsync.emulator.events;

/**
 * What the notification pipeline did since start.
 *
 * @param delivered notifications written to the sink, one per matching route
 * @param dropped changes whose notifications were lost: the queue was full, the sink failed, or the emulator was
 *     closing
 */
public record NotificationCounts(long delivered, long dropped) {

    /** The counts of an emulator started without an events file. */
    public static final NotificationCounts NONE = new NotificationCounts(0, 0);
}
