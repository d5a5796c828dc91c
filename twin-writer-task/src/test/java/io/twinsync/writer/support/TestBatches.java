package io.twinsync.writer.support;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchId;
import io.twinsync.staging.BatchLayout;
import io.twinsync.staging.StagedOutput;
import io.twinsync.staging.StagingStore;
import io.twinsync.staging.json.StagingJson;
import io.twinsync.staging.scope.EntityScope;
import io.twinsync.staging.scope.GraphScope;
import io.twinsync.staging.scope.GraphScopes;
import io.twinsync.staging.twin.TwinFile;
import io.twinsync.staging.twin.TwinFileCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

/** Small hand-made batches: a site that contains pumps, with their DTDL v3 models. */
public final class TestBatches {

    public static final String SITE_MODEL = "dtmi:twinsync:test:Site;1";
    public static final String PUMP_MODEL = "dtmi:twinsync:test:Pump;1";

    /** Site before Pump, whose relationship it targets: a target needs no order (ADT accepts one not yet uploaded). */
    public static final String MODELS =
            """
            [
              {"@id": "dtmi:twinsync:test:Site;1", "@type": "Interface", "@context": "dtmi:dtdl:context;3",
               "contents": [
                 {"@type": "Property", "name": "name", "schema": "string"},
                 {"@type": "Relationship", "name": "contains", "target": "dtmi:twinsync:test:Pump;1",
                  "properties": [{"@type": "Property", "name": "position", "schema": "integer"}]}
               ]},
              {"@id": "dtmi:twinsync:test:Pump;1", "@type": "Interface", "@context": "dtmi:dtdl:context;3",
               "contents": [
                 {"@type": "Property", "name": "name", "schema": "string"},
                 {"@type": "Property", "name": "rpm", "schema": "double"},
                 {"@type": "Property", "name": "site", "schema": "string"}
               ]}
            ]
            """;

    private static final AtomicLong CLOCK =
            new AtomicLong(Instant.parse("2026-11-22T10:00:00Z").getEpochSecond());

    private TestBatches() {}

    /** A new batch (each with a later id) holding models.json and the given twin files. */
    public static Batch batch(StagingStore store, TwinFile... twins) {
        return batchWithModels(store, MODELS, twins);
    }

    public static Batch batchWithModels(StagingStore store, String models, TwinFile... twins) {
        Batch batch = store.createBatch(BatchId.newId(Instant.ofEpochSecond(CLOCK.incrementAndGet())));
        write(batch, BatchLayout.MODELS, models);
        for (TwinFile twin : twins) {
            try (StagedOutput out = batch.create(BatchLayout.twinFile(twin.twinId()))) {
                TwinFileCodec.write(twin, out);
                out.commit();
            }
        }
        GraphScopes.write(batch, scopeOf(twins));
        return batch;
    }

    /** The scope transform would write for these files: each entity's model and relationship names. */
    private static GraphScope scopeOf(TwinFile... twins) {
        Map<String, EntityScope> entities = new LinkedHashMap<>();
        for (TwinFile twin : twins) {
            EntityScope earlier = entities.get(twin.entity());
            Set<String> names = new TreeSet<>(twin.ownedRelationships());
            twin.relationships()
                    .forEach(r -> names.add(r.path("$relationshipName").asText()));
            Set<String> owned = new TreeSet<>(twin.ownedRelationships());
            if (earlier != null) {
                names.addAll(earlier.relationships());
                owned.addAll(earlier.ownedRelationships());
            }
            entities.put(
                    twin.entity(),
                    new EntityScope(
                            twin.entity(),
                            twin.modelId(),
                            List.copyOf(names),
                            List.copyOf(owned),
                            0.5,
                            List.of(),
                            0,
                            false));
        }
        return new GraphScope(List.copyOf(entities.values()));
    }

    public static void write(Batch batch, String path, String content) {
        try (StagedOutput out = batch.create(path)) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
            out.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TwinFile pump(String id, double rpm) {
        ObjectNode twin = twin(id, PUMP_MODEL).put("name", "Pump " + id).put("rpm", rpm);
        return TwinFile.of("Pump", key(id), false, twin, List.of(), List.of());
    }

    public static TwinFile pumpWithout(String id, String removedProperty) {
        ObjectNode twin = twin(id, PUMP_MODEL).put("name", "Pump " + id);
        return TwinFile.of("Pump", key(id), false, twin, List.of(), List.of(removedProperty));
    }

    public static TwinFile pumpWithSite(String id, double rpm, String site) {
        ObjectNode twin =
                twin(id, PUMP_MODEL).put("name", "Pump " + id).put("rpm", rpm).put("site", site);
        return TwinFile.of("Pump", key(id), false, twin, List.of(), List.of());
    }

    public static TwinFile tombstone(String id) {
        return TwinFile.of("Pump", key(id), true, twin(id, PUMP_MODEL), List.of(), List.of());
    }

    /** A site containing the pumps, relationship ids {@code {site}-contains-{pump}}. */
    public static TwinFile site(String id, String... pumpIds) {
        List<ObjectNode> relationships = new ArrayList<>();
        for (int i = 0; i < pumpIds.length; i++) {
            relationships.add(StagingJson.mapper()
                    .createObjectNode()
                    .put("$relationshipId", id + "-contains-" + pumpIds[i])
                    .put("$targetId", pumpIds[i])
                    .put("$relationshipName", "contains")
                    .put("position", i + 1));
        }
        ObjectNode twin = twin(id, SITE_MODEL).put("name", "Site " + id);
        return TwinFile.of("Site", key(id), false, twin, relationships, List.of());
    }

    /** A site whose file lists its {@code contains} relationships in full ({@code stale: remove}). */
    public static TwinFile siteOwningContains(String id, String... pumpIds) {
        TwinFile site = site(id, pumpIds);
        return TwinFile.of(
                "Site", key(id), false, site.twin(), site.relationships(), List.of(), List.of(), List.of("contains"));
    }

    private static ObjectNode twin(String id, String model) {
        ObjectNode twin = StagingJson.mapper().createObjectNode().put("$dtId", id);
        twin.putObject("$metadata").put("$model", model);
        return twin;
    }

    private static ObjectNode key(String id) {
        return StagingJson.mapper().createObjectNode().put("id", id);
    }
}
