package io.twinsync.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsync.staging.Batch;
import io.twinsync.staging.json.StagingJson;
import io.twinsync.staging.twin.TwinFile;
import io.twinsync.staging.twin.TwinFileCodec;
import io.twinsync.transform.mapping.MappingLoader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample mapping over sample rows gives exactly the committed twin files in {@code src/test/resources/golden/}
 * (one file per twin, named by twin id). After an intended change, review the diff this test prints, then accept
 * the new output with {@code ./mvnw -pl transform test -Dtest=GoldenFileTests -Dgolden.update=true} and review the
 * changed files before committing them.
 */
class GoldenFileTests {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    @TempDir
    Path staging;

    @Test
    void sampleRowsGiveTheCommittedTwinFiles() throws IOException {
        // given the sample rows
        Batch batch = TestBatches.newBatch(staging);
        SampleRows.stageInto(batch);

        // when they are transformed with the sample mapping
        new TwinTransformer(MappingLoader.loadFromClasspath(SampleMappingTransformTests.SAMPLE_MAPPING))
                .transform(batch);

        // then each twin file equals its golden file, and there is no file too many or too few
        Map<String, JsonNode> actual = new TreeMap<>();
        for (TwinFile file : TestBatches.twinFiles(batch)) {
            actual.put(file.twinId() + ".json", asJson(file));
        }
        if (Boolean.getBoolean("golden.update")) {
            update(actual);
        }
        Map<String, JsonNode> expected = readGolden();
        List<String> differences = new ArrayList<>();
        for (String name : expected.keySet()) {
            if (!actual.containsKey(name)) {
                differences.add(name + ": expected, but transform wrote no such twin");
            }
        }
        for (Map.Entry<String, JsonNode> file : actual.entrySet()) {
            JsonNode golden = expected.get(file.getKey());
            if (golden == null) {
                differences.add(file.getKey() + ": written, but there is no golden file for it");
                continue;
            }
            JsonDiff.between(golden, file.getValue()).forEach(d -> differences.add(file.getKey() + " " + d));
        }
        if (!differences.isEmpty()) {
            fail("Twin files differ from " + GOLDEN.toAbsolutePath() + ":\n  " + String.join("\n  ", differences)
                    + "\nIf the change is intended, accept it with -Dgolden.update=true and review the files.");
        }
        assertThat(actual).isNotEmpty();
    }

    private static JsonNode asJson(TwinFile file) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TwinFileCodec.write(file, out);
        return StagingJson.mapper().readTree(out.toByteArray());
    }

    private static Map<String, JsonNode> readGolden() throws IOException {
        Map<String, JsonNode> golden = new TreeMap<>();
        if (!Files.isDirectory(GOLDEN)) {
            return golden;
        }
        try (Stream<Path> files = Files.list(GOLDEN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                golden.put(file.getFileName().toString(), StagingJson.mapper().readTree(file.toFile()));
            }
        }
        return golden;
    }

    private static void update(Map<String, JsonNode> actual) throws IOException {
        Files.createDirectories(GOLDEN);
        try (Stream<Path> old = Files.list(GOLDEN)) {
            for (Path file : old.toList()) {
                Files.delete(file);
            }
        }
        for (Map.Entry<String, JsonNode> file : actual.entrySet()) {
            String text = StagingJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(file.getValue());
            Files.writeString(GOLDEN.resolve(file.getKey()), text + "\n");
        }
    }
}
