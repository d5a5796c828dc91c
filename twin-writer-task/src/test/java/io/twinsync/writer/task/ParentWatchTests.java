package io.twinsync.writer.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A task started by twinsync's processes back-end stops when the process that started it is gone. */
class ParentWatchTests {

    @Test
    void theTaskHearsWhenItsStarterDiesAndNotBefore() throws Exception {
        // given a starter process that is alive, watched
        Process starter = new ProcessBuilder("sleep", "60").start();
        CountDownLatch gone = new CountDownLatch(1);
        try {
            ParentWatch.start(Long.toString(starter.pid()), gone::countDown);

            // then nothing happens while it lives
            assertThat(gone.await(300, TimeUnit.MILLISECONDS)).isFalse();

            // when it is killed
            starter.destroyForcibly();

            // then the watch calls out
            assertThat(gone.await(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            starter.destroyForcibly();
        }
    }

    @Test
    void aStarterAlreadyGoneEndsTheTaskAtOnceAndNoVariableMeansNoWatch() throws Exception {
        Process starter = new ProcessBuilder("true").start();
        starter.waitFor();
        CountDownLatch gone = new CountDownLatch(1);
        ParentWatch.start(Long.toString(starter.pid()), gone::countDown);
        assertThat(gone.getCount()).isZero();

        CountDownLatch never = new CountDownLatch(1);
        ParentWatch.start(null, never::countDown);
        ParentWatch.start("not a pid", never::countDown);
        assertThat(never.getCount()).isOne();
    }
}
