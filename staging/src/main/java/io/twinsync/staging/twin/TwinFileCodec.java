package io.twinsync.staging.twin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.staging.StagingException;
import io.twinsync.staging.json.StagingJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/** Reads and writes twin files, checking on read that the file is whole and well-formed. */
public final class TwinFileCodec {

    public static final String FORMAT = "twinsync.twin/1";

    private TwinFileCodec() {}

    public static void write(TwinFile file, OutputStream out) {
        ObjectNode json = StagingJson.mapper().createObjectNode();
        json.put("format", FORMAT);
        json.put("twinId", file.twinId());
        json.put("entity", file.entity());
        json.set("sourceKey", file.sourceKey());
        json.put("tombstone", file.tombstone());
        json.set("twin", file.twin());
        json.putArray("relationships").addAll(file.relationships());
        json.putArray("removals")
                .addAll(file.removals().stream()
                        .map(r -> StagingJson.mapper().getNodeFactory().textNode(r))
                        .toList());
        if (!file.wholeValues().isEmpty()) {
            json.putArray("wholeValues")
                    .addAll(file.wholeValues().stream()
                            .map(r -> StagingJson.mapper().getNodeFactory().textNode(r))
                            .toList());
        }
        if (!file.ownedRelationships().isEmpty()) {
            json.putArray("ownedRelationships")
                    .addAll(file.ownedRelationships().stream()
                            .map(r -> StagingJson.mapper().getNodeFactory().textNode(r))
                            .toList());
        }
        json.put("contentHash", file.contentHash());
        try {
            // Compact: a million twin files are written per large batch; jq shows one readably.
            StagingJson.mapper().writeValue(out, json);
        } catch (IOException e) {
            throw new StagingException("Cannot write twin file for " + file.twinId() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a twin file.
     *
     * @throws StagingException naming the source and what is wrong when the file is not a valid twin file
     */
    public static TwinFile read(InputStream in, String source) {
        JsonNode json;
        try {
            json = StagingJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new StagingException(source + " is not valid JSON: " + e.getMessage(), e);
        }
        if (json == null || !FORMAT.equals(json.path("format").asText())) {
            throw new StagingException(source + " is not a " + FORMAT + " file");
        }
        JsonNode twin = json.path("twin");
        if (!twin.isObject() || !json.path("twinId").isTextual()) {
            throw new StagingException(source + " has no twinId or no twin object");
        }
        if (!json.path("twinId").asText().equals(twin.path("$dtId").asText())) {
            throw new StagingException(
                    source + ": twinId " + json.path("twinId") + " differs from twin.$dtId " + twin.path("$dtId"));
        }
        List<ObjectNode> relationships = new ArrayList<>();
        for (JsonNode rel : json.path("relationships")) {
            if (!rel.isObject()
                    || !rel.path("$relationshipId").isTextual()
                    || !rel.path("$targetId").isTextual()
                    || !rel.path("$relationshipName").isTextual()) {
                throw new StagingException(
                        source + ": a relationship lacks $relationshipId, $targetId or $relationshipName: " + rel);
            }
            relationships.add((ObjectNode) rel);
        }
        List<String> removals = new ArrayList<>();
        json.path("removals").forEach(r -> removals.add(r.asText()));
        List<String> wholeValues = new ArrayList<>();
        json.path("wholeValues").forEach(w -> wholeValues.add(w.asText()));
        List<String> ownedRelationships = new ArrayList<>();
        json.path("ownedRelationships").forEach(o -> ownedRelationships.add(o.asText()));
        TwinFile file = new TwinFile(
                json.path("twinId").asText(),
                json.path("entity").asText(null),
                json.path("sourceKey").isObject()
                        ? (ObjectNode) json.path("sourceKey")
                        : StagingJson.mapper().createObjectNode(),
                json.path("tombstone").asBoolean(false),
                (ObjectNode) twin,
                relationships,
                removals,
                json.path("contentHash").asText(null),
                wholeValues,
                ownedRelationships);
        if (!file.hashMatchesContent()) {
            throw new StagingException(source + ": contentHash does not match the content; the file was changed or"
                    + " cut short after transform wrote it. Re-run transform for this batch.");
        }
        return file;
    }
}
