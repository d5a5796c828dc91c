package io.twinsync.staging.twin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.staging.StagingException;
import io.twinsync.staging.json.StagingJson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TwinFileTests {

    @Test
    void hashIgnoresFieldOrderButNotValues() throws Exception {
        ObjectNode a = json("{\"$dtId\":\"t1\",\"$metadata\":{\"$model\":\"dtmi:x;1\"},\"a\":1,\"b\":2.50}");
        ObjectNode b = json("{\"b\":2.5,\"a\":1,\"$metadata\":{\"$model\":\"dtmi:x;1\"},\"$dtId\":\"t1\"}");
        ObjectNode c = json("{\"$dtId\":\"t1\",\"$metadata\":{\"$model\":\"dtmi:x;1\"},\"a\":1,\"b\":3}");

        assertThat(file(a).contentHash()).isEqualTo(file(b).contentHash());
        assertThat(file(a).contentHash()).isNotEqualTo(file(c).contentHash());
    }

    @Test
    void roundTripKeepsEverything() throws Exception {
        ObjectNode rel = json("{\"$relationshipId\":\"r1\",\"$targetId\":\"t2\",\"$relationshipName\":\"feeds\"}");
        TwinFile original = TwinFile.of(
                "equipment",
                json("{\"Id\":1}"),
                false,
                json("{\"$dtId\":\"t1\",\"$metadata\":{\"$model\":\"dtmi:x;1\"},\"a\":1}"),
                List.of(rel),
                List.of("gone"));

        TwinFile read = TwinFileCodec.read(new ByteArrayInputStream(bytes(original)), "t1.json");

        assertThat(read).isEqualTo(original);
        assertThat(read.modelId()).isEqualTo("dtmi:x;1");
    }

    @Test
    void aFileEditedAfterTransformIsRefused() throws Exception {
        TwinFile original = file(json("{\"$dtId\":\"t1\",\"$metadata\":{\"$model\":\"dtmi:x;1\"},\"a\":1}"));
        String edited = new String(bytes(original), StandardCharsets.UTF_8).replace("\"a\":1", "\"a\":2");
        assertThat(edited).contains("\"a\":2");

        assertThatThrownBy(() -> TwinFileCodec.read(
                        new ByteArrayInputStream(edited.getBytes(StandardCharsets.UTF_8)), "t1.json"))
                .isInstanceOf(StagingException.class)
                .hasMessageContaining("contentHash does not match");
    }

    @Test
    void fileNamesAreSafeAndDistinctForHostileIds() {
        List<String> ids = List.of(
                "../../etc/passwd", "Pump-1", "pump-1", "a/b\\c", " ", "\u00e9t\u00e9", "x".repeat(1000), ".hidden");
        Set<String> names = new HashSet<>();
        for (String id : ids) {
            String name = TwinFileNames.fileNameFor(id);
            assertThat(name).matches("[a-z0-9][a-z0-9._-]*\\.json").hasSizeLessThanOrEqualTo(60 + 1 + 16 + 5);
            assertThat(name).doesNotContain("..");
            names.add(name.toLowerCase());
        }
        assertThat(names).as("case-insensitive file systems keep them apart").hasSameSizeAs(ids);
    }

    private static TwinFile file(ObjectNode twin) {
        return TwinFile.of("e", json("{}"), false, twin, List.of(), List.of());
    }

    private static byte[] bytes(TwinFile file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TwinFileCodec.write(file, out);
        return out.toByteArray();
    }

    private static ObjectNode json(String text) {
        try {
            return (ObjectNode) StagingJson.mapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
