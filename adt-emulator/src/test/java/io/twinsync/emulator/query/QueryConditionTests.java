package io.twinsync.emulator.query;

import static io.twinsync.emulator.query.QueryRunner.all;
import static io.twinsync.emulator.query.QueryRunner.ids;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** WHERE conditions over {@link QueryGraph}, without HTTP: operators, functions and three-valued logic. */
class QueryConditionTests {

    private static final List<String> ALL_ROOMS = QueryRunner.ALL_ROOMS;

    @Test
    void dtIdEqualsFindsOneTwinWithOrWithoutACollectionName() {
        // when
        List<String> named = ids(all("SELECT * FROM DIGITALTWINS T WHERE T.$dtId = 'floor-2'"));
        List<String> unnamed = ids(all("SELECT * FROM DIGITALTWINS WHERE $dtId = \"floor-2\""));

        // then
        assertThat(named).containsExactly("floor-2");
        assertThat(unnamed).containsExactly("floor-2");
    }

    @Test
    void dtIdInFindsTheListedTwinsThatExist() {
        // when
        List<String> found = ids(all("SELECT * FROM DIGITALTWINS T WHERE T.$dtId IN ['thing-x', 'bldg', 'nope']"));

        // then
        assertThat(found).containsExactly("bldg", "thing-x");
    }

    @Test
    void isOfModelIncludesTwinsOfModelsThatExtendIt() {
        // when
        List<String> spaces = ids(all("SELECT * FROM DIGITALTWINS WHERE IS_OF_MODEL('" + QueryGraph.SPACE + "')"));

        // then
        List<String> expected = new ArrayList<>(List.of("bldg", "floor-1", "floor-2"));
        expected.addAll(ALL_ROOMS);
        assertThat(spaces).containsExactlyElementsOf(expected);
    }

