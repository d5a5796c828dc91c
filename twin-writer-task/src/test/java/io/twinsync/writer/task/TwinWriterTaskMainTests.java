package io.twinsync.writer.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TwinWriterTaskMainTests {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void exitsWithOneAndAHintForABadPartition() {
        // when
        int code = run("--batch", dir.toString(), "--endpoint", "https://localhost:1", "--partition", "5/4");

        // then
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("1 <= i <= n").contains("--help").doesNotContain("\tat ");
    }

    @Test
    void exitsWithOneWhenTheFolderIsNotABatch() {
        // when
        int code = run("--batch", dir.toString(), "--endpoint", "https://localhost:1");

        // then
        assertThat(code).isEqualTo(1);
        assertThat(err.toString())
                .contains("is not a batch folder")
                .contains("{staging}/batches/{batchId}")
                .doesNotContain("\tat ");
    }

    @Test
    void exitsWithOneNamingAWrongRateShareOrLimitBeforeLookingAtTheBatch() {
        // when the share or a limit is wrong, and the batch folder does not exist either
        int share = run(
                "--batch", dir.resolve("nope").toString(), "--endpoint", "https://localhost:1", "--rate-share", "2");
        int limit = run(
                "--batch", dir.resolve("nope").toString(), "--endpoint", "https://localhost:1", "--limit", "writes=5");

        // then both say what is wrong with the setting, and what to use
        assertThat(share).isEqualTo(1);
        assertThat(limit).isEqualTo(1);
        assertThat(err.toString())
                .contains("rate share '2' is not above 0 and at most 1")
                .contains("Unknown API class 'writes'; use one of reads, patches")
                .doesNotContain("does not exist")
                .doesNotContain("\tat ");
    }

    @Test
    void exitsWithOneNamingADurationWithoutAUnitOrOutOfRange() {
        // when
        int bare = run(
                "--batch",
                dir.resolve("nope").toString(),
                "--endpoint",
                "https://localhost:1",
                "--unreachable-after",
                "60");
        int zero = run(
                "--batch",
                dir.resolve("nope").toString(),
                "--endpoint",
                "https://localhost:1",
                "--throttle-budget",
                "0s");

        // then
        assertThat(bare).isEqualTo(1);
        assertThat(zero).isEqualTo(1);
        assertThat(err.toString())
                .contains("'60' is not a duration; write a whole number and a unit, such as 500ms, 60s, 10m or 1h")
                .contains("throttleBudget must be more than 0 and at most 24 hours, was PT0S")
                .doesNotContain("\tat ");
    }

    @Test
    void exitsWithOneForAPlainHttpEndpoint() {
        // given
        Path batch = dir.resolve("batches/20261122T134501123Z-3fa9c1").toAbsolutePath();
        batch.toFile().mkdirs();

        // when
        int code = run("--batch", batch.toString(), "--endpoint", "http://localhost:1");

        // then
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("must be an https URL");
    }

    @Test
    void documentsTheExitCodesInItsHelp() {
        // when
        int code = run("--help");

        // then
        assertThat(code).isZero();
        assertThat(out.toString())
                .contains("Exit codes: 0")
                .contains("3 some twins")
                .contains("1 could not run");
    }

    private int run(String... args) {
        return TwinWriterTaskMain.run(args, new PrintWriter(out), new PrintWriter(err));
    }
}
