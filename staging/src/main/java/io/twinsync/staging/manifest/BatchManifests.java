package io.twinsync.staging.manifest;

import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchLayout;
import io.twinsync.staging.StagedOutput;
import io.twinsync.staging.StagingException;
import io.twinsync.staging.json.StagingJson;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.UnaryOperator;

/** Reads and writes a batch's {@code manifest.json}. */
public final class BatchManifests {

    private BatchManifests() {}

    public static BatchManifest read(Batch batch) {
        try (InputStream in = batch.open(BatchLayout.MANIFEST)) {
            return StagingJson.mapper().readValue(in, BatchManifest.class);
        } catch (IOException e) {
            throw new StagingException(
                    "Cannot read the manifest of batch " + batch.id() + " at " + batch.location() + ": "
                            + e.getMessage(),
                    e);
        }
    }

    public static void write(Batch batch, BatchManifest manifest) {
        try (StagedOutput out = batch.create(BatchLayout.MANIFEST)) {
            StagingJson.mapper().writerWithDefaultPrettyPrinter().writeValue(out, manifest);
            out.commit();
        } catch (IOException e) {
            throw new StagingException("Cannot write the manifest of batch " + batch.id() + ": " + e.getMessage(), e);
        }
    }

    /** Reads, changes and writes back the manifest. Stages run one after another, so no locking is needed. */
    public static BatchManifest update(Batch batch, UnaryOperator<BatchManifest> change) {
        BatchManifest updated = change.apply(read(batch));
        write(batch, updated);
        return updated;
    }
}
