package io.twinsync.emulator.recorded;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BodyComparatorTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RecordedExchange EXCHANGE = new RecordedExchange(
            3,
            "GET",
            URI.create("https://REDACTED/digitaltwins/t1?api-version=2022-05-31"),
            Map.of(),
            null,
            200,
            Map.of(),
            null);

    private final VolatileValues volatiles = new VolatileValues(URI.create("https://localhost:1234"));
    private final BodyComparator comparator = new BodyComparator(volatiles, new TimeRelations());

    @Test
    void aRecordedNullMatchesAnAbsentKeyButAMissingValueDoesNot() throws Exception {
        // given a recorded answer with an explicit null and a nested id
        JsonNode recorded = json("{\"error\":null,\"twin\":{\"$dtId\":\"t1\"}}");

        // when the emulator leaves out the null, and then also the id
        List<Mismatch> withoutNull = comparator.compare(EXCHANGE, recorded, json("{\"twin\":{\"$dtId\":\"t1\"}}"));
        List<Mismatch> withoutId = comparator.compare(EXCHANGE, recorded, json("{\"twin\":{}}"));

        // then only the missing id is a mismatch
        assertThat(withoutNull).isEmpty();
        assertThat(withoutId).extracting(Mismatch::what).containsExactly("body /twin/$dtId: key missing");
    }

    @Test
    void etagsAreComparedByRelationNotByValue() throws Exception {
        // given two versions of a twin, recorded with ETags A then B
        comparator.compare(EXCHANGE, json("{\"$etag\":\"W/\\\"A\\\"\"}"), json("{\"$etag\":\"W/\\\"x\\\"\"}"));

        // when the emulator answers version B with the ETag it gave version A, and then A again with another ETag
        List<Mismatch> reused =
                comparator.compare(EXCHANGE, json("{\"$etag\":\"W/\\\"B\\\"\"}"), json("{\"$etag\":\"W/\\\"x\\\"\"}"));
        List<Mismatch> changed =
                comparator.compare(EXCHANGE, json("{\"$etag\":\"W/\\\"A\\\"\"}"), json("{\"$etag\":\"W/\\\"y\\\"\"}"));

        // then both break the relation, and a strong ETag is reported as such
        assertThat(reused).extracting(Mismatch::what).containsExactly("body /$etag: ETag relation");
        assertThat(changed).extracting(Mismatch::what).containsExactly("body /$etag: ETag relation");
        assertThat(comparator.compare(EXCHANGE, json("{\"$etag\":\"W/\\\"C\\\"\"}"), json("{\"$etag\":\"\\\"z\\\"\"}")))
                .extracting(Mismatch::what)
                .containsExactly("body /$etag: weak ETag");
    }

    @Test
    void timesMustKeepTheRecordedOrderAndEquality() throws Exception {
        // given a twin written at T1 and read back with the same time
        comparator.compare(EXCHANGE, time("2023-07-20T06:38:05.1Z"), time("2026-01-01T00:00:01Z"));

        // when the emulator reports another time for the same write, and an earlier one for a later write
        List<Mismatch> moved =
                comparator.compare(EXCHANGE, time("2023-07-20T06:38:05.1Z"), time("2026-01-01T00:00:02Z"));
        List<Mismatch> reversed =
                comparator.compare(EXCHANGE, time("2023-07-20T06:38:06Z"), time("2025-12-31T00:00:00Z"));

        // then both are mismatches, while a later write at a later time is not
        assertThat(moved).hasSize(1);
        assertThat(reversed).hasSize(1);
        assertThat(comparator.compare(EXCHANGE, time("2023-07-20T06:38:07Z"), time("2026-01-01T00:00:03Z")))
                .isEmpty();
    }

    @Test
    void anErrorMessageIsComparedByTypeAndAnExtraKeyIsReported() throws Exception {
        // given a recorded error
        JsonNode recorded = json("{\"error\":{\"code\":\"DigitalTwinNotFound\",\"message\":\"There is no twin t1.\"}}");

        // when the emulator words the message differently and adds a key
        List<Mismatch> found = comparator.compare(
                EXCHANGE, recorded, json("{\"error\":{\"code\":\"Other\",\"message\":\"No twin 't1'\",\"extra\":1}}"));

        // then only the extra key is reported here (the code is a check of its own)
        assertThat(found).extracting(Mismatch::what).containsExactly("body /error/extra: unexpected key");
    }

    @Test
    void listingItemsArePairedOverTheWholeChainOfPagesNotPageByPage() throws Exception {
        // given a query recorded in two pages: t1, t2 then t3
        RecordedExchange first = query(4, null);
        RecordedExchange second = query(5, "token");

        // when the emulator lists the same twins in another order, t3 on the first page
        List<Mismatch> firstPage = comparator.compare(
                first,
                json("{\"value\":[{\"$dtId\":\"t1\"},{\"$dtId\":\"t2\"}],\"continuationToken\":\"token\"}"),
                json("{\"value\":[{\"$dtId\":\"t3\"},{\"$dtId\":\"t1\"}],\"continuationToken\":\"mine\"}"));
        List<Mismatch> lastPage = comparator.compare(
                second,
                json("{\"value\":[{\"$dtId\":\"t3\"}],\"continuationToken\":null}"),
                json("{\"value\":[{\"$dtId\":\"t2\"}],\"continuationToken\":null}"));

        // then nothing differs; a twin missing from the emulator's pages would have been reported on the last page
        assertThat(firstPage).isEmpty();
        assertThat(lastPage).isEmpty();
        assertThat(comparator.compare(
                        query(6, null),
                        json("{\"value\":[{\"$dtId\":\"t1\"}],\"continuationToken\":null}"),
                        json("{\"value\":[{\"$dtId\":\"t9\"}],\"continuationToken\":null}")))
                .extracting(Mismatch::what)
                .containsExactly(
                        "body /value/0: item missing from the emulator's pages",
                        "body /value: item the recording does not list");
    }

    private static RecordedExchange query(int index, String continuation) throws Exception {
        JsonNode body = continuation == null
                ? json("{\"query\":\"SELECT * FROM digitaltwins\"}")
                : json("{\"query\":\"SELECT * FROM digitaltwins\",\"continuationToken\":\"" + continuation + "\"}");
        return new RecordedExchange(
                index,
                "POST",
                URI.create("https://REDACTED/query?api-version=2022-05-31"),
                Map.of(),
                body,
                200,
                Map.of(),
                null);
    }

    private static JsonNode time(String value) throws Exception {
        return json("{\"$metadata\":{\"$lastUpdateTime\":\"" + value + "\"}}");
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }
}
