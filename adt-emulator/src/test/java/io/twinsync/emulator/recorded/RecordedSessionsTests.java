package io.twinsync.emulator.recorded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each of the Azure SDK for Java's recorded sessions of the real service, replayed against the emulator (see
 * {@code sdk-recordings/SOURCE.md}). A session fails with the list of its mismatches; the totals ("N of M checks
 * match") are logged and written to {@code target/recorded-sessions.md}.
 */
class RecordedSessionsTests {

    private static final Logger log = LoggerFactory.getLogger(RecordedSessionsTests.class);
    private static final Path SUMMARY = Path.of("target", "recorded-sessions.md");
    private static final List<ReplayResult> RESULTS = Collections.synchronizedList(new ArrayList<>());

    @TestFactory
    Stream<DynamicTest> everyRecordedSessionGetsTheRecordedAnswersFromTheEmulator() {
        List<Path> files = RecordingLibrary.files();
        assertThat(files).as("recordings under sdk-recordings/").isNotEmpty();
        return files.stream()
                .map(file -> DynamicTest.dynamicTest(name(file), () -> {
                    // given a session the SDK recorded against the real service
                    Recording recording = Recording.read(file);

                    // when it is replayed against a fresh emulator
                    ReplayResult result = SessionReplay.replay(recording);
                    RESULTS.add(result);

                    // then every answer matches the recorded one
                    if (!result.mismatches().isEmpty()) {
                        fail(result.report());
                    }
                }));
    }

    @AfterAll
    static void summarize() {
        List<ReplayResult> results = new ArrayList<>(RESULTS);
        results.sort(Comparator.comparing(ReplayResult::recording));
        int checks = results.stream().mapToInt(ReplayResult::checks).sum();
        int matching = results.stream().mapToInt(ReplayResult::matching).sum();
        long clean = results.stream().filter(r -> r.mismatches().isEmpty()).count();
        String totals = matching + " of " + checks + " checks match; " + clean + " of " + results.size()
                + " recorded sessions replay without a mismatch";
        log.info("Recorded sessions: {}", totals);
        StringBuilder summary = new StringBuilder("# Recorded sessions replayed against the emulator\n\n")
                .append(totals)
                .append("\n\n");
        for (ReplayResult result : results) {
            summary.append("## ").append(result.recording()).append("\n\n```\n");
            summary.append(result.report()).append("\n```\n\n");
        }
        try {
            Files.createDirectories(SUMMARY.getParent());
            Files.writeString(SUMMARY, summary);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + SUMMARY, e);
        }
    }

    private static String name(Path file) {
        return file.getFileName().toString().replaceFirst("\\.json$", "");
    }
}
