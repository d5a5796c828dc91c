package io.twinsync.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.rest.PagedResponse;
import com.azure.digitaltwins.core.BasicDigitalTwin;
import com.azure.digitaltwins.core.DigitalTwinsAsyncClient;
import com.azure.digitaltwins.core.models.QueryOptions;
import io.twinsync.emulator.query.QueryGraph;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code POST /query} through the real asynchronous SDK ({@code PagedFlux}). */
class QueryAsyncTests {

    private static AdtEmulator emulator;
    private static DigitalTwinsAsyncClient client;

    @BeforeAll
    static void start() {
        emulator = TestEmulators.start();
        QueryGraphLoader.load(SdkClients.sync(emulator));
        client = SdkClients.async(emulator);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void pagedFluxFollowsContinuationTokensPageByPage() {
        // when
        List<PagedResponse<BasicDigitalTwin>> pages = client.query(
                        "SELECT * FROM DIGITALTWINS WHERE IS_OF_MODEL('" + QueryGraph.ROOM + "')",
                        BasicDigitalTwin.class,
                        new QueryOptions().setMaxItemsPerPage(5))
                .byPage()
                .collectList()
                .block();

        // then
        assertThat(pages).extracting(page -> page.getValue().size()).containsExactly(5, 5, 2);
        assertThat(pages.get(2).getContinuationToken()).isNull();
    }

    @Test
    void pagedFluxYieldsEveryItemOnce() {
        // when
        List<String> ids = client.query(
                        "SELECT * FROM DIGITALTWINS", BasicDigitalTwin.class, new QueryOptions().setMaxItemsPerPage(3))
                .map(BasicDigitalTwin::getId)
                .collectList()
                .block();

        // then
        assertThat(ids).hasSize(QueryGraph.TWIN_COUNT).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void aRefusedQueryFailsTheFlux() {
        // when
        HttpResponseException error = catchThrowableOfType(HttpResponseException.class, () -> client.query(
                        "SELECT * FROM DIGITALTWINS ORDER BY name", String.class)
                .collectList()
                .block());

        // then
        assertThat(error.getResponse().getStatusCode()).isEqualTo(400);
        assertThat(error.getMessage()).contains("SqlQueryError", "ORDER BY");
    }
}
