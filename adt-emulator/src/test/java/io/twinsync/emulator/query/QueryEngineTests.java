package io.twinsync.emulator.query;

import static io.twinsync.emulator.query.QueryRunner.all;
import static io.twinsync.emulator.query.QueryRunner.ids;
import static io.twinsync.emulator.query.QueryRunner.pages;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The evaluator over {@link QueryGraph}, without HTTP: result shapes, JOIN rows, COUNT, TOP and paging. */
class QueryEngineTests {

    private static final List<String> ALL_ROOMS = QueryRunner.ALL_ROOMS;

    @Test
    void selectStarReturnsEveryTwinDocumentOrderedById() {
        // when
        List<JsonNode> twins = all("SELECT * FROM DIGITALTWINS");

        // then
        assertThat(twins).hasSize(QueryGraph.TWIN_COUNT);
        assertThat(ids(twins)).isSorted();
        JsonNode building = twins.get(0);
        assertThat(building.path("$dtId").asText()).isEqualTo("bldg");
        assertThat(building.path("$etag").asText()).startsWith("W/\"");
        assertThat(building.path("$metadata").path("$model").asText()).isEqualTo(QueryGraph.SPACE);
        assertThat(building.path("address").path("city").asText()).isEqualTo("Oslo");
    }

    @Test
    void fromRelationshipsReturnsRelationshipDocuments() {
        // when
        List<JsonNode> relationships = all("SELECT * FROM RELATIONSHIPS R WHERE R.$relationshipId = 'bldg-floor-1'");

        // then
        assertThat(relationships).singleElement().satisfies(r -> {
            assertThat(r.path("$sourceId").asText()).isEqualTo("bldg");
            assertThat(r.path("$targetId").asText()).isEqualTo("floor-1");
            assertThat(r.path("$relationshipName").asText()).isEqualTo("contains");
            assertThat(r.path("$etag").asText()).startsWith("W/\"");
            assertThat(r.path("since").asText()).isEqualTo("2020-01-01");
        });
    }

    @Test
    void fromRelationshipsFiltersBySourceWithoutACollectionName() {
        // when
        List<JsonNode> relationships = all("SELECT * FROM RELATIONSHIPS WHERE $sourceId IN ['room-01', 'room-02']");

        // then
        assertThat(relationships).extracting(r -> r.path("$targetId").asText()).containsExactly("sensor-a", "sensor-b");
    }

    @Test
    void countReturnsTheNumberOfMatchesAsOneItem() {
        // when
        List<JsonNode> twins = all("SELECT COUNT() FROM DIGITALTWINS");
        List<JsonNode> rooms = all("SELECT COUNT() FROM DIGITALTWINS WHERE IS_OF_MODEL('" + QueryGraph.ROOM + "')");
        List<JsonNode> relationships = all("SELECT COUNT() FROM RELATIONSHIPS");

        // then
        assertThat(twins).singleElement().hasToString("{\"COUNT\":" + QueryGraph.TWIN_COUNT + "}");
        assertThat(rooms).singleElement().hasToString("{\"COUNT\":12}");
        assertThat(relationships).singleElement().hasToString("{\"COUNT\":" + QueryGraph.RELATIONSHIP_COUNT + "}");
    }

    @Test
    void topReturnsTheFirstItemsOnly() {
        // when
        List<String> found = ids(all("SELECT TOP(3) FROM DIGITALTWINS WHERE IS_OF_MODEL('" + QueryGraph.ROOM + "')"));

        // then
        assertThat(found).containsExactly("room-01", "room-02", "room-03");
    }

    @Test
    void projectedPropertiesAreKeyedByNameAndLeftOutWhenAbsent() {
        // when
        List<JsonNode> rows = all("SELECT T.$dtId, T.capacity, T.address.zip FROM DIGITALTWINS T"
                + " WHERE T.$dtId IN ['room-10', 'room-11', 'bldg']");

        // then
        assertThat(rows)
                .extracting(JsonNode::toString)
                .containsExactly(
                        "{\"$dtId\":\"bldg\",\"zip\":\"0150\"}",
                        "{\"$dtId\":\"room-10\",\"capacity\":10}",
                        "{\"$dtId\":\"room-11\"}");
    }

