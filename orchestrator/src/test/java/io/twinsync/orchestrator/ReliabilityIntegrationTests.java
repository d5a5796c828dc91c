package io.twinsync.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import io.twinsync.orchestrator.TwinsyncProcesses.Result;
import io.twinsync.orchestrator.TwinsyncProcesses.StandaloneEmulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reliability suite of issue 12, through the packaged CLI and standalone emulators in separate processes: a sync
 * killed at random points, and a target that fails, drops connections, throttles, lags or goes away. After each
 * round the whole graph must be what a clean first load of the same source makes, with no duplicate relationship and
 * nothing left that blocks the next run.
 *
 * <p>{@code ./mvnw verify} runs {@value #DEFAULT_ROUNDS} rounds; {@code scripts/reliability.sh N} runs N (the
 * environment variables {@code TWINSYNC_RELIABILITY_ROUNDS}, {@code _SEED} and {@code _OUTAGE_MS}). Each
 * scenario appends its figures to {@code target/reliability/}, from which {@code docs/reliability.md} is made.
 */
class ReliabilityIntegrationTests {

    static final int DEFAULT_ROUNDS = 1;

    /** Lines a run prints (its progress logged) as it enters each stage, in order, and the stage's name. */
    private static final List<String[]> STAGES = List.of(
            new String[] {"twinsync run: batch", "extract"},
            new String[] {"Extracted ", "transform"},
            new String[] {"Writing partition", "write (twins)"},
            new String[] {"(relationship phase)", "write (relationships)"},
            new String[] {"(relationships phase)", "commit"});

    @TempDir
    Path dir;

    private final int rounds = (int) setting("TWINSYNC_RELIABILITY_ROUNDS", DEFAULT_ROUNDS);
    private final long seed = setting("TWINSYNC_RELIABILITY_SEED", System.nanoTime());

    @Test
    void aSyncKilledAtRandomPointsOfEveryStageLeavesNothingTheNextRunCannotMakeExact() throws Exception {
        Path home = dir.resolve("home");
        Random random = new Random(seed);
        List<String> lines = new ArrayList<>();
        try (StandaloneEmulator adt =
                new StandaloneEmulator(dir.resolve("adt"), TwinsyncProcesses.freePort()).start()) {
            TwinsyncProcesses.assertOk(TwinsyncProcesses.run(home, adt.target(), "run"));
            for (int round = 1; round <= rounds; round++) {
                // given the source changed at random
                String changes = changeSource(home, random, round);

                // when a run is killed at a random moment, and the next run runs to its end
                // (after the line that starts a stage chosen at random, plus up to 1.5 s: wherever the machine's speed
                // puts that stage, every stage gets its kills)
                int stage = random.nextInt(STAGES.size());
                long delay = random.nextInt(1_500);
                String killedIn = runAndKill(home, adt, stage, delay);
                Result next = TwinsyncProcesses.run(home, adt.target(), "run");

                // then the next run was not blocked, and the graph is a clean first load of the source
                TwinsyncProcesses.assertOk(next);
                GraphDump graph = GraphDump.of(adt.endpoint(), adt.certificate());
                GraphDump expected = TwinsyncProcesses.cleanFirstLoad(home, dir);
                assertThat(graph.duplicateRelationships()).isEmpty();
                assertThat(graph.differencesFrom(expected))
                        .as("round %d (seed %d): %s, killed in %s", round, seed, changes, killedIn)
                        .isEmpty();
                lines.add(String.format(
                        "| %d | %s | %s + %d ms | %s | OK, exact (%d twins, %d relationships) |",
                        round,
                        changes,
                        STAGES.get(stage)[1],
                        delay,
                        killedIn,
                        graph.twins().size(),
                        graph.relationships().size()));
            }
        }
        record("sync-killed.md", lines);
    }

