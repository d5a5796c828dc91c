package io.twinsync.transform.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.twinsync.transform.PathMappings;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Property paths as mapping keys: components, Object fields, Map keys, nesting, and every way a path can be wrong. */
class PropertyPathLoaderTests {

    @TempDir
    Path dir;

    @Test
    void loadsPathsIntoComponentsObjectsAndMapsAtAnyDepth() {
        // given paths through an inherited component, an Object, a nested Object, a Map, and a Map of Objects
        Mapping mapping = PathMappings.load(
                dir,
                """
                nameplate.serialNumber: Serial
                location.latitude: Lat
                location.address.city: City
                attributes.color: Color
                readings.inlet.value: InletTemp
                tags: TagsJson
                """);

        // then each is a property spec with its dotted path
        assertThat(mapping.entities().get(0).twin().properties())
                .extracting(PropertySpec::property)
                .containsExactly(
                        "nameplate.serialNumber",
                        "location.latitude",
                        "location.address.city",
                        "attributes.color",
                        "readings.inlet.value",
                        "tags");
    }

    @Test
    void unknownFirstSegmentNamesThePropertiesAndComponents() {
        assertThat(problemsOf("colour.red: C"))
                .singleElement()
                .asString()
                .contains("twin.properties.colour.red", "has no property 'colour'", "location", "[nameplate]");
    }

    @Test
    void unknownComponentPropertyNamesTheComponentsProperties() {
        assertThat(problemsOf("nameplate.serial: S"))
                .singleElement()
                .asString()
                .contains(
                        "component 'nameplate' (dtmi:test:Nameplate;1) has no property 'serial'",
                        "[serialNumber, manufacturer, ratedKw]");
    }

    @Test
    void componentAloneIsNotMappable() {
        assertThat(problemsOf("nameplate: N"))
                .singleElement()
                .asString()
                .contains("'nameplate' is a component", "map its properties, such as nameplate.serialNumber");
    }

    @Test
    void unknownObjectFieldNamesTheFields() {
        assertThat(problemsOf("location.address.street: S"))
                .singleElement()
                .asString()
                .contains("'location.address' is an Object with the fields [city]; it has no field 'street'");
    }

    @Test
    void mapKeyMustBeAPlainName() {
        assertThat(problemsOf("attributes.$color: C"))
                .singleElement()
                .asString()
                .contains("'$color' cannot be a key of the Map 'attributes'");
    }

    @Test
    void arrayElementsCannotBeMappedOneByOne() {
        assertThat(problemsOf("tags.first: T"))
                .singleElement()
                .asString()
                .contains("'tags' is an Array", "from a column holding the whole array as JSON text");
    }

    @Test
    void primitiveHasNoParts() {
        assertThat(problemsOf("location.latitude.degrees: D"))
                .singleElement()
                .asString()
                .contains("'location.latitude' is double, which has no parts, so 'degrees' cannot follow it");
    }

    @Test
    void emptySegmentIsNotAPath() {
        assertThat(problemsOf("location..latitude: L"))
                .singleElement()
                .asString()
                .contains("'location..latitude' is not a property path");
    }

    @Test
    void geospatialSchemaIsRefusedSayingWhy() {
        assertThat(problemsOf("where: W"))
                .singleElement()
                .asString()
                .contains(
                        "twin.properties.where",
                        "has schema point, a geospatial (GeoJSON) schema",
                        "transform cannot fill from a column");
    }

    @Test
    void relationshipAsFirstSegmentSaysSo() {
        assertThat(problemsOf("partOf.name: P"))
                .singleElement()
                .asString()
                .contains("'partOf' is a relationship of dtmi:test:Gadget;1");
    }

    @Test
    void aPathAndAPathInsideItCollide() {
        // given the whole location and one of its fields
        List<String> problems = problemsOf(
                """
                location: LocationJson
                location.latitude: Lat
                nameplate.serialNumber: Serial
                """);

        // then the overlap is the only problem
        assertThat(problems)
                .singleElement()
                .asString()
                .contains("'location' and 'location.latitude' both set location", "not both");
    }

    private List<String> problemsOf(String propertiesYaml) {
        MappingException e = catchThrowableOfType(MappingException.class, () -> PathMappings.load(dir, propertiesYaml));
        assertThat(e).as("the mapping should not load").isNotNull();
        return e.problems();
    }
}
