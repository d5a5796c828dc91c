package io.twinsync.transform.dtdl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.staging.json.StagingJson;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DtdlModelsTests {

    private final List<String> problems = new ArrayList<>();

    @Test
    void inheritedContentsAreFoundThroughExtends() {
        // given Pump extends Asset extends Thing
        DtdlModels models = read(
                model("Thing", "", "{\"@type\":\"Property\",\"name\":\"name\",\"schema\":\"string\"}"),
                model(
                        "Asset",
                        "\"extends\":\"dtmi:t:Thing;1\",",
                        "{\"@type\":\"Relationship\",\"name\":\"feeds\",\"target\":\"dtmi:t:Asset;1\"}"),
                model(
                        "Pump",
                        "\"extends\":[\"dtmi:t:Asset;1\"],",
                        "{\"@type\":\"Property\",\"name\":\"flow\",\"schema\":\"double\"}"));

        // then Pump has its own, its parent's and its grandparent's contents
        assertThat(problems).isEmpty();
        assertThat(models.property("dtmi:t:Pump;1", "name").orElseThrow().declaredIn())
                .isEqualTo("dtmi:t:Thing;1");
        assertThat(models.relationship("dtmi:t:Pump;1", "feeds")).isPresent();
        assertThat(models.propertyNames("dtmi:t:Pump;1")).containsExactly("flow", "name");
        assertThat(models.property("dtmi:t:Thing;1", "flow")).isEmpty();
    }

    @Test
    void schemaNamedByIdIsTheInterfacesEnum() {
        // given a property whose schema is an enum declared under the interface's schemas
        DtdlModels models = read(
                json(
                        """
                {"@context":"dtmi:dtdl:context;3","@id":"dtmi:t:Valve;1","@type":"Interface",
                 "contents":[{"@type":"Property","name":"state","schema":"dtmi:t:State;1"}],
                 "schemas":[{"@id":"dtmi:t:State;1","@type":"Enum","valueSchema":"integer",
                   "enumValues":[{"name":"Open","enumValue":1},{"name":"Shut","enumValue":0}]}]}
                """));

        // then the property's schema is that enum, with its integer values
        DtdlSchema schema =
                models.property("dtmi:t:Valve;1", "state").orElseThrow().schema();
        assertThat(schema).isInstanceOfSatisfying(DtdlSchema.EnumType.class, e -> {
            assertThat(e.valueSchema()).isEqualTo(PrimitiveSchema.INTEGER);
            assertThat(e.values())
                    .containsExactly(new DtdlSchema.EnumValue("Open", 1L), new DtdlSchema.EnumValue("Shut", 0L));
        });
    }

    @Test
    void semanticTypeArraysAreProperties() {
        // given a property typed ["Property", "Temperature"] (a DTDL semantic type)
        DtdlModels models = read(
                model(
                        "Oven",
                        "",
                        "{\"@type\":[\"Property\",\"Temperature\"],\"name\":\"heat\",\"schema\":\"double\",\"unit\":\"degreeCelsius\"}"));

        // then it is a double property
        assertThat(models.property("dtmi:t:Oven;1", "heat").orElseThrow().schema())
                .isEqualTo(new DtdlSchema.Primitive(PrimitiveSchema.DOUBLE));
    }

    @Test
    void objectsAreReadAndGeospatialSchemasAreUnsupportedNotErrors() {
        // given properties of an Object schema and of a geospatial schema
        DtdlModels models = read(model(
                "Truck",
                "",
                "{\"@type\":\"Property\",\"name\":\"load\",\"schema\":{\"@type\":\"Object\",\"fields\":[]}},"
                        + "{\"@type\":\"Property\",\"name\":\"where\",\"schema\":\"point\"}"));

        // then the model reads without problems, the Object as an Object and the point as unsupported
        assertThat(problems).isEmpty();
        assertThat(models.property("dtmi:t:Truck;1", "load").orElseThrow().schema())
                .isInstanceOf(DtdlSchema.ObjectType.class);
        assertThat(models.property("dtmi:t:Truck;1", "where")
                        .orElseThrow()
                        .schema()
                        .describe())
                .isEqualTo("'point'");
    }

    @Test
    void cycleOfExtendsIsAProblem() {
        // given two interfaces that extend each other
        read(model("A", "\"extends\":\"dtmi:t:B;1\",", ""), model("B", "\"extends\":\"dtmi:t:A;1\",", ""));

        // then each is reported
        assertThat(problems).hasSize(2).allSatisfy(p -> assertThat(p).contains("extends itself"));
    }

    @Test
    void idDefinedTwiceIsAProblem() {
        // given the same interface in two files
        read(model("A", "", ""), model("A", "", ""));

        // then the second is reported
        assertThat(problems).singleElement().asString().contains("interface dtmi:t:A;1 is defined again");
    }

    @Test
    void documentWithoutAUsableIdIsAProblem() {
        // given an interface with a malformed @id and one without the DTDL context
        read(
                json("{\"@id\":\"not-a-dtmi\",\"@type\":\"Interface\"}"),
                json("{\"@id\":\"dtmi:t:X;1\",\"@type\":\"Interface\"}"));

        // then both are reported
        assertThat(problems)
                .anySatisfy(p -> assertThat(p).contains("is not a DTMI"))
                .anySatisfy(p -> assertThat(p).contains("@context must be \"dtmi:dtdl:context;3\""));
    }

    @Test
    void documentsComeAfterTheInterfacesTheyExtend() {
        // given a child listed before its parent
        DtdlModels models = read(model("Child", "\"extends\":\"dtmi:t:Parent;1\",", ""), model("Parent", "", ""));

        // then the parent's document comes first, and documents are copies
        List<ObjectNode> documents = models.documents();
        assertThat(documents)
                .extracting(d -> d.get("@id").asText())
                .containsExactly("dtmi:t:Parent;1", "dtmi:t:Child;1");
        documents.get(0).put("@id", "changed");
        assertThat(models.documents().get(0).get("@id").asText()).isEqualTo("dtmi:t:Parent;1");
    }

    private DtdlModels read(ObjectNode... documents) {
        List<ModelSource> sources = new ArrayList<>();
        for (int i = 0; i < documents.length; i++) {
            sources.add(new ModelSource("file" + i + ".json", documents[i]));
        }
        return DtdlModels.read(sources, problems::add);
    }

    @Test
    void mapsArraysAndObjectsReadThroughNamedSchemasInAnyOrder() {
        // given a Map whose value is an Object declared after it, with an Array field
        DtdlModels models = read(
                json(
                        """
                {"@context":"dtmi:dtdl:context;3","@id":"dtmi:t:Tank;1","@type":"Interface",
                 "contents":[{"@type":"Property","name":"levels","schema":"dtmi:t:Levels;1"}],
                 "schemas":[
                   {"@id":"dtmi:t:Levels;1","@type":"Map","mapKey":{"name":"sensor","schema":"string"},
                    "mapValue":{"name":"level","schema":"dtmi:t:Level;1"}},
                   {"@id":"dtmi:t:Level;1","@type":"Object","fields":[
                     {"name":"value","schema":"double"},
                     {"name":"history","schema":{"@type":"Array","elementSchema":"double"}}]}]}
                """));

        // then the whole structure is known
        assertThat(problems).isEmpty();
        DtdlSchema schema =
                models.property("dtmi:t:Tank;1", "levels").orElseThrow().schema();
        assertThat(schema.describe())
                .isEqualTo("Map dtmi:t:Levels;1 (sensor -> Object dtmi:t:Level;1 [value, history])");
        DtdlSchema.ObjectType level = (DtdlSchema.ObjectType) ((DtdlSchema.MapType) schema).valueSchema();
        assertThat(level.fields().get("history"))
                .isEqualTo(new DtdlSchema.ArrayType(null, new DtdlSchema.Primitive(PrimitiveSchema.DOUBLE)));
    }

    @Test
    void aSchemaThatHoldsItselfIsAProblem() {
        // given an Object with a field of its own schema
        read(
                json(
                        """
                {"@context":"dtmi:dtdl:context;3","@id":"dtmi:t:Node;1","@type":"Interface",
                 "contents":[{"@type":"Property","name":"tree","schema":"dtmi:t:Tree;1"}],
                 "schemas":[{"@id":"dtmi:t:Tree;1","@type":"Object","fields":[
                   {"name":"child","schema":"dtmi:t:Tree;1"}]}]}
                """));

        // then it is reported, not followed forever
        assertThat(problems).singleElement().asString().contains("dtmi:t:Tree;1", "refers to itself");
    }

    @Test
    void componentsAreFoundThroughExtends() {
        // given Pump extends Asset, which has the component plate
        DtdlModels models = read(
                model("Plate", "", "{\"@type\":\"Property\",\"name\":\"serial\",\"schema\":\"string\"}"),
                model("Asset", "", "{\"@type\":\"Component\",\"name\":\"plate\",\"schema\":\"dtmi:t:Plate;1\"}"),
                model("Pump", "\"extends\":\"dtmi:t:Asset;1\",", ""));

        // then
        assertThat(models.component("dtmi:t:Pump;1", "plate")).contains("dtmi:t:Plate;1");
        assertThat(models.components("dtmi:t:Pump;1")).containsOnlyKeys("plate");
    }

    private static ObjectNode model(String name, String extendsJson, String contents) {
        return json("{\"@context\":\"dtmi:dtdl:context;3\",\"@id\":\"dtmi:t:" + name + ";1\",\"@type\":\"Interface\","
                + extendsJson + "\"contents\":[" + contents + "]}");
    }

    private static ObjectNode json(String text) {
        try {
            return (ObjectNode) StagingJson.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
