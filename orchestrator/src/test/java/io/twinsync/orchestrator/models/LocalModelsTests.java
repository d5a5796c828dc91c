package io.twinsync.orchestrator.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalModelsTests {

    @TempDir
    Path base;

    @Test
    void anInterfaceNoFileDefinesIsMissingWithEveryFileThatNeedsItNotAProblem() throws IOException {
        // given two files extending an interface none of them defines, and one file with a real problem
        write("pump.json", "dtmi:example:Pump;1", "\"extends\": \"dtmi:example:Asset;1\",");
        write("tank.json", "dtmi:example:Tank;1", "\"extends\": \"dtmi:example:Asset;1\",");
        write("bad.json", "dtmi:example:Bad;1", "\"contents\": [{\"@type\": \"Property\", \"name\": \"x\"}],");

        // when
        LocalModels local = LocalModels.of(base, List.of("."));

        // then the missing interface names each interface that needs it and its file, once
        assertThat(local.missing())
                .containsOnlyKeys("dtmi:example:Asset;1")
                .containsEntry(
                        "dtmi:example:Asset;1",
                        "needed by dtmi:example:Pump;1 (pump.json), dtmi:example:Tank;1 (tank.json)");
        // and only the real problem is a problem
        assertThat(local.problems()).singleElement().asString().startsWith("bad.json (dtmi:example:Bad;1)");
        assertThat(local.description()).isEqualTo("3 model files (.)");
    }

    private void write(String file, String id, String body) throws IOException {
        Files.writeString(
                base.resolve(file),
                "{\"@context\": \"dtmi:dtdl:context;3\", \"@id\": \"" + id + "\", \"@type\": \"Interface\", " + body
                        + " \"displayName\": \"x\"}");
    }
}