    @Test
    void aTargetThatFailsDropsThrottlesAndLagsStillEndsExact() throws Exception {
        List<String> lines = new ArrayList<>();
        String[][] faults = {
            {"--fail-rate", "0.2", "--fail-status", "503"},
            {"--drop-rate", "0.05"},
            {"--consistency-delay", "1s"},
            {"--limit", "creates-deletes=100", "--limit", "patches=100"}
        };
        GraphDump expected = null;
        for (String[] flags : faults) {
            // the same changes for every target (one seed), so that one clean first load is the answer for all
            Random random = new Random(seed);
            Path home = dir.resolve("faults-" + String.join("", flags).replaceAll("[^a-z0-9]", ""));
            try (StandaloneEmulator adt =
                    new StandaloneEmulator(home.resolve("adt"), TwinsyncProcesses.freePort(), flags).start()) {
                // when a first load and then a round of changes are synced against the faulty target
                Result first = TwinsyncProcesses.run(home, adt.target(), "run");
                String changes = changeSource(home, random, 1);
                Result second = TwinsyncProcesses.run(home, adt.target(), "run");

                // then both end OK and the graph is a clean first load of the source
                TwinsyncProcesses.assertOk(first);
                TwinsyncProcesses.assertOk(second);
                GraphDump graph = GraphDump.of(adt.endpoint(), adt.certificate());
                assertThat(graph.duplicateRelationships()).isEmpty();
                if (expected == null) {
                    expected = TwinsyncProcesses.cleanFirstLoad(home, dir);
                }
                assertThat(graph.differencesFrom(expected))
                        .as(String.join(" ", flags))
                        .isEmpty();
                lines.add(String.format(
                        "| `%s` | %s | first load: %s; changes: %s | OK, exact |",
                        String.join(" ", flags), changes, requests(first), requests(second)));
            }
        }
        record("target-faults.md", lines);
    }

    @Test
    void aTargetDownForAWhileInTheMiddleOfAWriteIsWaitedOut() throws Exception {
        Path home = dir.resolve("home");
        int port = TwinsyncProcesses.freePort();
        long downMillis = setting("TWINSYNC_RELIABILITY_OUTAGE_MS", 10_000);
        StandaloneEmulator adt = new StandaloneEmulator(dir.resolve("adt"), port, "--latency", "5ms..15ms").start();
        try {
            // given a first load whose write is under way (its progress logged)
            Map<String, String> environment = new java.util.HashMap<>(adt.target());
            environment.put("TWINSYNC_LOG_LEVEL", "INFO");
            Process run = TwinsyncProcesses.start(home, environment, List.of("run"));
            StringBuilder text = new StringBuilder();
            CompletableFuture<Void> writing = new CompletableFuture<>();
            CompletableFuture<Void> ended =
                    CompletableFuture.runAsync(() -> readLines(run, text, "Writing partition", writing));
            writing.get(5, java.util.concurrent.TimeUnit.MINUTES);
            Thread.sleep(1_000);

            // when the target stops for a while and comes back on the same endpoint
            adt.stop();
            Thread.sleep(downMillis);
            adt = new StandaloneEmulator(dir.resolve("adt"), port, "--latency", "5ms..15ms").start();

            // then the run ends OK and the graph is a clean first load
            ended.get(5, java.util.concurrent.TimeUnit.MINUTES);
            assertThat(run.waitFor()).as(text.toString()).isZero();
            assertThat(text.toString()).contains("result     OK");
            assertThat(GraphDump.of(adt.endpoint(), adt.certificate())
                            .differencesFrom(TwinsyncProcesses.cleanFirstLoad(home, dir)))
                    .isEmpty();
            record(
                    "target-down.md",
                    List.of(String.format(
                            "| target stopped during a first load's write for %d s, then restarted | %s | OK, exact |",
                            downMillis / 1000, requests(new Result(0, text.toString())))));
        } finally {
            adt.close();
        }
    }

