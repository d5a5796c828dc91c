package io.twinsync.transform;

import io.twinsync.transform.mapping.Mapping;
import io.twinsync.transform.mapping.MappingLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Mappings of one entity {@code gadget} on the path test models: {@code dtmi:test:Gadget;1} extends
 * {@code dtmi:test:GadgetBase;1}, which has the component {@code nameplate} ({@code dtmi:test:Nameplate;1}); Gadget
 * has the Object {@code location} (latitude, longitude, address.city), the Maps {@code attributes} (string) and
 * {@code readings} (Object value, unit), the Arrays {@code tags} (string) and {@code limits} (integer), and
 * {@code where} (a point, which transform cannot fill).
 */
public final class PathMappings {

    static final String[] MODEL_FILES = {"GadgetBase.json", "Nameplate.json", "Gadget.json"};

    private PathMappings() {}

    /** Writes the models and a mapping with the given twin properties, and returns the mapping file. */
    public static Path write(Path dir, String propertiesYaml) {
        StringBuilder yaml = new StringBuilder("models:\n");
        for (String name : MODEL_FILES) {
            yaml.append("  - models/").append(name).append('\n');
        }
        yaml.append(
                """
                entities:
                  - name: gadget
                    source: { table: Gadget, key: [Id] }
                    twin:
                      model: dtmi:test:Gadget;1
                      id: "gadget-{Code}"
                      properties:
                """);
        for (String line : propertiesYaml.strip().split("\n")) {
            yaml.append("        ").append(line).append('\n');
        }
        try {
            Path models = Files.createDirectories(dir.resolve("models"));
            for (String name : MODEL_FILES) {
                try (InputStream in = PathMappings.class.getResourceAsStream("/path-models/" + name)) {
                    Files.copy(in, models.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Path mapping = dir.resolve("mapping.yaml");
            Files.writeString(mapping, yaml.toString());
            return mapping;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads a mapping with the given twin properties. */
    public static Mapping load(Path dir, String propertiesYaml) {
        return MappingLoader.load(write(dir, propertiesYaml));
    }
}
