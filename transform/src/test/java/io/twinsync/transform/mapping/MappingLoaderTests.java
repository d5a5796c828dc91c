package io.twinsync.transform.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.twinsync.transform.TestMappings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappingLoaderTests {

    @TempDir
    Path dir;

    @Test
    void loadsTheSampleMappingFromTheClasspath() {
        // when the sample mapping is loaded from the sample-twins jar
        Mapping mapping = MappingLoader.loadFromClasspath("io/twinsync/sample/twins/mapping.yaml");

        // then it has the five entities, their sources and the eight models
        assertThat(mapping.entities())
                .extracting(EntityMapping::name)
                .containsExactly("cost-center", "site", "building", "production-line", "equipment");
        EntityMapping equipment = mapping.entity("equipment").orElseThrow();
        assertThat(equipment.source().query()).contains("LEFT JOIN ProductionLine", "c.Code AS CostCenterCode");
        assertThat(equipment.source().table()).isNull();
        assertThat(equipment.source().keyColumns()).containsExactly("EquipmentId");
        assertThat(equipment.twin().id().text()).isEqualTo("asset-{AssetTag}");
        assertThat(mapping.entity("site").orElseThrow().source().table()).isEqualTo("Site");
        assertThat(mapping.models().documents()).hasSize(8);
        assertThat(mapping.source()).isEqualTo("classpath:io/twinsync/sample/twins/mapping.yaml");
    }

    @Test
    void loadsAFileWithModelPathsRelativeToIt() {
        // given a mapping file beside its models folder
        Path file = TestMappings.write(
                dir,
                """
                  - name: thing
                    source: { query: "SELECT Id, Code FROM Thing", key: Id }
                    twin:
                      model: dtmi:test:Thing;1
                      id: "thing-{Code}"
                      properties: { label: Label }
                """);

        // when loaded from the file system
        Mapping mapping = MappingLoader.load(file);

        // then the inherited property is mapped and a single key is a list of one
        EntityMapping thing = mapping.entities().get(0);
        assertThat(thing.twin().properties()).containsExactly(new PropertySpec("label", "Label"));
        assertThat(thing.source().keyColumns()).containsExactly("Id");
        assertThat(thing.columns()).containsExactly("Id", "Code", "Label");
    }

    @Test
    void listsEveryProblemOfTheMappingAtOnce() {
        // given a mapping with eleven different mistakes
        Path file = TestMappings.writeRaw(
                dir,
                TestMappings.MODELS
                        + """
                colour: blue
                entities:
                  - name: thing
                    source: { query: "SELECT 1", table: Thing, key: [Id] }
                    twin:
                      model: dtmi:test:Thing;1
                      id: "thing-{Code"
                      properties:
                        labell: Label
                        linksTo: Link
                        position.z: Pos
                        reading: Reading
                    relationships:
                      - name: label
                        target: "x-{X}"
                  - name: other
                    source: { table: Other }
                    twin: { model: "dtmi:test:Nothing;1", id: "fixed" }
                """);

        // when loaded, then one exception lists all of them, each naming its entity and key
        assertThatThrownBy(() -> MappingLoader.load(file))
                .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.problems())
                        .hasSize(11)
                        .anySatisfy(p -> assertThat(p).startsWith("colour: unknown key"))
                        .anySatisfy(p -> assertThat(p).startsWith("entity 'thing': source: give exactly one"))
                        .anySatisfy(p -> assertThat(p).startsWith("entity 'thing': twin.id: '{' at position 7"))
                        .anySatisfy(p -> assertThat(p)
                                .startsWith("entity 'thing': twin.properties.labell: dtmi:test:Thing;1")
                                .contains("has no property 'labell'", "label", "notes9"))
                        .anySatisfy(p -> assertThat(p).contains("twin.properties.linksTo: 'linksTo' is a relationship"))
                        .anySatisfy(p -> assertThat(p)
                                .contains(
                                        "twin.properties.position.z",
                                        "'position' is an Object with the fields [x, y]; it has no field 'z'"))
                        .anySatisfy(p -> assertThat(p).contains("twin.properties.reading: 'reading' is a Telemetry"))
                        .anySatisfy(p -> assertThat(p)
                                .contains("relationships[0].name: 'label' is a property of dtmi:test:Thing;1"))
                        .anySatisfy(p -> assertThat(p).startsWith("entity 'other': source.key: is required"))
                        .anySatisfy(
                                p -> assertThat(p).contains("entity 'other': twin.model: dtmi:test:Nothing;1 is not"))
                        .anySatisfy(p -> assertThat(p).contains("entity 'other': twin.id: \"fixed\" uses no column")))
                .hasMessageStartingWith("The mapping " + file + " has 11 problems; fix them and run again:\n  - ");
    }

    @Test
    void templateWithoutAColumnIsAProblem() {
        // given a twin id that would be the same for every row
        Path file = TestMappings.write(
                dir,
                """
                  - name: thing
                    source: { table: Thing, key: [Id] }
                    twin: { model: "dtmi:test:Thing;1", id: "always-the-same" }
                """);

        // when loaded, then the id template is refused with a hint
        assertThatThrownBy(() -> MappingLoader.load(file))
                .hasMessageContaining("twin.id: \"always-the-same\" uses no column")
                .hasMessageContaining("asset-{AssetTag}");
    }

    @Test
    void entityNamesMustBeUniqueIgnoringCase() {
        // given two entities whose names differ in case only
        String entity =
                """
                  - name: %s
                    source: { table: T, key: [Id] }
                    twin: { model: "dtmi:test:Thing;1", id: "t-{Id}" }
                """;
        Path file = TestMappings.write(dir, entity.formatted("thing") + entity.formatted("Thing"));

        // when loaded, then the second is refused
        assertThatThrownBy(() -> MappingLoader.load(file))
                .hasMessageContaining("entity 'Thing': the name is used by another entity");
    }

    @Test
    void missingModelFileSaysWhereItLooked() {
        // given a mapping listing a model file that does not exist
        Path file = TestMappings.writeRaw(dir, TestMappings.MODELS + "  - models/Gone.json\nentities: []\n");

        // when loaded, then the problem names the resolved path
        assertThatThrownBy(() -> MappingLoader.load(file))
                .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.problems())
                        .containsExactly(
                                "models[2] models/Gone.json: there is no such file or folder (looked for "
                                        + dir.resolve("models/Gone.json")
                                        + "); paths are relative to " + dir,
                                "entities: list at least one entity"));
    }

    @Test
    void modelThatExtendsAnUnknownInterfaceIsAProblem() throws IOException {
        // given a model extending an interface none of the files defines
        Files.createDirectories(dir.resolve("models"));
        Files.writeString(
                dir.resolve("models/Orphan.json"),
                """
                {"@context": "dtmi:dtdl:context;3", "@id": "dtmi:test:Orphan;1", "@type": "Interface",
                 "extends": "dtmi:test:Missing;1"}
                """);
        Files.writeString(
                dir.resolve("mapping.yaml"),
                """
                models: [models/Orphan.json]
                entities:
                  - name: orphan
                    source: { table: T, key: [Id] }
                    twin: { model: "dtmi:test:Orphan;1", id: "o-{Id}" }
                """);

        // when loaded, then the missing interface is named with the model that needs it, and where none was found
        assertThatThrownBy(() -> MappingLoader.load(dir.resolve("mapping.yaml")))
                .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.problems())
                        .containsExactly("models: dtmi:test:Missing;1 is not defined by any listed model file, but"
                                + " dtmi:test:Orphan;1 (models/Orphan.json) refers to it, and entity 'orphan' (model"
                                + " dtmi:test:Orphan;1) needs it to type its twins; no .json file under " + dir
                                + " defines it: add the file that defines it to models"));
    }

    @Test
    void invalidYamlSaysWhere() {
        // given a file that is not YAML
        Path file = TestMappings.writeRaw(dir, "models: [a\nentities: {");

        // when loaded, then the parser's position is in the message
        assertThatThrownBy(() -> MappingLoader.load(file))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("it is not valid YAML")
                .hasMessageContaining("line ");
    }

    @Test
    void repeatedKeyIsRefused() {
        // given a property mapped twice
        Path file = TestMappings.write(
                dir,
                """
                  - name: thing
                    source: { table: T, key: [Id] }
                    twin:
                      model: dtmi:test:Thing;1
                      id: "t-{Id}"
                      properties:
                        label: A
                        label: B
                """);

        // when loaded, then the duplicate is reported rather than one silently winning
        assertThatThrownBy(() -> MappingLoader.load(file)).hasMessageContaining("Duplicate field 'label'");
    }

    @Test
    void unknownFormatIsRefused() {
        // given a mapping that says it is of another format
        Path file = TestMappings.writeRaw(
                dir,
                "format: twinsync.mapping/9\n" + TestMappings.MODELS
                        + """
                entities:
                  - name: thing
                    source: { table: T, key: [Id] }
                    twin: { model: "dtmi:test:Thing;1", id: "t-{Id}" }
                """);

        // when loaded, then the format is the one problem
        assertThatThrownBy(() -> MappingLoader.load(file))
                .isInstanceOfSatisfying(
                        MappingException.class,
                        e -> assertThat(e.problems())
                                .isEqualTo(
                                        List.of(
                                                "format: 'twinsync.mapping/9' is not a format this version reads; use twinsync.mapping/1")));
    }

    @Test
    void missingFileIsAMappingException() {
        // when a file that does not exist is loaded, then the message names it
        Path missing = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> MappingLoader.load(missing))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("there is no such file");
    }

    @Test
    void missingClasspathResourceIsAMappingException() {
        // when a resource that does not exist is loaded, then the message names it
        assertThatThrownBy(() -> MappingLoader.loadFromClasspath("io/twinsync/none/mapping.yaml"))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("classpath:io/twinsync/none/mapping.yaml");
    }
}
