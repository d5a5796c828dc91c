package io.twinsync.transform.presence;

import com.fasterxml.jackson.core.JsonGenerator;
import io.twinsync.staging.Batch;
import io.twinsync.staging.StagedOutput;
import io.twinsync.staging.StagingException;
import io.twinsync.staging.json.StagingJson;
import java.io.IOException;

/** Writes a batch's pending presence list of one entity; it appears only on {@link #commit()}. Not thread-safe. */
public final class PresenceWriter implements AutoCloseable {

    private final String path;
    private final StagedOutput out;
    private final JsonGenerator json;
    private long entries;

    public PresenceWriter(Batch batch, String entity) {
        this.path = PresenceStore.batchFile(entity);
        this.out = batch.create(path);
        try {
            this.json = StagingJson.mapper().getFactory().createGenerator(out);
            json.setRootValueSeparator(null);
        } catch (IOException e) {
            out.close();
            throw new StagingException("Cannot write " + path + " in batch " + batch.id() + ": " + e.getMessage(), e);
        }
    }

    public void write(PresenceEntry entry) {
        try {
            json.writeStartObject();
            json.writeStringField("twinId", entry.twinId());
            json.writeFieldName("sourceKey");
            json.writeTree(entry.sourceKey());
            if (entry.relationship() != null) {
                json.writeFieldName("relationship");
                json.writeTree(entry.relationship());
            }
            json.writeEndObject();
            json.writeRaw('\n');
            entries++;
        } catch (IOException e) {
            throw new StagingException("Cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    /** How many entries were written. */
    public long entries() {
        return entries;
    }

    public void commit() {
        try {
            json.flush();
        } catch (IOException e) {
            throw new StagingException("Cannot write " + path + ": " + e.getMessage(), e);
        }
        out.commit();
    }

    /** Discards the list unless it was committed. */
    @Override
    public void close() {
        out.close();
    }
}
