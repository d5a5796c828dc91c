package io.twinsync.transform.importfile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchLayout;
import io.twinsync.staging.StagedOutput;
import io.twinsync.staging.json.StagingJson;
import io.twinsync.staging.twin.TwinFile;
import io.twinsync.staging.twin.TwinFileCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Transformed batches built by hand: a {@code models.json} and twin files, as transform would leave them. */
final class ImportTestBatches {

    static final String ASSET = "{\"@id\":\"dtmi:test:Asset;1\",\"@type\":\"Interface\",\"@context\":"
            + "\"dtmi:dtdl:context;3\",\"contents\":[{\"@type\":\"Property\",\"name\":\"name\",\"schema\":\"string\"}]}";
    static final String BUILDING = "{\"@id\":\"dtmi:test:Building;1\",\"@type\":\"Interface\",\"@context\":"
            + "\"dtmi:dtdl:context;3\",\"extends\":\"dtmi:test:Asset;1\",\"contents\":[{\"@type\":\"Property\","
            + "\"name\":\"floors\",\"schema\":\"integer\"}]}";
    static final String SITE = "{\"@id\":\"dtmi:test:Site;1\",\"@type\":\"Interface\",\"@context\":"
            + "\"dtmi:dtdl:context;3\",\"extends\":\"dtmi:test:Asset;1\",\"contents\":[{\"@type\":\"Property\","
            + "\"name\":\"area\",\"schema\":\"double\"},{\"@type\":\"Relationship\",\"name\":\"contains\","
            + "\"target\":\"dtmi:test:Building;1\",\"properties\":[{\"@type\":\"Property\",\"name\":\"since\","
            + "\"schema\":\"date\"}]}]}";

    private ImportTestBatches() {}

    /** Writes {@code models.json} as transform does: a pretty-printed array, in the given order. */
    static void models(Batch batch, String... interfaces) {
        ArrayNode array = StagingJson.mapper().createArrayNode();
        for (String model : interfaces) {
            array.add(json(model));
        }
        write(batch, BatchLayout.MODELS, array.toPrettyString());
    }

    static void twin(Batch batch, String twinJson, String... relationshipJson) {
        twinFile(batch, false, twinJson, relationshipJson);
    }

    static void tombstone(Batch batch, String twinJson, String... relationshipJson) {
        twinFile(batch, true, twinJson, relationshipJson);
    }

    static ObjectNode json(String text) {
        try {
            return (ObjectNode) StagingJson.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    static void write(Batch batch, String path, String content) {
        try (StagedOutput out = batch.create(path)) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
            out.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Batch batch, String path) {
        try (InputStream in = batch.open(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void twinFile(Batch batch, boolean tombstone, String twinJson, String... relationshipJson) {
        ObjectNode twin = json(twinJson);
        List<ObjectNode> relationships =
                List.of(relationshipJson).stream().map(ImportTestBatches::json).toList();
        ObjectNode key = StagingJson.mapper()
                .createObjectNode()
                .put("Code", twin.get("$dtId").asText());
        TwinFile file = TwinFile.of("entity", key, tombstone, twin, relationships, List.of());
        try (StagedOutput out = batch.create(BatchLayout.twinFile(file.twinId()))) {
            TwinFileCodec.write(file, out);
            out.commit();
        }
    }
}
