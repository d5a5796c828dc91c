package io.twinsync.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.http.rest.PagedResponse;
import com.azure.core.util.Context;
import com.azure.digitaltwins.core.BasicDigitalTwin;
import com.azure.digitaltwins.core.DigitalTwinsClient;
import com.azure.digitaltwins.core.models.QueryOptions;
import io.twinsync.emulator.query.QueryGraph;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Query results against a graph that changes: writes show at once, and pages resume after the last id served. */
class QueryPagingTests {

    private AdtEmulator emulator;
    private DigitalTwinsClient client;

    @BeforeEach
    void start() {
        emulator = TestEmulators.start();
        client = SdkClients.sync(emulator);
        QueryGraphLoader.load(client);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void aTwinIsFoundByTheQueryRightAfterItIsCreated() {
        // given
        client.createOrReplaceDigitalTwin("sensor-new", sensor(), BasicDigitalTwin.class);

        // when
        List<String> ids = ids("SELECT * FROM DIGITALTWINS T WHERE T.$dtId = 'sensor-new'", 10);

        // then
        assertThat(ids).containsExactly("sensor-new");
    }

    @Test
    void pagesResumeAfterTheLastTwinServedWhileTwinsComeAndGo() {
        // given the first page was read
        Iterator<PagedResponse<BasicDigitalTwin>> pages = client.query(
                        "SELECT * FROM DIGITALTWINS",
                        BasicDigitalTwin.class,
                        new QueryOptions().setMaxItemsPerPage(5),
                        Context.NONE)
                .iterableByPage()
                .iterator();
        List<String> seen = new ArrayList<>(pageIds(pages.next()));

        // when a twin sorting before the page and one on a later page change, then the rest is read
        client.createOrReplaceDigitalTwin("aaa-new", sensor(), BasicDigitalTwin.class);
        client.deleteDigitalTwin("thing-x");
        client.createOrReplaceDigitalTwin("sensor-new", sensor(), BasicDigitalTwin.class);
        pages.forEachRemaining(page -> seen.addAll(pageIds(page)));

        // then nothing repeats, the deleted twin is gone and the new later twin appears
        assertThat(seen).doesNotHaveDuplicates().isSorted();
        assertThat(seen).contains("sensor-new").doesNotContain("aaa-new", "thing-x");
        assertThat(seen).hasSize(QueryGraph.TWIN_COUNT);
    }

    private List<String> ids(String query, int pageSize) {
        return client
                .query(query, BasicDigitalTwin.class, new QueryOptions().setMaxItemsPerPage(pageSize), Context.NONE)
                .stream()
                .map(BasicDigitalTwin::getId)
                .toList();
    }

    private static List<String> pageIds(PagedResponse<BasicDigitalTwin> page) {
        return page.getValue().stream().map(BasicDigitalTwin::getId).toList();
    }

    private static BasicDigitalTwin sensor() {
        return new BasicDigitalTwin("ignored")
                .setMetadata(new com.azure.digitaltwins.core.BasicDigitalTwinMetadata().setModelId(QueryGraph.SENSOR))
                .addToContents("unit", "K");
    }
}
