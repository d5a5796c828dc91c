package io.twinsync.transform.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.twinsync.transform.validate.ValidationReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a mapping's {@code models} are read: what is a problem, what is only missing, and each problem once. */
class MappingModelsTests {

    private static final String PUMP_ENTITY =
            """
            entities:
              - name: pump
                source: { table: Pump, key: [Id] }
                twin: { model: "dtmi:example:Pump;1", id: "pump-{Id}" }
            """;

    @TempDir
    Path dir;

    @Test
    void aProblemInAModelIsShownOnceInWhatValidatePrints() throws IOException {
        // given a relationship whose single 'properties' object (five keys) has no name, as in the reported issue
        write(
                "models/Pump.json",
                """
                {"@context": "dtmi:dtdl:context;3", "@id": "dtmi:example:Pump;1", "@type": "Interface",
                 "contents": [{"@type": "Relationship", "name": "isFedBy",
                   "properties": {"@type": "Property", "displayName": {"en": "substance"},
                                  "description": {"en": "what flows"}, "schema": "string", "writable": true}}]}
                """);
        Path mapping = write("mapping.yaml", "models: [models]\n" + PUMP_ENTITY);

        // when loaded, then the problem is one line, naming the file, the interface and the element
        String problem = "models/Pump.json (dtmi:example:Pump;1) relationship 'isFedBy' > property: has no 'name',"
                + " which a Property needs";
        assertThatThrownBy(() -> MappingLoader.load(mapping)).isInstanceOfSatisfying(MappingException.class, e -> {
            assertThat(e.problems()).containsExactly(problem);
            assertThat(occurrences(e.getMessage(), "has no 'name'")).isOne();
            // and validate, which prints the report of a mapping that does not load, shows it once too
            assertThat(occurrences(ValidationReport.of(e).toText(), "has no 'name'"))
                    .isOne();
        });
    }

