package io.twinsync.emulator.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsync.emulator.patch.PatchOperation;
import io.twinsync.emulator.store.GraphEventListener;
import io.twinsync.emulator.store.StoredRelationship;
import io.twinsync.emulator.store.StoredTwin;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the store's committed changes and telemetry into notifications, matches them against the event routes and
 * hands them to the sink, off the request thread: each change is put on a bounded queue (with the routes as they were
 * at commit) and one writer thread builds, filters and delivers it, flushing whenever the queue runs empty. A write
 * therefore costs one queue insertion, and nothing when no route exists.
 *
 * <p>A full queue never blocks a write, which holds the store's lock: the change is dropped, counted in
 * {@link #counts()} and logged (the first time, then every {@value #LOG_EVERY}th). {@link #close()} delivers
 * everything queued, then flushes and closes the sink.
 */
public final class NotificationDispatcher implements GraphEventListener, AutoCloseable {

    /** Changes waiting for the writer before new ones are dropped. */
    public static final int DEFAULT_CAPACITY = 16_384;

    static final int LOG_EVERY = 1_000;

    private static final Duration CLOSE_WAIT = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);

    /** A change waiting for the writer: how to build its notification, and the routes at commit. */
    private record Pending(Supplier<Optional<Notification>> notification, List<EventRoutes.ActiveRoute> routes) {}

    private static final Pending STOP = new Pending(Optional::empty, List.of());

    private final EventRoutes routes;
    private final NotificationBuilder builder;
    private final NotificationSink sink;
    private final BlockingQueue<Pending> queue;
    private final Thread writer;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicBoolean closing = new AtomicBoolean();

    public NotificationDispatcher(EventRoutes routes, NotificationBuilder builder, NotificationSink sink) {
        this(routes, builder, sink, DEFAULT_CAPACITY);
    }

    NotificationDispatcher(EventRoutes routes, NotificationBuilder builder, NotificationSink sink, int capacity) {
        this.routes = routes;
        this.builder = builder;
        this.sink = sink;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.writer = new Thread(this::run, "adt-emulator-events");
        writer.setDaemon(true);
        writer.start();
    }

    public NotificationCounts counts() {
        return new NotificationCounts(delivered.get(), dropped.get());
    }

    @Override
    public void twinCreated(StoredTwin twin) {
        submit(() -> Optional.of(builder.twinCreated(twin)));
    }

    @Override
    public void twinReplaced(StoredTwin previous, StoredTwin twin) {
        submit(() -> builder.twinReplaced(previous, twin));
    }

    @Override
    public void twinUpdated(StoredTwin twin, List<PatchOperation> patch) {
        submit(() -> Optional.of(builder.twinUpdated(twin, patch)));
    }

    @Override
    public void twinDeleted(StoredTwin twin) {
        Instant now = Instant.now();
        submit(() -> Optional.of(builder.twinDeleted(twin, now)));
    }

    @Override
    public void relationshipCreated(StoredRelationship relationship) {
        Instant now = Instant.now();
        submit(() -> Optional.of(builder.relationshipCreated(relationship, now)));
    }

    @Override
    public void relationshipReplaced(
            StoredRelationship previous, StoredRelationship relationship, String sourceModelId) {
        Instant now = Instant.now();
        submit(() -> builder.relationshipReplaced(previous, relationship, sourceModelId, now));
    }

    @Override
    public void relationshipUpdated(StoredRelationship relationship, String sourceModelId, List<PatchOperation> patch) {
        Instant now = Instant.now();
        submit(() -> Optional.of(builder.relationshipUpdated(relationship, sourceModelId, patch, now)));
    }

    @Override
    public void relationshipDeleted(StoredRelationship relationship) {
        Instant now = Instant.now();
        submit(() -> Optional.of(builder.relationshipDeleted(relationship, now)));
    }

    @Override
    public void telemetrySent(
            StoredTwin twin, String component, String dataSchema, String messageId, JsonNode telemetry) {
        submit(() -> Optional.of(builder.telemetry(twin.id(), component, dataSchema, messageId, telemetry)));
    }

    /** Delivers what is queued, then flushes and closes the sink. Safe to call twice. */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        try {
            queue.put(STOP);
            writer.join(CLOSE_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (writer.isAlive()) {
            log.error(
                    "ADT emulator: the events writer did not finish within {} s; {} notifications are lost",
                    CLOSE_WAIT.toSeconds(),
                    queue.size());
            writer.interrupt();
        }
        try {
            sink.close();
        } catch (IOException e) {
            log.error("ADT emulator: closing the events sink failed", e);
        }
        NotificationCounts counts = counts();
        if (counts.dropped() > 0) {
            log.warn(
                    "ADT emulator: {} notifications delivered, {} changes dropped (see earlier warnings)",
                    counts.delivered(),
                    counts.dropped());
        } else {
            log.info("ADT emulator: {} notifications delivered", counts.delivered());
        }
    }

    /** Called on the writing thread, under the store's lock: never blocks, never throws. */
    private void submit(Supplier<Optional<Notification>> notification) {
        List<EventRoutes.ActiveRoute> now = routes.active();
        if (now.isEmpty()) {
            return;
        }
        if (closing.get() || !queue.offer(new Pending(notification, now))) {
            long count = dropped.incrementAndGet();
            if (count == 1 || count % LOG_EVERY == 0) {
                log.warn(
                        "ADT emulator: {} change(s) dropped without notification: {}",
                        count,
                        closing.get()
                                ? "the emulator is closing"
                                : "the events queue is full (" + queue.size()
                                        + " waiting); the events file is written more slowly than the graph changes");
            }
        }
    }

    private void run() {
        while (true) {
            Pending pending;
            try {
                pending = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (pending == STOP) {
                flush();
                return;
            }
            deliver(pending);
            if (queue.isEmpty()) {
                flush();
            }
        }
    }

    private void deliver(Pending pending) {
        try {
            Optional<Notification> notification = pending.notification().get();
            if (notification.isEmpty()) {
                return;
            }
            for (EventRoutes.ActiveRoute route : pending.routes()) {
                if (route.filter().matches(notification.get())) {
                    sink.deliver(notification.get(), route.route());
                    delivered.incrementAndGet();
                }
            }
        } catch (IOException | RuntimeException e) {
            dropped.incrementAndGet();
            log.error("ADT emulator: a notification could not be delivered to the events sink", e);
        }
    }

    private void flush() {
        try {
            sink.flush();
        } catch (IOException e) {
            log.error("ADT emulator: flushing the events sink failed", e);
        }
    }
}
