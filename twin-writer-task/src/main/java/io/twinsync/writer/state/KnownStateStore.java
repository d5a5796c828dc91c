package io.twinsync.writer.state;

import io.twinsync.staging.StagedOutput;
import io.twinsync.staging.StagingException;
import io.twinsync.staging.StateArea;
import io.twinsync.staging.StateLock;
import io.twinsync.staging.StateLockedException;
import io.twinsync.staging.json.StagingJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Loads and saves {@link KnownState} as NDJSON ({@code {"twinId","contentHash","etag","batchId"}} per line) in the state area,
 * one file per target whatever the partition layout: {@code writer/{targetKey}/known-twins.ndjson}. Saving replaces
 * the file atomically.
 *
 * <p>One file, because a twin's entry must be the last thing written to it by any layout: with a file per layout, a
 * whole-batch file could still claim an old content hash after a partitioned run changed the twin. A writer holds
 * {@link #lock()} from {@link #load()} to {@link #save}, and changes only its own partition's twins in between, so a
 * partition's save merges into what the others wrote and never loses their entries. Files named
 * {@code known-twins-part-{i}-of-{n}.ndjson}, from earlier versions, are not read; they can be deleted.
 */
public final class KnownStateStore {

    private static final Pattern SAFE_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,119}");

    private final StateArea area;
    private final String targetKey;
    private final String path;
    private final String lockPath;

    /** @param targetKey names the ADT instance, such as a sanitised host name; letters, digits, {@code . _ -} */
    public KnownStateStore(StateArea area, String targetKey) {
        if (targetKey == null || !SAFE_KEY.matcher(targetKey).matches()) {
            throw new IllegalArgumentException("Target key '" + targetKey + "' must be 1-120 letters, digits, '.',"
                    + " '_' or '-' (not starting with '.'); AdtTarget.stateKey() gives one for an endpoint");
        }
        this.area = area;
        this.targetKey = targetKey;
        this.path = "writer/" + targetKey + "/known-twins.ndjson";
        this.lockPath = "writer/" + targetKey + "/writer.lock";
    }

    /**
     * Takes the target's writer lock, to hold while writing to the target, or fails at once: two writers at the same
     * target could each apply a different version of a twin and record the other's.
     *
     * @throws StagingException saying another writer is running, and naming the lock file
     */
    public StateLock lock() {
        try {
            return area.lock(lockPath);
        } catch (StateLockedException e) {
            throw new StagingException(
                    "Another twinsync writer is running against target " + targetKey + ": it holds the lock "
                            + e.location() + ". Wait for it to finish, or stop it, then run again (the lock goes"
                            + " away with the process that holds it; the file itself may stay)",
                    e);
        }
    }

    public String path() {
        return path;
    }

    public KnownState load() {
        Optional<InputStream> stream = area.open(path);
        if (stream.isEmpty()) {
            return KnownState.empty();
        }
        List<KnownTwin> twins = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream.get(), StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (!line.isBlank()) {
                    twins.add(parse(line, number));
                }
            }
        } catch (IOException e) {
            throw new StagingException(unreadable(e.getMessage()), e);
        }
        return new KnownState(twins);
    }

    public void save(KnownState state) {
        try (StagedOutput out = area.create(path)) {
            for (KnownTwin twin : state.sorted()) {
                out.write(StagingJson.mapper().writeValueAsBytes(twin));
                out.write('\n');
            }
            out.commit();
        } catch (IOException e) {
            throw new StagingException(
                    "Cannot save the writer's known state to " + path + ": " + e.getMessage()
                            + "; the next run will compare more twins with ADT, nothing is lost",
                    e);
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