    @Test
    void projectedCollectionsAreKeyedByTheirName() {
        // when
        List<JsonNode> rows = all("SELECT T FROM DIGITALTWINS T WHERE T.$dtId = 'thing-x'");

        // then
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.fieldNames()).toIterable().containsExactly("T");
            assertThat(row.path("T").path("$dtId").asText()).isEqualTo("thing-x");
            assertThat(row.path("T").path("name").asText()).isEqualTo("Misc");
        });
    }

    @Test
    void joinReturnsOneRowPerRelatedTwin() {
        // when
        List<JsonNode> rows =
                all("SELECT T, CT FROM DIGITALTWINS T JOIN CT RELATED T.contains" + " WHERE T.$dtId = 'floor-1'");

        // then
        assertThat(rows)
                .extracting(row -> row.path("CT").path("$dtId").asText())
                .containsExactlyElementsOf(ALL_ROOMS.subList(0, 6));
        assertThat(rows)
                .allSatisfy(
                        row -> assertThat(row.path("T").path("$dtId").asText()).isEqualTo("floor-1"));
    }

    @Test
    void joinFiltersOnTheRelationshipThroughItsName() {
        // when
        List<JsonNode> rows = all("SELECT CT.$dtId, R.since FROM DIGITALTWINS T JOIN CT RELATED T.contains R"
                + " WHERE T.$dtId = 'bldg' AND R.since > '2021'");

        // then
        assertThat(rows)
                .extracting(JsonNode::toString)
                .containsExactly("{\"$dtId\":\"floor-2\",\"since\":\"2021-06-30\"}");
    }

    @Test
    void joinCanPickTheRelatedTwinByIdInstead() {
        // when
        List<JsonNode> rows =
                all("SELECT T.$dtId FROM DIGITALTWINS T JOIN S RELATED T.hasSensor" + " WHERE S.$dtId = 'sensor-b'");

        // then
        assertThat(rows).extracting(JsonNode::toString).containsExactly("{\"$dtId\":\"room-02\"}");
    }

    @Test
    void joinAppliesIsOfModelToTheNamedCollection() {
        // when
        List<JsonNode> rows = all("SELECT COUNT() FROM DIGITALTWINS T JOIN CT RELATED T.contains"
                + " WHERE T.$dtId IN ['floor-1', 'floor-2', 'bldg'] AND IS_OF_MODEL(CT, '" + QueryGraph.ROOM
                + "') AND CT.capacity >= 5");

        // then
        assertThat(rows).singleElement().hasToString("{\"COUNT\":6}");
    }

    @Test
    void pagesFollowTheIdOrderAndTheLastPageHasNoToken() {
        // when
        List<QueryPage> pages = pages("SELECT * FROM DIGITALTWINS", 5);

        // then
        assertThat(pages).extracting(page -> page.items().size()).containsExactly(5, 5, 5, 4);
        assertThat(pages.subList(0, 3))
                .allSatisfy(page -> assertThat(page.continuationToken()).isPresent());
        assertThat(pages.get(3).continuationToken()).isEmpty();
        List<String> ids =
                pages.stream().flatMap(page -> ids(page.items()).stream()).toList();
        assertThat(ids).hasSize(QueryGraph.TWIN_COUNT).doesNotHaveDuplicates().isSorted();
        assertThat(pages).allSatisfy(page -> assertThat(page.charge()).isPositive());
    }

    @Test
    void topStopsPagingOnceReached() {
        // when
        List<QueryPage> pages = pages("SELECT TOP(7) T.$dtId FROM DIGITALTWINS T", 3);

        // then
        assertThat(pages).extracting(page -> page.items().size()).containsExactly(3, 3, 1);
        assertThat(pages.get(2).continuationToken()).isEmpty();
    }

    @Test
    void joinRowsPageByRelationship() {
        // when
        List<QueryPage> pages = pages(
                "SELECT CT FROM DIGITALTWINS T JOIN CT RELATED T.contains" + " WHERE T.$dtId IN ['floor-1', 'floor-2']",
                5);

        // then
        assertThat(pages).extracting(page -> page.items().size()).containsExactly(5, 5, 2);
        assertThat(pages.stream().flatMap(page -> page.items().stream()))
                .extracting(row -> row.path("CT").path("$dtId").asText())
                .containsExactlyElementsOf(ALL_ROOMS);
    }

    @Test
    void aPageIsNeverLargerThanAThousandItems() {
        // when
        QueryPage page = QueryRunner.engine().firstPage("SELECT * FROM DIGITALTWINS", 5_000);

        // then
        assertThat(page.items()).hasSize(QueryGraph.TWIN_COUNT);
        assertThat(QueryEngine.MAX_PAGE_SIZE).isEqualTo(1_000);
    }
}