    @Test
    void aMissingDependencyOfAUsedModelIsOneProblemNamingTheNeederAndTheFileThatDefinesIt() throws IOException {
        // given Pump extends Equipment, whose file is beside the listed one but not listed, and a file that only
        // names Equipment as a relationship target (a text match that defines nothing)
        write("models/Pump.json", model("dtmi:example:Pump;1", "\"extends\": \"dtmi:example:Equipment;1\","));
        write("more/Equipment.json", model("dtmi:example:Equipment;1", ""));
        write(
                "more/Pipe.json",
                model(
                        "dtmi:example:Pipe;1",
                        "\"contents\": [{\"@type\": \"Relationship\", \"name\": \"feeds\","
                                + " \"target\": \"dtmi:example:Equipment;1\"}],"));
        Path mapping = write("mapping.yaml", "models: [models/Pump.json]\n" + PUMP_ENTITY);

        // when loaded, then one problem names the missing DTMI, who needs it, and the file that would provide it
        assertThatThrownBy(() -> MappingLoader.load(mapping))
                .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.problems())
                        .containsExactly("models: dtmi:example:Equipment;1 is not defined by any listed model file,"
                                + " but dtmi:example:Pump;1 (models/Pump.json) refers to it, and entity 'pump' (model"
                                + " dtmi:example:Pump;1) needs it to type its twins; more/Equipment.json defines it:"
                                + " add that file (or its folder) to models"));
    }

    @Test
    void aPropertyTheModelLacksWhileADependencyIsMissingSaysSo() throws IOException {
        // given Pump extends Equipment, which no file defines, and a property Equipment would declare
        write("models/Pump.json", model("dtmi:example:Pump;1", "\"extends\": \"dtmi:example:Equipment;1\","));
        Path mapping = write(
                "mapping.yaml",
                "models: [models]\n"
                        + PUMP_ENTITY.replace("id: \"pump-{Id}\"", "id: \"pump-{Id}\", properties: { serial: S }"));

        // when loaded, then the property's problem points at the missing interface as the likely reason
        assertThatThrownBy(() -> MappingLoader.load(mapping))
                .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.problems())
                        .hasSize(2)
                        .anySatisfy(p -> assertThat(p).startsWith("models: dtmi:example:Equipment;1 is not defined"))
                        .anySatisfy(p -> assertThat(p)
                                .startsWith("entity 'pump': twin.properties.serial: dtmi:example:Pump;1 (with the"
                                        + " interfaces it extends) has no property 'serial'")
                                .endsWith("(it needs [dtmi:example:Equipment;1], which no listed model file defines"
                                        + " and which may define more; see the problem under models)")));
    }

    @Test
    void aMissingDependencyNoEntityNeedsIsAMissingModelNotAProblem() throws IOException {
        // given a listed Valve that extends an interface no listed file defines, and an entity that does not use Valve
        write("models/Pump.json", model("dtmi:example:Pump;1", ""));
        write("models/Valve.json", model("dtmi:example:Valve;1", "\"extends\": \"dtmi:example:Equipment;1\","));
        write("shared/Equipment.json", model("dtmi:example:Equipment;1", ""));
        Path mapping = write("mapping.yaml", "models: [models]\n" + PUMP_ENTITY);

        // when loaded
        Mapping loaded = MappingLoader.load(mapping);

        // then it loads, and the missing interface is listed with who needs it and the file that defines it
        assertThat(loaded.models().ids()).containsExactlyInAnyOrder("dtmi:example:Pump;1", "dtmi:example:Valve;1");
        assertThat(loaded.missingModels()).containsOnlyKeys("dtmi:example:Equipment;1");
        MissingModel missing = loaded.missingModels().get("dtmi:example:Equipment;1");
        assertThat(missing.neededBy()).containsExactly("dtmi:example:Valve;1");
        assertThat(missing.candidates()).containsExactly(dir.resolve("shared/Equipment.json"));
        assertThat(missing.advice())
                .isEqualTo("shared/Equipment.json defines it: add that file (or its folder) to models");
    }

    @Test
    void aRelationshipTargetNotAmongTheModelsIsNeitherAProblemNorMissing() throws IOException {
        // given a relationship whose target interface is not listed (DTDL "by reference"; ADT accepts it)
        write(
                "models/Pump.json",
                model(
                        "dtmi:example:Pump;1",
                        "\"contents\": [{\"@type\": \"Relationship\", \"name\": \"feeds\","
                                + " \"target\": \"dtmi:example:Elsewhere;1\"}],"));
        Path mapping = write(
                "mapping.yaml",
                "models: [models]\n" + PUMP_ENTITY
                        + "    relationships:\n      - { name: feeds, target: \"x-{To}\" }\n");

        // when loaded, then the relationship is mapped and nothing is missing
        Mapping loaded = MappingLoader.load(mapping);
        assertThat(loaded.entity("pump").orElseThrow().relationships())
                .extracting(RelationshipSpec::name)
                .containsExactly("feeds");
        assertThat(loaded.missingModels()).isEmpty();
    }

    @Test
    void aTwinModelInAFileNotListedNamesThatFile() throws IOException {
        // given an entity whose model is defined beside the listed models but not listed
        write("models/Valve.json", model("dtmi:example:Valve;1", ""));
        write("unlisted/Pump.json", model("dtmi:example:Pump;1", ""));
        Path mapping = write("mapping.yaml", "models: [models]\n" + PUMP_ENTITY);

        // when loaded, then the problem says which file defines it
        assertThatThrownBy(() -> MappingLoader.load(mapping))
                .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.problems())
                        .containsExactly("entity 'pump': twin.model: dtmi:example:Pump;1 is not defined by any file"
                                + " listed under models; unlisted/Pump.json defines it: add that file (or its folder)"
                                + " to models"));
    }

    @Test
    void aMappingOnTheClasspathListsFilesOnly() {
        // when a mapping on the classpath lists a folder and a glob besides a file
        assertThatThrownBy(() -> MappingLoader.loadFromClasspath("classpath-mapping/mapping.yaml"))
                .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.problems())
                        .containsExactly(
                                "models[0] models: the mapping is read from the classpath"
                                        + " (classpath:classpath-mapping/mapping.yaml), where a folder or pattern"
                                        + " cannot be listed; list each model file, or use a mapping file on disk",
                                "models[1] models/*.json: the mapping is read from the classpath"
                                        + " (classpath:classpath-mapping/mapping.yaml), where a folder or pattern"
                                        + " cannot be listed; list each model file, or use a mapping file on disk"));
    }

    private Path write(String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private static String model(String id, String rest) {
        return "{\"@context\": \"dtmi:dtdl:context;3\", \"@id\": \"" + id + "\", " + rest
                + " \"@type\": \"Interface\"}";
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
