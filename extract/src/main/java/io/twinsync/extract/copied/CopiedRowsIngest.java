package io.twinsync.extract.copied;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.extract.ExtractException;
import io.twinsync.extract.watermark.EntityExtract;
import io.twinsync.extract.watermark.IncrementalExtract;
import io.twinsync.extract.watermark.ReadKind;
import io.twinsync.extract.watermark.Watermark;
import io.twinsync.extract.watermark.WatermarkOrder;
import io.twinsync.extract.watermark.WatermarkTracker;
import io.twinsync.extract.watermark.Watermarks;
import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchLayout;
import io.twinsync.staging.StagingStore;
import io.twinsync.staging.StateArea;
import io.twinsync.staging.manifest.ExtractSummary;
import io.twinsync.staging.reject.Reject;
import io.twinsync.staging.reject.RejectWriter;
import io.twinsync.staging.rows.StagedRowWriter;
import io.twinsync.staging.rows.StagedSchema;
import io.twinsync.staging.rows.ValueType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stages rows that Data Factory copied, instead of reading the source by JDBC: for each entity, the file
 * {@code incoming/{folder}/{entity}.json} (JSON lines, one object per row, as a Copy activity's JSON sink writes)
 * becomes the batch's {@code rows/{entity}.ndjson}, so that transform, write, presence lists and reports work as for
 * a JDBC read. Each file is read twice: once to find its columns and their types ({@link CopiedColumns}), once to
 * stage its rows.
 *
 * <p>An entity counts as read whole, so that a row missing from its file is gone from the source, unless the folder's
 * copy plan ({@link CopyPlanFile}) says it was copied above a watermark. An entity with a watermark column keeps its
 * watermark as a JDBC read does: the largest value staged (from the planned one, for an incremental copy).
 *
 * <p>A line that is not a JSON object, lacks a key column or holds a value of another type than its column's is set
 * aside in {@code rejects/extract.ndjson} with its line number and reason; the rest of the file is staged. A missing
 * file stops the ingest before anything is staged.
 */
public final class CopiedRowsIngest {

    /** The stage of the rejects this writes: {@code rejects/extract.ndjson}. */
    public static final String STAGE = "extract";

    /**
     * What the sync state records as the source of copied entities: one constant, so that batch after batch of
     * copied rows compare with each other (presence lists), while a switch from or to JDBC reads start afresh.
     */
    public static final String SOURCE_IDENTITY = "data-factory-copy:" + StagingStore.INCOMING;

    private static final Logger LOG = LoggerFactory.getLogger(CopiedRowsIngest.class);

    private final StateArea incoming;
    private final CopiedRowsFolder folder;

    /**
     * @param incoming the staging area's {@code incoming/} ({@link io.twinsync.staging.StagingStore#incoming()})
     * @param folder the folder the Copy activities wrote into
     */
    public CopiedRowsIngest(StateArea incoming, CopiedRowsFolder folder) {
        this.incoming = incoming;
        this.folder = folder;
    }

    /**
     * Checks that every entity's file is there, before a batch is made.
     *
     * @throws CopiedRowsMissingException naming every missing file and what to do
     */
    public void checkPresent(List<CopiedEntity> entities) {
        List<String> missing = new ArrayList<>();
        for (CopiedEntity entity : entities) {
            Optional<InputStream> file = incoming.open(folder.fileOf(entity.name()));
            if (file.isEmpty()) {
                missing.add(folder.display(entity.name()));
            } else {
                close(file.get());
            }
        }
        if (!missing.isEmpty()) {
            throw new CopiedRowsMissingException("The copied rows of " + missing.size() + " of " + entities.size()
                    + " entities are not in the staging area: " + String.join(", ", missing)
                    + ". Each entity's Copy activity writes {entity}.json into " + folder
                    + "; check that they all ran and succeeded (and that --rows-from names their folder), or run"
                    + " without --rows-from to read the source by JDBC. Nothing was staged");
        }
    }

    /**
     * Stages every entity's copied rows into the batch, setting bad lines aside, and records each entity with
     * {@code progress} once its rows file is staged.
     *
     * @throws CopiedRowsMissingException when a file is missing (checked before anything is staged)
     */
    public CopiedRows ingest(Batch batch, List<CopiedEntity> entities, Consumer<EntityExtract> progress) {
        checkPresent(entities);
        Optional<Map<String, CopyPlanFile.Item>> plan = CopyPlanFile.read(incoming, folder);
        Instant started = Instant.now();
        Map<String, Long> rows = new LinkedHashMap<>();
        Map<String, ReadKind> reads = new LinkedHashMap<>();
        Map<String, Long> rejected = new LinkedHashMap<>();
        Watermarks pending = Watermarks.none();
        try (RejectWriter rejects = new RejectWriter(batch, STAGE)) {
            for (CopiedEntity entity : entities) {
                Watermark above = null;
                if (plan.isPresent()) {
                    CopyPlanFile.Item item = plan.get().get(entity.name());
                    if (item == null) {
                        throw new ExtractException("Entity " + entity.name() + " is not in the copy plan " + folder
                                + "/" + CopyPlanFile.NAME + ", so how it was copied is unknown: the mapping changed"
                                + " since the plan was made. Run the pipeline again");
                    }
                    above = item.above();
                }
                long before = rejects.count();
                EntityExtract done = stage(batch, entity, above, rejects);
                rows.put(entity.name(), done.rows());
                reads.put(entity.name(), done.kind());
                if (done.watermark() != null) {
                    pending = pending.with(entity.name(), done.watermark());
                }
                if (rejects.count() > before) {
                    rejected.put(entity.name(), rejects.count() - before);
                }
                progress.accept(done);
            }
            // Only now, so that an ingest that fails leaves no rejects behind for a batch it did not stage.
            rejects.commit();
            ExtractSummary summary = new ExtractSummary(started, Instant.now(), rows);
            return new CopiedRows(new IncrementalExtract(summary, reads, pending), rejected, rejects.countsByCode());
        }
    }

    /**
     * Stages one entity's file and returns what it staged: its rows, how it was copied (above {@code above}, or
     * whole) and, for an entity with a watermark column, its new watermark, as a JDBC read keeps it.
     */
    private EntityExtract stage(Batch batch, CopiedEntity entity, Watermark above, RejectWriter rejects) {
        String file = folder.display(entity.name());
        CopiedColumns columns = CopiedColumns.scan(open(entity), file, entity);
        StagedSchema schema = columns.schema(entity);
        List<CopiedValueKind> kinds = columns.kinds();
        WatermarkTracker tracker = tracker(entity, file, schema, columns, above);
        Object[] values = new Object[kinds.size()];
        long lines = 0;
        try (StagedRowWriter writer = new StagedRowWriter(batch.create(BatchLayout.rowsFile(entity.name())), schema);
                CopiedLines in = new CopiedLines(open(entity), file)) {
            for (CopiedLines.Line line = in.next(); line != null; line = in.next()) {
                lines++;
                Reject reject = convert(entity, file, schema, kinds, line, values);
                if (reject == null) {
                    writer.write(values);
                    if (tracker != null) {
                        tracker.accept(values);
                    }
                } else {
                    rejects.write(reject);
                }
            }
            writer.commit();
            Watermark watermark = tracker == null ? above : tracker.watermark();
            if (tracker != null && tracker.aheadMessage() != null) {
                LOG.warn("Entity {}: {}", entity.name(), tracker.aheadMessage());
            }
            LOG.info(
                    "Staged {} of {} lines of {} as {} ({} columns, {} copy{})",
                    writer.rowsWritten(),
                    lines,
                    file,
                    BatchLayout.rowsFile(entity.name()),
                    kinds.size(),
                    above == null ? "whole" : "incremental",
                    watermark == null ? "" : ", watermark now " + watermark.valueText());
            return new EntityExtract(
                    entity.name(),
                    writer.rowsWritten(),
                    above == null ? ReadKind.FULL : ReadKind.INCREMENTAL,
                    watermark);
        }
    }

    /**
     * Follows the entity's watermark column over the staged rows, from {@code above} for an incremental copy; null
     * when the entity has none, or the file has no value of it (the watermark then stays {@code above}).
     */
    private static WatermarkTracker tracker(
            CopiedEntity entity, String file, StagedSchema schema, CopiedColumns columns, Watermark above) {
        if (entity.watermarkColumn() == null) {
            return null;
        }
        int index = schema.indexOf(entity.watermarkColumn()).orElseThrow();
        if (!columns.hasValues(index)) {
            return null;
        }
        ValueType type = columns.kinds().get(index).type();
        if (!WatermarkOrder.SUPPORTED.contains(type)) {
            throw new ExtractException("Entity " + entity.name() + ": watermark column " + entity.watermarkColumn()
                    + " holds " + type + " values in " + file + ", which cannot order rows for incremental copies;"
                    + " give the mapping a watermark column of increasing numbers, date-times or text, or none");
        }
        if (above != null && above.type() != type) {
            throw new ExtractException("Entity " + entity.name() + ": watermark column " + entity.watermarkColumn()
                    + " holds " + type + " values in " + file + ", but its kept watermark is " + above.type() + " ("
                    + above.valueText() + "). A copied binary column (rowversion) arrives as base64 text and cannot"
                    + " continue a binary watermark; use a date-time or number watermark with the Copy pipeline");
        }
        return new WatermarkTracker(entity.watermarkColumn(), type, index, above == null ? null : above.value());
    }

    /** Fills {@code values} from the line and returns null, or returns why the line is set aside. */
    private static Reject convert(
            CopiedEntity entity,
            String file,
            StagedSchema schema,
            List<CopiedValueKind> kinds,
            CopiedLines.Line line,
            Object[] values) {
        if (line.object() == null) {
            return reject(
                    entity,
                    line,
                    Map.of(),
                    null,
                    null,
                    CopiedRowCode.UNREADABLE_LINE,
                    "Line " + line.number() + " of " + file + " " + line.problem()
                            + "; fix or remove the line at the source of the copy (or copy the table again)");
        }
        ObjectNode object = line.object();
        Map<String, Object> key = new LinkedHashMap<>();
        for (String column : entity.keyColumns()) {
            JsonNode value = CopiedLines.field(object, column);
            if (value == null || value.isNull()) {
                return reject(
                        entity,
                        line,
                        key,
                        column,
                        null,
                        CopiedRowCode.MISSING_KEY,
                        "Line " + line.number() + " of " + file + " has no value for key column " + column
                                + ", so its row cannot be named; check that the Copy activity's source query selects "
                                + column + " and that the row has one");
            }
            key.put(column, value.isNumber() ? value.numberValue() : value.asText());
        }
        for (int i = 0; i < kinds.size(); i++) {
            String column = schema.columns().get(i).name();
            JsonNode value = CopiedLines.field(object, column);
            if (value == null || value.isNull()) {
                values[i] = null;
                continue;
            }
            try {
                values[i] = kinds.get(i).convert(value);
            } catch (IllegalArgumentException | DateTimeException e) {
                return reject(
                        entity,
                        line,
                        key,
                        column,
                        value.toString(),
                        CopiedRowCode.UNCONVERTIBLE_VALUE,
                        "Line " + line.number() + " of " + file + ": column " + column + " is " + e.getMessage()
                                + "; fix the value in the source, or cast the column in the Copy activity's query");
            }
        }
        return null;
    }

    private static Reject reject(
            CopiedEntity entity,
            CopiedLines.Line line,
            Map<String, Object> key,
            String field,
            String value,
            CopiedRowCode code,
            String reason) {
        return new Reject(
                STAGE, entity.name(), line.number(), new LinkedHashMap<>(key), field, value, code.name(), reason);
    }

    private InputStream open(CopiedEntity entity) {
        return incoming.open(folder.fileOf(entity.name()))
                .orElseThrow(() -> new CopiedRowsMissingException("The copied rows " + folder.display(entity.name())
                        + " went from the staging area while they were read; run the pipeline again"));
    }

    private static void close(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
