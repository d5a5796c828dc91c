package io.twinsync.staging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What a lock records of its holder, and what a refused process makes of what it reads there. */
class LockHolderTests {

    private static final LockHolder HOLDER =
            new LockHolder("build-7", 4242, "20261207T060000000Z-ab12cd", Instant.parse("2026-12-07T06:00:01Z"));

    @Test
    void aHolderReadsBackAsWritten() {
        assertThat(LockHolder.fromJson(HOLDER.toJson())).contains(HOLDER);
        LockHolder noBatch = new LockHolder("build-7", 4242, null, Instant.parse("2026-12-07T06:00:01Z"));
        assertThat(LockHolder.fromJson(noBatch.toJson())).contains(noBatch);
    }

    @Test
    void aHolderIsDescribedByPidHostBatchAndTheInstantItTookTheLock() {
        assertThat(HOLDER.describe())
                .isEqualTo("pid 4242 on host build-7, batch 20261207T060000000Z-ab12cd, since 2026-12-07T06:00:01Z");
        assertThat(new LockHolder("build-7", 4242, null, Instant.parse("2026-12-07T06:00:01Z")).describe())
                .isEqualTo("pid 4242 on host build-7, since 2026-12-07T06:00:01Z");
    }

    @Test
    void thisProcessIsThisPidOnThisHostSinceNowToTheSecond() {
        Instant before = Instant.now().minusSeconds(1);

        LockHolder holder = LockHolder.thisProcess("20261207T060000000Z-ab12cd");

        assertThat(holder.pid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(holder.host()).isNotBlank();
        assertThat(holder.batch()).isEqualTo("20261207T060000000Z-ab12cd");
        assertThat(holder.since()).isBetween(before, Instant.now());
        assertThat(holder.since().getNano()).isZero();
    }

    @Test
    void contentThatIsNoHolderReadsAsNone() {
        // an empty lock (an older version's, or one whose holder is being written), other content, a partial write,
        // a holder without its pid, and a file far larger than a holder
        assertThat(LockHolder.fromJson(new byte[0])).isEmpty();
        assertThat(LockHolder.fromJson("not json".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        assertThat(LockHolder.fromJson("{\"host\":\"build-7\",\"pid\":42".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        assertThat(LockHolder.fromJson(
                        "{\"host\":\"build-7\",\"since\":\"2026-12-07T06:00:01Z\"}".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        assertThat(LockHolder.fromJson(new byte[LockHolder.MAX_JSON_BYTES + 1])).isEmpty();
    }
}
