package io.twinsync.writer.state;

import io.twinsync.staging.StagingException;
import io.twinsync.staging.StateArea;
import io.twinsync.staging.json.StagingJson;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Loads and saves {@link KnownState} as NDJSON ({@code {"twinId","contentHash","etag"}} per line) in the state
 * area: {@code writer/{targetKey}/known-twins.ndjson} for a whole batch, and
 * {@code writer/{targetKey}/known-twins-part-{i}-of-{n}.ndjson} for one partition, so that partitions running in
 * parallel never overwrite each other's state. Saving replaces the file atomically.
 */
public final class KnownStateStore {

    private static final Pattern SAFE_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,119}");

    private final StateArea area;
    private final String path;

    /**
     * @param targetKey names the ADT instance, such as a sanitised host name; letters, digits, {@code . _ -}
     * @param partition {@code null} for the whole batch, else a partition file name such as {@code part-1-of-4}
     */
    public KnownStateStore(StateArea area, String targetKey, String partition) {
        if (targetKey == null || !SAFE_KEY.matcher(targetKey).matches()) {
            throw new IllegalArgumentException("Target key '" + targetKey + "' must be 1-120 letters, digits, '.',"
                    + " '_' or '-' (not starting with '.'); AdtTarget.stateKey() gives one for an endpoint");
        }
        this.area = area;
        this.path = "writer/" + targetKey + "/known-twins" + (partition == null ? "" : "-" + partition) + ".ndjson";
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
        try (OutputStream out = new BufferedOutputStream(area.create(path))) {
            for (KnownTwin twin : state.sorted()) {
                out.write(StagingJson.mapper().writeValueAsBytes(twin));
                out.write('\n');
            }
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
