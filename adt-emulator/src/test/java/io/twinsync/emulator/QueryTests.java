package io.twinsync.emulator;

import static io.twinsync.emulator.AdtAssertions.assertAdtError;
import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.rest.PagedResponse;
import com.azure.core.util.Context;
import com.azure.digitaltwins.core.BasicDigitalTwin;
import com.azure.digitaltwins.core.BasicRelationship;
import com.azure.digitaltwins.core.DigitalTwinsClient;
import com.azure.digitaltwins.core.models.QueryOptions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.twinsync.emulator.query.QueryGraph;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code POST /query} through the real synchronous SDK, over {@link QueryGraph}. */
class QueryTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static AdtEmulator emulator;
    private static DigitalTwinsClient client;

    @BeforeAll
    static void start() {
        emulator = TestEmulators.start();
        client = SdkClients.sync(emulator);
        QueryGraphLoader.load(client);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void selectStarPagesThroughEveryTwinWithContinuationTokens() {
        // when
        List<PagedResponse<BasicDigitalTwin>> pages = pages("SELECT * FROM DIGITALTWINS", BasicDigitalTwin.class, 4);

        // then
        assertThat(pages).extracting(page -> page.getValue().size()).containsExactly(4, 4, 4, 4, 3);
        assertThat(pages.subList(0, 4))
                .allSatisfy(page -> assertThat(page.getContinuationToken()).isNotNull());
        assertThat(pages.get(4).getContinuationToken()).isNull();
        List<String> ids = pages.stream()
                .flatMap(page -> page.getValue().stream())
                .map(BasicDigitalTwin::getId)
                .toList();
        assertThat(ids).hasSize(QueryGraph.TWIN_COUNT).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void everyPageCarriesAPositiveQueryCharge() {
        // when
        List<PagedResponse<String>> pages = pages("SELECT * FROM DIGITALTWINS", String.class, 10);

        // then
        assertThat(pages).hasSize(2).allSatisfy(page -> assertThat(
                        Double.parseDouble(page.getHeaders().getValue(HttpHeaderName.fromString("query-charge"))))
                .isPositive());
    }

    @Test
    void twinsDeserializeAsBasicDigitalTwins() {
        // when
        List<BasicDigitalTwin> twins =
                items("SELECT * FROM DIGITALTWINS T WHERE T.$dtId = 'sensor-a'", BasicDigitalTwin.class, 10);

        // then
        assertThat(twins).singleElement().satisfies(twin -> {
            assertThat(twin.getETag()).startsWith("W/\"");
            assertThat(twin.getMetadata().getModelId()).isEqualTo(QueryGraph.SENSOR);
            assertThat(twin.getContents()).containsEntry("unit", "C").containsEntry("reading", 20.5);
        });
    }

    @Test
    void relationshipsDeserializeAsBasicRelationships() {
        // when
        List<BasicRelationship> relationships =
                items("SELECT * FROM RELATIONSHIPS R WHERE R.$sourceId = 'bldg'", BasicRelationship.class, 10);

        // then
        assertThat(relationships)
                .extracting(BasicRelationship::getId, BasicRelationship::getTargetId, BasicRelationship::getName)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("bldg-floor-1", "floor-1", "contains"),
                        org.assertj.core.groups.Tuple.tuple("bldg-floor-2", "floor-2", "contains"),
                        org.assertj.core.groups.Tuple.tuple("bldg-sensor-c", "sensor-c", "hasSensor"));
        assertThat(relationships.get(0).getProperties()).containsEntry("since", "2020-01-01");
    }

    @Test
    void countAnswersOneItemWithTheTotal() {
        // when
        List<JsonNode> rows =
                json("SELECT COUNT() FROM DIGITALTWINS T WHERE IS_OF_MODEL(T, '" + QueryGraph.SPACE + "')");

        // then
        assertThat(rows).singleElement().hasToString("{\"COUNT\":15}");
    }

    @Test
    void topStopsAfterTheRequestedNumberAcrossPages() {
        // when
        List<PagedResponse<String>> pages = pages("SELECT TOP(7) FROM DIGITALTWINS", String.class, 3);

        // then
        assertThat(pages).extracting(page -> page.getValue().size()).containsExactly(3, 3, 1);
    }

    @Test
    void projectionsKeyCollectionsByNameAndPropertiesByPropertyName() {
        // when
        List<JsonNode> rows = json("SELECT T.$dtId, CT, R.since FROM DIGITALTWINS T JOIN CT RELATED T.contains R"
                + " WHERE T.$dtId = 'bldg' AND IS_OF_MODEL(CT, '" + QueryGraph.SPACE + "', exact)");

        // then
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).path("$dtId").asText()).isEqualTo("bldg");
        assertThat(rows.get(0).path("CT").path("$dtId").asText()).isEqualTo("floor-1");
        assertThat(rows.get(0).path("CT").path("$metadata").path("$model").asText())
                .isEqualTo(QueryGraph.SPACE);
        assertThat(rows.get(1).path("since").asText()).isEqualTo("2021-06-30");
    }

    @Test
    void joinPagesAcrossRelationships() {
        // when
        List<PagedResponse<String>> pages = pages(
                "SELECT CT.$dtId FROM DIGITALTWINS T JOIN CT RELATED T.contains WHERE T.$dtId IN ['floor-1', 'floor-2']",
                String.class,
                5);

        // then
        assertThat(pages).extracting(page -> page.getValue().size()).containsExactly(5, 5, 2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "SELECT * FROM DIGITALTWINS T ORDER BY T.name                       | ORDER BY",
                "SELECT * FROM DIGITALTWINS T WHERE T.name = 'x' AND               | Syntax error at position 52 near the end of the query",
                "SELECT * FROM DIGITALTWINS T WHERE ARRAY_CONTAINS(T.tags, 'a')    | the function ARRAY_CONTAINS",
                "SELECT A FROM DIGITALTWINS A JOIN B RELATED A.contains JOIN C RELATED B.contains WHERE A.$dtId = 'x' | a second JOIN",
                "SELECT T, CT FROM DIGITALTWINS T JOIN CT RELATED T.contains         | must pick its twins by $dtId",
                "SELECT * FROM DIGITALTWINS T JOIN CT RELATED T.contains WHERE T.$dtId = 'x' | SELECT * cannot be used with JOIN",
            })
    void unsupportedQueriesAnswer400SqlQueryError(String query, String expected) {
        // when / then
        assertAdtError(() -> items(query, String.class, 10), 400, "SqlQueryError", expected.strip());
    }

    @Test
    void anInListOverFiftyValuesAnswers400() {
        // given
        String ids = IntStream.range(0, 51).mapToObj(i -> "'t" + i + "'").collect(Collectors.joining(", "));

        // when / then
        assertAdtError(
                () -> items("SELECT * FROM DIGITALTWINS T WHERE T.$dtId IN [" + ids + "]", String.class, 10),
                400,
                "SqlQueryError",
                "51 values; ADT accepts at most 50");
    }

    @Test
    void aQueryOverEightThousandCharactersAnswers400() {
        // given
        String query = "SELECT * FROM DIGITALTWINS T WHERE T.name = '" + "x".repeat(8_000) + "'";

        // when / then
        assertAdtError(() -> items(query, String.class, 10), 400, "SqlQueryError", "ADT accepts at most 8000");
    }

    private static <T> List<PagedResponse<T>> pages(String query, Class<T> type, int pageSize) {
        return StreamSupport.stream(
                        client.query(query, type, new QueryOptions().setMaxItemsPerPage(pageSize), Context.NONE)
                                .iterableByPage()
                                .spliterator(),
                        false)
                .toList();
    }

    private static <T> List<T> items(String query, Class<T> type, int pageSize) {
        return client.query(query, type, new QueryOptions().setMaxItemsPerPage(pageSize), Context.NONE).stream()
                .toList();
    }

    private static List<JsonNode> json(String query) {
        return items(query, String.class, 100).stream().map(QueryTests::parse).toList();
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
