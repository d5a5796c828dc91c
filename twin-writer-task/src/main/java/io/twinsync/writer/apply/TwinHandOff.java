package io.twinsync.writer.apply;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchLayout;
import io.twinsync.staging.StagedOutput;
import io.twinsync.staging.StagingException;
import io.twinsync.staging.json.StagingJson;
import io.twinsync.staging.twin.TwinFile;
import io.twinsync.staging.twin.TwinFileCodec;
import io.twinsync.writer.Partition;
import io.twinsync.writer.report.ItemAction;
import io.twinsync.writer.report.ItemResult;
import io.twinsync.writer.state.KnownState;
import io.twinsync.writer.state.LastAppliedFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a partition's twin phase did per twin ({@link TwinOutcome}), handed to its relationship phase through the
 * batch ({@code handoff/part-{i}-of-{n}.ndjson}), so that the two phases can run in different processes or Batch tasks,
 * and a resumed batch whose twin phase completed runs only the relationship phase. The twin files themselves are read
 * again from the batch rather than copied.
 */
public final class TwinHandOff {

    private static final ObjectMapper JSON = StagingJson.mapper();

    private TwinHandOff() {}

    /** Writes the partition's hand-off, replacing one an earlier attempt wrote. */
    public static void write(Batch batch, Partition partition, List<TwinOutcome> twins) {
        String path = BatchLayout.handoffFile(partition.fileName());
        try (StagedOutput out = batch.create(path)) {
            for (TwinOutcome twin : twins) {
                out.write(JSON.writeValueAsBytes(Line.of(twin)));
                out.write('\n');
            }
            out.commit();
        } catch (IOException e) {
            throw new StagingException("Cannot write " + path + " in batch " + batch.id() + ": " + e.getMessage(), e);
        }
    }

    /** Whether the partition's twin phase finished. */
    public static boolean exists(Batch batch, Partition partition) {
        return batch.exists(BatchLayout.handoffFile(partition.fileName()));
    }

    /**
     * Refuses a relationship phase that runs before every partition's twin phase finished: a relationship's target
     * may be a twin of another partition, and one not created yet fails the relationship ({@code TargetTwinNotFound})
     * rather than waiting for it. Seen when a pipeline ran each partition's two phases one after the other.
     *
     * @throws StagingException naming the partitions whose twin phase has not finished, and what to run
     */
    public static void requireEveryTwinPhase(Batch batch, Partition partition) {
        List<String> missing = new ArrayList<>();
        for (int i = 1; i <= partition.count(); i++) {
            Partition other = new Partition(i, partition.count());
            if (!exists(batch, other)) {
                missing.add(other.toString());
            }
        }
        if (!missing.isEmpty() && !missing.equals(List.of(partition.toString()))) {
            throw new StagingException("The relationship phase of partition " + partition + " of batch " + batch.id()
                    + " must wait for the twin phase of every partition, and " + missing.size()
                    + (missing.size() == 1 ? " has" : " have") + " not finished (" + String.join(", ", missing)
                    + "): a relationship's target may be another partition's twin. Run the twin phase (--phase"
                    + " twins) of every partition first, then the relationship phases");
        }
    }

    /**
     * The partition's twin outcomes as its twin phase left them, each with its twin file read again from the batch
     * and, where the twin phase planned from the twin's last applied file, that file read back as {@code known}
     * names it. Only the relationship phase of this partition changes its twins' known state, and only when every
     * relationship of a twin was written, so the entry is still the one the twin phase planned from, or one that
     * names this very file; when the file is gone the relationship phase reads the relationships from ADT instead.
     *
     * @throws StagingException when the twin phase did not finish, or a line or a twin file cannot be read
     */
    public static List<TwinOutcome> read(
            Batch batch, Partition partition, KnownState known, LastAppliedFiles lastApplied) {
        List<TwinOutcome> twins = new ArrayList<>();
        forEachLine(batch, BatchLayout.handoffFile(partition.fileName()), line -> {
            TwinFile file = line.readable() ? readTwinFile(batch, line.path()) : null;
            TwinFile last = line.fromLastApplied() && file != null
                    ? known.get(file.twinId()).flatMap(lastApplied::of).orElse(null)
                    : null;
            twins.add(new TwinOutcome(
                    line.path(),
                    file,
                    line.result(),
                    line.alreadyApplied(),
                    line.etag(),
                    last,
                    line.relationshipsDeleted()));
        });
        return twins;
    }

    /**
     * The twins every partition's twin phase created in this batch: a relationship to one of them that ADT does not
     * find yet is tried again (ADT is eventually consistent) rather than failed at once.
     */
    public static Set<String> createdIn(Batch batch) {
        Set<String> created = new HashSet<>();
        for (String path : batch.list(BatchLayout.HANDOFF)) {
            forEachLine(batch, path, line -> {
                if (line.result().action() == ItemAction.CREATED
                        && line.result().twinId() != null) {
                    created.add(line.result().twinId());
                }
            });
        }
        return created;
    }

    private static void forEachLine(Batch batch, String path, java.util.function.Consumer<Line> action) {
        if (!batch.exists(path)) {
            throw new StagingException("Batch " + batch.id() + " has no " + path + ": the twin phase of this partition"
                    + " did not finish. Run the twin phase (--phase twins) first, then the relationship phase");
        }
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(batch.open(path), StandardCharsets.UTF_8))) {
            for (String text = lines.readLine(); text != null; text = lines.readLine()) {
                if (!text.isBlank()) {
                    action.accept(JSON.readValue(text, Line.class));
                }
            }
        } catch (IOException e) {
            throw new StagingException("Cannot read " + path + " in batch " + batch.id() + ": " + e.getMessage(), e);
        }
    }

    private static TwinFile readTwinFile(Batch batch, String path) {
        try (InputStream in = batch.open(path)) {
            return TwinFileCodec.read(in, "Twin file " + path + " of batch " + batch.id());
        } catch (IOException e) {
            throw new StagingException(
                    "Cannot read twin file " + path + " of batch " + batch.id() + " again: " + e.getMessage(), e);
        }
    }

    /**
     * One twin's line: its result, and what the relationship phase plans with.
     *
     * @param readable false when the twin phase could not read the file (its result says why)
     * @param fromLastApplied true when the twin phase planned from the twin's last applied file
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Line(
            String path,
            boolean readable,
            ItemResult result,
            boolean alreadyApplied,
            String etag,
            boolean fromLastApplied,
            List<RelationshipRef> relationshipsDeleted) {

        static Line of(TwinOutcome twin) {
            return new Line(
                    twin.path(),
                    twin.file() != null,
                    twin.result(),
                    twin.alreadyApplied(),
                    twin.etag(),
                    twin.lastApplied() != null,
                    twin.relationshipsDeleted().isEmpty() ? null : twin.relationshipsDeleted());
        }

        Line {
            relationshipsDeleted = relationshipsDeleted == null ? List.of() : relationshipsDeleted;
        }
    }
}
