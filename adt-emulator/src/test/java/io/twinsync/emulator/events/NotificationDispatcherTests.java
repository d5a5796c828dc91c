package io.twinsync.emulator.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.twinsync.emulator.json.EmulatorJson;
import io.twinsync.emulator.store.StoredTwin;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The queue between the store and the sink: order, completeness on close, and drops when the sink falls behind. */
class NotificationDispatcherTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void closingDeliversEverythingQueuedInCommitOrder() {
        // given
        RecordingSink sink = new RecordingSink();
        NotificationDispatcher dispatcher = new NotificationDispatcher(routes("true"), builder(), sink);

        // when
        for (int i = 0; i < 1_000; i++) {
            dispatcher.twinCreated(twin("t" + i));
        }
        dispatcher.close();

        // then
        assertThat(sink.subjects).hasSize(1_000).startsWith("t0", "t1").endsWith("t999");
        assertThat(sink.closed).isTrue();
        assertThat(dispatcher.counts()).isEqualTo(new NotificationCounts(1_000, 0));
    }

    @Test
    void withoutRoutesNothingIsQueuedAndNothingCountsAsDropped() {
        // given
        RecordingSink sink = new RecordingSink();
        NotificationDispatcher dispatcher = new NotificationDispatcher(new EventRoutes(), builder(), sink, 1);

        // when
        for (int i = 0; i < 10; i++) {
            dispatcher.twinCreated(twin("t" + i));
        }
        dispatcher.close();

        // then
        assertThat(sink.subjects).isEmpty();
        assertThat(dispatcher.counts()).isEqualTo(new NotificationCounts(0, 0));
    }

    @Test
    void aFullQueueDropsAndCountsChangesInsteadOfBlockingTheWriter() throws InterruptedException {
        // given a sink stuck on the first notification and room for two more
        BlockingSink sink = new BlockingSink();
        NotificationDispatcher dispatcher = new NotificationDispatcher(routes("true"), builder(), sink, 2);
        dispatcher.twinCreated(twin("t0"));
        assertThat(sink.entered.await(10, TimeUnit.SECONDS)).isTrue();

        // when
        for (int i = 1; i <= 4; i++) {
            dispatcher.twinCreated(twin("t" + i));
        }
        sink.release.countDown();
        dispatcher.close();

        // then
        assertThat(sink.subjects).containsExactly("t0", "t1", "t2");
        assertThat(dispatcher.counts()).isEqualTo(new NotificationCounts(3, 2));
    }

    @Test
    void changesAfterCloseAreCountedAsDropped() {
        // given
        RecordingSink sink = new RecordingSink();
        NotificationDispatcher dispatcher = new NotificationDispatcher(routes("true"), builder(), sink);
        dispatcher.close();

        // when
        dispatcher.twinCreated(twin("late"));

        // then
        assertThat(sink.subjects).isEmpty();
        assertThat(dispatcher.counts().dropped()).isEqualTo(1);
    }

    private static EventRoutes routes(String filter) {
        EventRoutes routes = new EventRoutes();
        routes.createOrReplace(
                "r", JSON.createObjectNode().put("endpointName", "hub").put("filter", filter));
        return routes;
    }

    private static NotificationBuilder builder() {
        return new NotificationBuilder("localhost:1");
    }

    private static StoredTwin twin(String id) {
        return new StoredTwin(
                id,
                "dtmi:test:Room;1",
                EmulatorJson.object(),
                Map.of(),
                Map.of(),
                Set.of(),
                Instant.now(),
                "W/\"" + id + "\"");
    }

    /** Keeps the subjects it receives. */
    private static class RecordingSink implements NotificationSink {
        final List<String> subjects = Collections.synchronizedList(new ArrayList<>());
        volatile boolean closed;

        @Override
        public void deliver(Notification notification, EventRoute route) {
            subjects.add(notification.subject());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {
            closed = true;
        }
    }

    /** Blocks on its first delivery until released, like a disk that stalls. */
    private static final class BlockingSink extends RecordingSink {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public void deliver(Notification notification, EventRoute route) {
            entered.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            super.deliver(notification, route);
        }
    }
}