    /** A setting of the suite, from the environment ({@code scripts/reliability.sh} sets them). */
    private static long setting(String variable, long fallback) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? fallback : Long.parseLong(value.strip());
    }

    /**
     * Starts a run with its progress logged and kills it {@code delayMillis} after it printed the line of stage
     * {@code stage}; returns the stage it was in when it died.
     */
    private static String runAndKill(Path home, StandaloneEmulator adt, int stage, long delayMillis) throws Exception {
        Map<String, String> environment = new java.util.HashMap<>(adt.target());
        environment.put("TWINSYNC_LOG_LEVEL", "INFO");
        Process run = TwinsyncProcesses.start(home, environment, List.of("run"));
        StringBuilder text = new StringBuilder();
        CompletableFuture<Void> reached = new CompletableFuture<>();
        CompletableFuture<Void> ended =
                CompletableFuture.runAsync(() -> readLines(run, text, STAGES.get(stage)[0], reached));
        try {
            reached.get(5, java.util.concurrent.TimeUnit.MINUTES);
        } catch (java.util.concurrent.ExecutionException endedFirst) {
            return "(ended before " + STAGES.get(stage)[1] + ")";
        }
        Thread.sleep(delayMillis);
        boolean finished = !run.isAlive();
        run.toHandle().destroyForcibly();
        run.waitFor();
        ended.get(1, java.util.concurrent.TimeUnit.MINUTES);
        if (finished) {
            return "(ended before the kill)";
        }
        String in = "start-up";
        synchronized (text) {
            for (String[] marker : STAGES) {
                if (text.indexOf(marker[0]) >= 0) {
                    in = marker[1];
                }
            }
        }
        return in;
    }

    /** Changes the sample ERP at random: status patches, moves, a soft delete, new pumps, a line gone. */
    private static String changeSource(Path home, Random random, int round) throws Exception {
        List<String> statements = new ArrayList<>();
        List<String> what = new ArrayList<>();
        // A fixed time per round, later than every seed row and than the round before: the watermark moves on, and
        // the same changes make the same twins in every home (sourceModifiedAt is synced).
        String now =
                String.format(java.util.Locale.ROOT, "TIMESTAMP '2030-01-01 %02d:%02d:00'", round / 60, round % 60);
        int patched = 1 + random.nextInt(30);
        statements.add("UPDATE Equipment SET Status = '" + (round % 2 == 0 ? "Idle" : "Maintenance")
                + "', ModifiedAt = " + now + " WHERE MOD(EquipmentId, 300) < " + patched + " AND IsDeleted = 0");
        what.add(patched + " patched");
        if (random.nextBoolean()) {
            int pump = 100 + random.nextInt(200);
            int line = 1 + random.nextInt(20);
            statements.add("UPDATE Equipment SET LineId = " + line + ", ModifiedAt = " + now + ""
                    + " WHERE EquipmentId = " + pump + " AND LineId IS NOT NULL");
            what.add("1 moved");
        }
        if (random.nextBoolean()) {
            statements.add("UPDATE Equipment SET IsDeleted = 1, ModifiedAt = " + now + " WHERE EquipmentId = "
                    + (200 + random.nextInt(100)));
            what.add("1 soft-deleted");
        }
        int added = random.nextInt(4);
        if (added > 0) {
            int base = 10_000 + round * 10;
            statements.add("INSERT INTO Equipment SELECT EquipmentId + " + base + ", CONCAT(AssetTag, '-R" + round
                    + "'), LineId, CostCenterId, Name, Category, Manufacturer, ModelNumber, SerialNumber, Status,"
                    + " IsCritical, RatedPowerKw, InstalledOn, LastServiceAt, " + now + ", 0 FROM Equipment"
                    + " WHERE EquipmentId BETWEEN 1 AND " + added);
            what.add(added + " added");
        }
        if (random.nextInt(3) == 0) {
            int line = 21 + random.nextInt(4);
            statements.add("UPDATE Equipment SET LineId = NULL, ModifiedAt = " + now + " WHERE LineId = " + line);
            statements.add("DELETE FROM ProductionLine WHERE LineId = " + line);
            what.add("line " + line + " deleted");
        }
        TwinsyncProcesses.sql(TwinsyncProcesses.sampleErpUrl(home), statements.toArray(String[]::new));
        return String.join(", ", what);
    }

    /** Reads the process's output into {@code text}; completes {@code seen} at the first line with {@code marker}. */
    private static void readLines(Process process, StringBuilder text, String marker, CompletableFuture<Void> seen) {
        try (java.io.BufferedReader lines = new java.io.BufferedReader(
                new java.io.InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                synchronized (text) {
                    text.append(line).append('\n');
                }
                if (line.contains(marker)) {
                    seen.complete(null);
                }
            }
        } catch (IOException e) {
            seen.completeExceptionally(e);
        }
        seen.completeExceptionally(new IllegalStateException("The run ended before: " + marker + "\n" + text));
    }

    private static String requests(Result result) {
        return result.output()
                .lines()
                .filter(line -> line.startsWith("  requests"))
                .map(line -> line.substring("  requests".length()).strip())
                .findFirst()
                .orElse("?");
    }

    private void record(String file, List<String> lines) throws IOException {
        Path out = Path.of("target", "reliability");
        Files.createDirectories(out);
        List<String> text = new ArrayList<>();
        text.add("<!-- " + LocalDate.now() + ", seed " + seed + ", " + rounds + " rounds -->");
        text.addAll(lines);
        Files.write(out.resolve(file), text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
