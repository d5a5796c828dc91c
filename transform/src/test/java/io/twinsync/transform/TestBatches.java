package io.twinsync.transform;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchId;
import io.twinsync.staging.BatchLayout;
import io.twinsync.staging.LocalStagingStore;
import io.twinsync.staging.json.StagingJson;
import io.twinsync.staging.rows.StagedColumn;
import io.twinsync.staging.rows.StagedRowWriter;
import io.twinsync.staging.rows.StagedSchema;
import io.twinsync.staging.rows.ValueType;
import io.twinsync.staging.twin.TwinFile;
import io.twinsync.staging.twin.TwinFileCodec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Batches staged by hand for tests: rows written with {@link StagedRowWriter}, and readers for what transform wrote. */
public final class TestBatches {

    private TestBatches() {}

    public static Batch newBatch(Path root) {
        return new LocalStagingStore(root).createBatch(BatchId.newId(Instant.parse("2025-01-15T08:00:00Z")));
    }

    /**
     * Starts the rows of an entity.
     *
     * @param key the key column (or columns, comma-separated)
     * @param columns the columns as {@code "Name TYPE, Name TYPE"}, with {@link ValueType} names
     */
    public static Rows rows(String entity, String key, String columns) {
        List<StagedColumn> staged = new ArrayList<>();
        for (String column : columns.split(",")) {
            String[] nameAndType = column.strip().split("\\s+");
            staged.add(new StagedColumn(nameAndType[0], ValueType.valueOf(nameAndType[1])));
        }
        return new Rows(new StagedSchema(entity, List.of(key.split("\\s*,\\s*")), staged));
    }

    public static TwinFile twinFile(Batch batch, String twinId) {
        try (InputStream in = batch.open(BatchLayout.twinFile(twinId))) {
            return TwinFileCodec.read(in, twinId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<TwinFile> twinFiles(Batch batch) {
        List<TwinFile> files = new ArrayList<>();
        for (String path : batch.list(BatchLayout.TWINS)) {
            try (InputStream in = batch.open(path)) {
                files.add(TwinFileCodec.read(in, path));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    /** The transform rejects as JSON objects, in the order written; empty when there are none. */
    public static List<JsonNode> rejects(Batch batch) {
        return jsonLines(batch, BatchLayout.rejectsFile("transform"));
    }

    public static JsonNode json(Batch batch, String path) {
        try (InputStream in = batch.open(path)) {
            return StagingJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each line of an NDJSON file of the batch as JSON; empty when the file is absent. */
    public static List<JsonNode> jsonLines(Batch batch, String path) {
        List<JsonNode> lines = new ArrayList<>();
        if (!batch.exists(path)) {
            return lines;
        }
        try (BufferedReader in = new BufferedReader(new InputStreamReader(batch.open(path), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(StagingJson.mapper().readTree(line));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    /** Rows of one entity, collected and then staged into a batch. */
    public static final class Rows {

        private final StagedSchema schema;
        private final List<Object[]> rows = new ArrayList<>();

        private Rows(StagedSchema schema) {
            this.schema = schema;
        }

        public Rows row(Object... values) {
            rows.add(values);
            return this;
        }

        public Rows stageInto(Batch batch) {
            try (StagedRowWriter writer =
                    new StagedRowWriter(batch.create(BatchLayout.rowsFile(schema.entity())), schema)) {
                rows.forEach(writer::write);
                writer.commit();
            }
            return this;
        }
    }
}
