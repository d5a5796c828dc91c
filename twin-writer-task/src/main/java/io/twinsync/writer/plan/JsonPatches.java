package io.twinsync.writer.plan;

import com.azure.core.models.JsonPatchDocument;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.twinsync.staging.json.StagingJson;
import java.util.List;

/** Turns planned operations into the SDK's {@link JsonPatchDocument}, values serialised exactly (decimals kept). */
public final class JsonPatches {

    private JsonPatches() {}

    public static JsonPatchDocument toDocument(List<PatchOperation> ops) {
        JsonPatchDocument document = new JsonPatchDocument();
        for (PatchOperation op : ops) {
            switch (op.op()) {
                case ADD -> document.appendAddRaw(op.path(), json(op));
                case REMOVE -> document.appendRemove(op.path());
            }
        }
        return document;
    }

    private static String json(PatchOperation op) {
        try {
            return StagingJson.mapper().writeValueAsString(op.value());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise the value for " + op.path(), e);
        }
    }
}
