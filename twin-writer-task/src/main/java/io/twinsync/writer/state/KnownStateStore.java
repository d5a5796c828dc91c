package io.twinsync.writer.state;

import io.twinsync.staging.BatchLayout;
import io.twinsync.staging.StagedOutput;
import io.twinsync.staging.StagingException;
import io.twinsync.staging.StateArea;
import io.twinsync.staging.StateLock;
import io.twinsync.staging.StateLockedException;
import io.twinsync.staging.json.StagingJson;
import io.twinsync.writer.Partition;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Loads and saves {@link KnownState} as NDJSON ({@code {"twinId","contentHash","etag","batchId"}} per line) in the state area,
 * one file per target whatever the partition layout: {@code writer/{targetKey}/known-twins.ndjson}. Saving replaces
 * the file atomically.
 *
 * <p>One file, because a twin's entry must be the last thing written to it by any layout: with a file per layout, a
 * whole-batch file could still claim an old content hash after a partitioned run changed the twin. Two locks keep it
 * right while partitions write in parallel (Data Factory tasks sharing one staging area in Blob Storage):
 * <ul>
 *   <li>{@link #lock(Partition)}, held for the whole write, is per partition: a second writer of the same partition
 *       (which would write the same twins) fails at once, writers of other partitions go ahead;
 *   <li>{@link #saveMerged} takes the short {@code known-state.lock}, waiting for it, reads the file again and
 *       replaces only the entries of the writer's own twins, so partitions never lose each other's entries.
 * </ul>
 * A whole-batch run and a partitioned run of the same target must not overlap (their twins do); run one layout at a
 * time. Files named {@code known-twins-part-{i}-of-{n}.ndjson}, from earlier versions, are not read; they can be
 * deleted.
 */
public final class KnownStateStore {

    private static final Duration LOCK_POLL = Duration.ofMillis(200);

    /** The order of the file's lines, as {@link KnownState#sorted()} gives them. */
    private static final Comparator<KnownTwin> BY_ID = Comparator.comparing(KnownTwin::twinId);

    private static final Pattern SAFE_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,119}");

    private final StateArea area;
    private final String targetKey;
    private final String path;
    private final String directory;

    /** @param targetKey names the ADT instance, such as a sanitised host name; letters, digits, {@code . _ -} */
    public KnownStateStore(StateArea area, String targetKey) {
        if (targetKey == null || !SAFE_KEY.matcher(targetKey).matches()) {
            throw new IllegalArgumentException("Target key '" + targetKey + "' must be 1-120 letters, digits, '.',"
                    + " '_' or '-' (not starting with '.'); AdtTarget.stateKey() gives one for an endpoint");
        }
        this.area = area;
        this.targetKey = targetKey;
        this.directory = "writer/" + targetKey + "/";
        this.path = directory + "known-twins.ndjson";
    }

    /**
     * Takes the writer lock of {@code partition} at this target ({@code writer.lock} for the whole batch,
     * {@code writer-part-{i}-of-{n}.lock} for a partition), to hold while writing, or fails at once: two writers of
     * the same twins could each apply a different version of a twin and record the other's.
     *
     * @throws StagingException saying another writer is running, and naming the lock
     */
    public StateLock lock(Partition partition) {
        String name = partition.equals(Partition.ALL) ? "writer.lock" : "writer-" + partition.fileName() + ".lock";
        try {
            return area.lock(directory + name);
        } catch (StateLockedException e) {
            throw new StagingException(
                    "Another twinsync writer is running against target " + targetKey
                            + (partition.equals(Partition.ALL) ? "" : " for partition " + partition) + ": it holds the"
                            + " lock " + e.location() + ". Wait for it to finish, or stop it, then run again (the lock"
                            + " goes away with the process that holds it; the file itself may stay)",
                    e);
        }
    }

    public String path() {
        return path;
    }

    /** Every entry of the target. */
    public KnownState load() {
        return load(Partition.ALL);
    }

    /**
     * The entries of the partition's twins (those whose twin file the partition holds): all a partition's write
     * looks up. Partitions written as threads of one process each loaded every entry, holding the whole state once per
     * partition (200,000 entries for 100,000 twins in 2 partitions).
     */
    public KnownState load(Partition partition) {
        Optional<InputStream> stream = area.open(path);
        KnownState state = KnownState.empty();
        if (stream.isEmpty()) {
            return state;
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream.get(), StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (!line.isBlank()) {
                    KnownTwin twin = parse(line, number);
                    if (partition.contains(BatchLayout.twinFile(twin.twinId()))) {
                        state.record(twin);
                    }
                }
            }
        } catch (IOException e) {
            throw new StagingException(unreadable(e.getMessage()), e);
        }
        return state;
    }

    /**
     * Saves what {@code mine} says of {@code twinIds} (an entry, or none) into the file as it is now, keeping every
     * other twin's entry as another partition may just have saved it. Waits up to {@code maxWait} for the other
     * partitions' saves, which take the same short lock.
     */
    public void saveMerged(KnownState mine, Collection<String> twinIds, Duration maxWait) {
        try (StateLock saving = waitForLock(directory + "known-state.lock", maxWait)) {
            Set<String> replaced = twinIds instanceof Set<String> set ? set : new HashSet<>(twinIds);
            Iterator<KnownTwin> ours = twinIds.stream()
                    .map(mine::get)
                    .flatMap(Optional::stream)
                    .sorted(BY_ID)
                    .iterator();
            // Streamed, not loaded: the file's other entries go through line by line (a million of them would
            // otherwise be held a second time beside this partition's), this partition's merged in by id, so that
            // a file saved sorted stays sorted.
            try (StagedOutput out = area.create(path)) {
                KnownTwin pending = ours.hasNext() ? ours.next() : null;
                Optional<InputStream> stream = area.open(path);
                if (stream.isPresent()) {
                    try (BufferedReader reader =
                            new BufferedReader(new InputStreamReader(stream.get(), StandardCharsets.UTF_8))) {
                        String line;
                        int number = 0;
                        while ((line = reader.readLine()) != null) {
                            number++;
                            if (line.isBlank()) {
                                continue;
                            }
                            KnownTwin other = parse(line, number);
                            if (replaced.contains(other.twinId())) {
                                continue;
                            }
                            while (pending != null && BY_ID.compare(pending, other) < 0) {
                                write(out, pending);
                                pending = ours.hasNext() ? ours.next() : null;
                            }
                            write(out, other);
                        }
                    }
                }
                for (; pending != null; pending = ours.hasNext() ? ours.next() : null) {
                    write(out, pending);
                }
                out.commit();
            } catch (IOException e) {
                throw cannotSave(e);
            }
        }
    }

    private static void write(StagedOutput out, KnownTwin twin) throws IOException {
        out.write(StagingJson.mapper().writeValueAsBytes(twin));
        out.write('\n');
    }

    public void save(KnownState state) {
        try (StagedOutput out = area.create(path)) {
            for (KnownTwin twin : state.sorted()) {
                write(out, twin);
            }
            out.commit();
        } catch (IOException e) {
            throw cannotSave(e);
        }
    }

    private StagingException cannotSave(IOException e) {
        return new StagingException(
                "Cannot save the writer's known state to " + path + ": " + e.getMessage()
                        + "; the next run will compare more twins with ADT, nothing is lost",
                e);
    }

    private StateLock waitForLock(String name, Duration maxWait) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (true) {
            try {
                return area.lock(name);
            } catch (StateLockedException e) {
                if (System.nanoTime() > deadline) {
                    throw new StagingException(
                            "Cannot save the writer's known state: " + e.location() + " stayed locked for "
                                    + maxWait.toSeconds() + " s. Another writer may be stuck saving; the twins are"
                                    + " written, and the next run compares them with ADT once",
                            e);
                }
                try {
                    Thread.sleep(LOCK_POLL.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new StagingException("Interrupted while waiting to save the writer's known state", e);
                }
            }
        }
    }

    private KnownTwin parse(String line, int number) throws IOException {
        KnownTwin twin = StagingJson.mapper().readValue(line, KnownTwin.class);
        if (twin.twinId() == null || twin.contentHash() == null) {
            throw new StagingException(unreadable("line " + number + " lacks twinId or contentHash"));
        }
        return twin;
    }

    private String unreadable(String detail) {
        return "Cannot read the writer's known state " + path + ": " + detail
                + ". Delete the file to start over; the next run then compares every twin with ADT once.";
    }
}
