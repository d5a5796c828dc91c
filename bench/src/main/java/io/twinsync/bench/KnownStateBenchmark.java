package io.twinsync.bench;

import io.twinsync.staging.LocalStagingStore;
import io.twinsync.staging.StateArea;
import io.twinsync.writer.Partition;
import io.twinsync.writer.state.KnownState;
import io.twinsync.writer.state.KnownStateStore;
import io.twinsync.writer.state.KnownTwin;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * The heap the writer's known state takes at a million twins (issue 16): what a partition holds from the start of
 * its write to its end, and whether saving it (merged into the whole file) fits beside it. Writes a state file of
 * {@code twins} entries shaped as the write leaves them (sample-ERP-like ids, SHA-256 content hashes, ETags, one batch,
 * a few models), then, in this JVM's heap: loads one partition's entries, measures the live heap, records every one
 * of them again (as a patch run does) and saves them merged.
 *
 * <p>Usage: {@code java -Xmx512m -cp ... io.twinsync.bench.KnownStateBenchmark 1000000 2 /tmp/work}
 */
public final class KnownStateBenchmark {

    private KnownStateBenchmark() {}

    public static void main(String[] args) throws Exception {
        int twins = Integer.parseInt(args[0]);
        int partitions = Integer.parseInt(args[1]);
        Path root = Files.createDirectories(Path.of(args[2]));
        StateArea area = new LocalStagingStore(root).state();
        KnownStateStore store = new KnownStateStore(area, "bench");
        String[] models = {"dtmi:twinsync:Equipment;1", "dtmi:twinsync:Site;1", "dtmi:twinsync:Building;1"};
        KnownState full = KnownState.empty();
        for (int i = 0; i < twins; i++) {
            full.record(twin(i, "20261208T000000000Z-000000", models[i % models.length]));
        }
        store.save(full);
        full = null;
        long base = liveHeap();

        Partition partition = new Partition(1, partitions);
        long start = System.nanoTime();
        KnownState mine = store.load(partition);
        long loadMs = (System.nanoTime() - start) / 1_000_000;
        long held = liveHeap() - base;
        Set<String> ids = new HashSet<>();
        for (KnownTwin entry : mine.sorted()) {
            mine.record(twin(index(entry.twinId()), "20261208T010000000Z-111111", entry.model()));
            ids.add(entry.twinId());
        }
        start = System.nanoTime();
        store.saveMerged(mine, ids, Duration.ofMinutes(1));
        long saveMs = (System.nanoTime() - start) / 1_000_000;
        long heldAfter = liveHeap() - base;
        System.out.printf(
                Locale.ROOT,
                "twins %,d, partition %s: %,d entries loaded in %,d ms, %.0f MB live (%.0f bytes each); all patched and"
                        + " saved merged in %,d ms, %.0f MB live with the partition's ids; max heap %.0f MB%n",
                twins,
                partition,
                mine.size(),
                loadMs,
                held / 1048576.0,
                (double) held / mine.size(),
                saveMs,
                heldAfter / 1048576.0,
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax() / 1048576.0);
    }

    private static KnownTwin twin(int i, String batch, String model) {
        String id = String.format(Locale.ROOT, "EQ-%08d", i);
        String hash = "sha256:" + Integer.toHexString(i).repeat(64).substring(0, 64);
        return new KnownTwin(id, hash, "W/\"" + UUID.nameUUIDFromBytes(id.getBytes()) + "\"", batch, model, null);
    }

    private static int index(String twinId) {
        return Integer.parseInt(twinId.substring(3));
    }

    private static long liveHeap() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
