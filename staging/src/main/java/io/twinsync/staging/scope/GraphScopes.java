package io.twinsync.staging.scope;

import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchLayout;
import io.twinsync.staging.StagedOutput;
import io.twinsync.staging.StagingException;
import io.twinsync.staging.json.StagingJson;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** Reads and writes a batch's {@code scope.json}. */
public final class GraphScopes {

    private GraphScopes() {}

    /** The batch's scope, or empty for a batch transformed before scopes were written. */
    public static Optional<GraphScope> read(Batch batch) {
        if (!batch.exists(BatchLayout.SCOPE)) {
            return Optional.empty();
        }
        try (InputStream in = batch.open(BatchLayout.SCOPE)) {
            return Optional.of(StagingJson.mapper().readValue(in, GraphScope.class));
        } catch (IOException | RuntimeException e) {
            throw new StagingException(
                    "Cannot read " + BatchLayout.SCOPE + " of batch " + batch.id() + ": " + e.getMessage()
                            + "; transform the batch again to write it afresh",
                    e);
        }
    }

    public static void write(Batch batch, GraphScope scope) {
        try (StagedOutput out = batch.create(BatchLayout.SCOPE)) {
            StagingJson.mapper().writerWithDefaultPrettyPrinter().writeValue(out, scope);
            out.commit();
        } catch (IOException e) {
            throw new StagingException(
                    "Cannot write " + BatchLayout.SCOPE + " in batch " + batch.id() + ": " + e.getMessage(), e);
        }
    }
}
