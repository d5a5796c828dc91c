package io.twinsync.orchestrator.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The tick logic of {@code twinsync schedule}, with ticks handed out by the test and batches it lets end. */
class BatchScheduleTests {

    private static final ZonedDateTime T0 = ZonedDateTime.of(2026, 12, 7, 6, 0, 0, 0, ZoneOffset.UTC);

    private final HandedTicks ticks = new HandedTicks();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private BatchSchedule schedule;
    private CompletableFuture<Void> running;

    @AfterEach
    void stopTheSchedule() throws Exception {
        if (schedule != null) {
            schedule.stop();
            running.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aTickWhileABatchRunsIsSkippedAndSaidSoAndTheNextBatchStartsAtTheFirstTickAfterIt() {
        // given a batch slower than the schedule's period
        GatedBatch batch = new GatedBatch(0);
        start(batch);
        ticks.tick(T0);
        eventually(() -> batch.started().size() == 1);

        // when the next tick comes while it runs, and another once it has ended
        ticks.tick(T0.plusSeconds(2));
        eventually(() -> err.toString().contains("skipped the start at 2026-12-07T06:00:02Z"));
        batch.end();
        eventually(() -> out.toString().contains("batch batch-1 OK"));
        ticks.tick(T0.plusSeconds(4));
        eventually(() -> batch.started().size() == 2);
        batch.end();
        eventually(() -> out.toString().contains("batch batch-2 OK"));

        // then the tick that came meanwhile started nothing, and never did two batches run at once
        assertThat(batch.started()).containsExactly(T0, T0.plusSeconds(4));
        assertThat(batch.mostAtOnce()).isEqualTo(1);
        assertThat(err.toString())
                .contains("twinsync schedule: skipped the start at 2026-12-07T06:00:02Z: the batch started at"
                        + " 2026-12-07T06:00:00Z is still running; the next batch starts at the first tick after it"
                        + " ends");
        assertThat(out.toString())
                .isEqualTo(
                        "2026-12-07T06:00:00Z batch batch-1 OK%n2026-12-07T06:00:04Z batch batch-2 OK%n".formatted());
    }

    @Test
    void aTickThatFindsTheTargetHeldByAnotherRunIsSkippedAndSaidSoAndTheScheduleGoesOn() {
        // given another run holding the target at the first tick
        GatedBatch batch = new GatedBatch(0)
                .thenEnd(TickOutcome.targetHeld(
                        "Another twinsync run holds the target adt-1: pid 4242 on host" + " build-7"));
        start(batch);

        // when two ticks come
        ticks.tick(T0);
        batch.end();
        eventually(() -> err.toString().contains("skipped the start at 2026-12-07T06:00:00Z"));
        ticks.tick(T0.plusSeconds(2));
        batch.end();
        eventually(() -> out.toString().contains("batch batch-2 OK"));

        // then the first is one line on standard error naming the holder, and the second ran
        assertThat(err.toString())
                .contains("twinsync schedule: skipped the start at 2026-12-07T06:00:00Z: Another twinsync run holds"
                        + " the target adt-1: pid 4242 on host build-7. The next tick tries again.");
        assertThat(out.toString()).isEqualTo("2026-12-07T06:00:02Z batch batch-2 OK%n".formatted());
    }

    @Test
    void aFailedBatchOrOneThatCannotStartDoesNotStopTheSchedule() {
        GatedBatch batch = new GatedBatch(0)
                .thenEnd(
                        TickOutcome.ran("batch-1", "FAILED"),
                        TickOutcome.notRun("The source database (twinsync.source.url) cannot be used: refused"));
        start(batch);

        for (int i = 0; i < 3; i++) {
            ticks.tick(T0.plusSeconds(2L * i));
            batch.end();
            int ran = i + 1;
            eventually(() -> out.toString().lines().count() == ran);
        }

        assertThat(out.toString())
                .isEqualTo(("2026-12-07T06:00:00Z batch batch-1 FAILED%n2026-12-07T06:00:02Z no batch FAILED%n"
                                + "2026-12-07T06:00:04Z batch batch-3 OK%n")
                        .formatted());
        assertThat(err.toString())
                .contains("the batch at 2026-12-07T06:00:02Z could not run: The source database"
                        + " (twinsync.source.url) cannot be used: refused. The next tick tries again.");
    }

    @Test
    void stopAsksTheRunningBatchToStopUntilItsJobRunsAndEndsOnceTheBatchHasStopped() throws Exception {
        // given a running batch whose job has not started by the time of the first two stops
        GatedBatch batch = new GatedBatch(2);
        start(batch);
        ticks.tick(T0);
        eventually(() -> batch.started().size() == 1);

        // when the schedule is stopped
        schedule.stop();
        running.get(10, TimeUnit.SECONDS);

        // then the batch was asked until its job took the stop, and its line says it stopped
        assertThat(batch.stopsAsked()).isEqualTo(3);
        assertThat(out.toString()).isEqualTo("2026-12-07T06:00:00Z batch batch-1 STOPPED%n".formatted());
        assertThat(err.toString())
                .contains("twinsync schedule: stopping; the batch started at 2026-12-07T06:00:00Z stops once its"
                        + " running step has ended")
                .endsWith("twinsync schedule: stopped.%n".formatted());

        // and no tick starts a batch any more
        ticks.tick(T0.plusSeconds(2));
        Thread.sleep(100);
        assertThat(batch.started()).hasSize(1);
    }

    @Test
    void stopBetweenBatchesEndsAtOnce() throws Exception {
        GatedBatch batch = new GatedBatch(0);
        start(batch);

        schedule.stop();
        running.get(10, TimeUnit.SECONDS);

        assertThat(batch.started()).isEmpty();
        assertThat(batch.stopsAsked()).isZero();
        assertThat(err.toString()).isEqualTo("twinsync schedule: stopped.%n".formatted());
    }

    private void start(ScheduledBatch batch) {
        schedule = new BatchSchedule(ticks, batch, new PrintWriter(out, true), new PrintWriter(err, true));
        running = CompletableFuture.runAsync(() -> {
            try {
                schedule.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private static void eventually(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 10 s for the schedule").isLessThan(deadline);
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