    @Test
    void isOfModelExactExcludesTwinsOfDerivedModels() {
        // when
        List<String> things =
                ids(all("SELECT * FROM DIGITALTWINS T WHERE IS_OF_MODEL(T, '" + QueryGraph.THING + "', exact)"));

        // then
        assertThat(things).containsExactly("thing-x");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "T.capacity = 3                | room-03",
                "T.capacity != 3 AND T.capacity > 8 | room-09,room-10",
                "T.capacity < 2                | room-01",
                "T.capacity <= 2               | room-01,room-02",
                "T.reading > 20.5              | sensor-b",
                "T.reading >= 20.5             | sensor-a,sensor-b",
                "T.reading < 0                 | sensor-c",
                "T.area = 300.5                | floor-2",
                "22 = T.reading                | sensor-b",
            })
    void numbersCompareByValue(String condition, String expected) {
        // when
        List<String> found = ids(all("SELECT * FROM DIGITALTWINS T WHERE " + condition));

        // then
        assertThat(found).containsExactly(expected.split(","));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "T.name = 'Temp A'             | sensor-a",
                "T.name >= 'Temp B'            | sensor-b,sensor-c",
                "T.name < 'Floor 2'            | floor-1",
                "T.name = 'temp a'             | ''",
                "T.unit != 'C'                 | sensor-c",
            })
    void stringsCompareOrdinallyAndCaseSensitively(String condition, String expected) {
        // when
        List<String> found = ids(all("SELECT * FROM DIGITALTWINS T WHERE " + condition));

        // then
        assertThat(found).containsExactlyElementsOf(expected.isEmpty() ? List.of() : List.of(expected.split(",")));
    }

    @Test
    void booleansCompareForEquality() {
        // when
        List<String> vacant = ids(all(
                "SELECT * FROM DIGITALTWINS T WHERE T.occupied = false AND IS_OF_MODEL('" + QueryGraph.ROOM + "')"));

        // then
        assertThat(vacant).containsExactly("room-01", "room-03", "room-05", "room-07", "room-09", "room-11");
    }

    @Test
    void nestedPathsReadObjectFieldsAndMetadata() {
        // when
        List<String> inOslo = ids(all("SELECT * FROM DIGITALTWINS T WHERE T.address.city = 'Oslo'"));
        List<String> sensors =
                ids(all("SELECT * FROM DIGITALTWINS T WHERE T.$metadata.$model = '" + QueryGraph.SENSOR + "'"));

        // then
        assertThat(inOslo).containsExactly("bldg");
        assertThat(sensors).containsExactly("sensor-a", "sensor-b", "sensor-c");
    }

    @Test
    void isDefinedFindsTwinsThatHaveTheProperty() {
        // when
        List<String> withCapacity = ids(all("SELECT * FROM DIGITALTWINS T WHERE IS_DEFINED(T.capacity)"));

        // then
        assertThat(withCapacity).containsExactlyElementsOf(ALL_ROOMS.subList(0, 10));
    }

    @Test
    void aComparisonWithAnAbsentPropertyIsNeitherTrueNorFalse() {
        // when the rooms 11 and 12 have no capacity and the other twins are not rooms
        List<String> notLarge = ids(all("SELECT * FROM DIGITALTWINS T WHERE NOT T.capacity > 5"));
        List<String> notThree = ids(all("SELECT * FROM DIGITALTWINS T WHERE T.capacity != 3"));

        // then
        assertThat(notLarge).containsExactlyElementsOf(ALL_ROOMS.subList(0, 5));
        assertThat(notThree).hasSize(9).doesNotContain("room-11", "room-12", "bldg");
    }

    @Test
    void comparingAcrossTypesMatchesNothing() {
        // when
        List<String> found = ids(all("SELECT * FROM DIGITALTWINS T WHERE T.capacity = '3' OR T.name = 3"));

        // then
        assertThat(found).isEmpty();
    }

    @Test
    void typeFunctionsCheckTheValueType() {
        // when
        List<String> objects = ids(all("SELECT * FROM DIGITALTWINS T WHERE IS_OBJECT(T.address)"));
        List<String> booleans = ids(all("SELECT * FROM DIGITALTWINS T WHERE IS_BOOL(T.occupied) AND IS_NUMBER(T.area)"
                + " AND IS_STRING(T.name) AND IS_PRIMITIVE(T.name) AND NOT IS_NULL(T.name)"));

        // then
        assertThat(objects).containsExactly("bldg");
        assertThat(booleans).hasSize(15);
    }

    @Test
    void stringFunctionsMatchPrefixesSuffixesAndParts() {
        // when
        List<String> starts = ids(all("SELECT * FROM DIGITALTWINS T WHERE STARTSWITH(T.$dtId, 'sensor-')"));
        List<String> ends = ids(all("SELECT * FROM DIGITALTWINS T WHERE ENDSWITH(T.name, ' 12')"));
        List<String> contains = ids(all("SELECT * FROM DIGITALTWINS T WHERE CONTAINS(T.$dtId, 'oor-')"));

        // then
        assertThat(starts).containsExactly("sensor-a", "sensor-b", "sensor-c");
        assertThat(ends).containsExactly("room-12");
        assertThat(contains).containsExactly("floor-1", "floor-2");
    }

    @Test
    void inAndNinMatchListedValues() {
        // when
        List<String> in = ids(all("SELECT * FROM DIGITALTWINS T WHERE T.unit IN ['F', 'K']"));
        List<String> nin = ids(all("SELECT * FROM DIGITALTWINS T WHERE T.unit NIN ['F', 'K']"));

        // then
        assertThat(in).containsExactly("sensor-c");
        assertThat(nin).containsExactly("sensor-a", "sensor-b");
    }

    @Test
    void orAndNotCombineWithParentheses() {
        // when
        List<String> found = ids(all("SELECT * FROM DIGITALTWINS T WHERE (T.unit = 'F' OR T.capacity = 1)"
                + " AND NOT (T.$dtId = 'room-01')"));

        // then
        assertThat(found).containsExactly("sensor-c");
    }
}
