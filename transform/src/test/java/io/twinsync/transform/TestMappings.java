package io.twinsync.transform;

import io.twinsync.transform.mapping.Mapping;
import io.twinsync.transform.mapping.MappingLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Mappings written for one test: the test models ({@code dtmi:test:Thing;1}, which extends {@code dtmi:test:Base;1})
 * copied next to a mapping file whose entities the test gives as YAML.
 */
public final class TestMappings {

    public static final String MODELS = "models:\n  - models/Base.json\n  - models/Thing.json\n";

    private TestMappings() {}

    /** Writes the models and a mapping with the given {@code entities:} YAML, and returns the mapping file. */
    public static Path write(Path dir, String entitiesYaml) {
        return writeRaw(dir, MODELS + "entities:\n" + entitiesYaml);
    }

    /** Writes the models and a mapping file with exactly the given text. */
    public static Path writeRaw(Path dir, String mappingYaml) {
        try {
            Path models = Files.createDirectories(dir.resolve("models"));
            for (String name : new String[] {"Base.json", "Thing.json"}) {
                try (InputStream in = TestMappings.class.getResourceAsStream("/test-models/" + name)) {
                    Files.copy(in, models.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Path mapping = dir.resolve("mapping.yaml");
            Files.writeString(mapping, mappingYaml);
            return mapping;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads a mapping of one entity {@code thing} with id {@code thing-{Code}} and the given twin properties. */
    public static Mapping thing(Path dir, String propertiesYaml, String relationshipsYaml) {
        String yaml =
                """
                  - name: thing
                    source:
                      table: Thing
                      key: [Id]
                    twin:
                      model: dtmi:test:Thing;1
                      id: "thing-{Code}"
                      properties:
                """
                        + indent(propertiesYaml, "        ")
                        + (relationshipsYaml.isBlank()
                                ? ""
                                : "    relationships:\n" + indent(relationshipsYaml, "      "));
        return MappingLoader.load(write(dir, yaml));
    }

    private static String indent(String yaml, String prefix) {
        StringBuilder out = new StringBuilder();
        for (String line : yaml.strip().split("\n")) {
            out.append(prefix).append(line).append('\n');
        }
        return out.toString();
    }
}
