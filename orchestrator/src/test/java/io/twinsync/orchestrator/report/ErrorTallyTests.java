package io.twinsync.orchestrator.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorTallyTests {

    @Test
    void theMostFrequentComeFirstWithTheirFirstThreeExamplesAndEveryFileThatListsThem() {
        // given four TargetTwinNotFound over two files, one InvalidTwinFile and two rejected rows
        ErrorTally errors = new ErrorTally();
        for (int i = 1; i <= 4; i++) {
            errors.add(
                    "write",
                    "TargetTwinNotFound",
                    "relationship r" + i,
                    "no target " + i,
                    "results/p" + (i % 2) + ".ndjson");
        }
        errors.add("write", "InvalidTwinFile", "twin twins/ab/x.json", "truncated", "results/p0.ndjson");
        errors.add("transform", "MISSING_ID_VALUE", "pump {\"Id\":7}", "Code is NULL", "rejects/transform.ndjson");
        errors.add("transform", "MISSING_ID_VALUE", "pump {\"Id\":8}", "Code is NULL", "rejects/transform.ndjson");

        // when
        List<BatchReport.TopError> top = errors.top(2);

        // then
        assertThat(top).hasSize(2);
        assertThat(top.get(0).code()).isEqualTo("TargetTwinNotFound");
        assertThat(top.get(0).count()).isEqualTo(4);
        assertThat(top.get(0).examples())
                .extracting(BatchReport.Example::id)
                .containsExactly("relationship r1", "relationship r2", "relationship r3");
        assertThat(top.get(0).listedIn()).containsExactly("results/p1.ndjson", "results/p0.ndjson");
        assertThat(top.get(1))
                .isEqualTo(new BatchReport.TopError(
                        "transform",
                        "MISSING_ID_VALUE",
                        2,
                        List.of(
                                new BatchReport.Example("pump {\"Id\":7}", "Code is NULL"),
                                new BatchReport.Example("pump {\"Id\":8}", "Code is NULL")),
                        List.of("rejects/transform.ndjson")));
    }
}
