package io.twinsync.emulator.events;

import java.io.IOException;

/** Where delivered notifications go: the stand-in for the endpoints (Event Hubs, Event Grid, Service Bus) of ADT. */
public interface NotificationSink extends AutoCloseable {

    /** Delivers one notification that passed {@code route}'s filter. */
    void deliver(Notification notification, EventRoute route) throws IOException;

    /** Makes everything delivered so far visible (called whenever the queue runs empty). */
    void flush() throws IOException;

    @Override
    void close() throws IOException;
}
