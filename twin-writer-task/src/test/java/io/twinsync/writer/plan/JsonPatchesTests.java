package io.twinsync.writer.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.twinsync.staging.json.StagingJson;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonPatchesTests {

    @Test
    void writesAddWithTheExactDecimalAndRemoveWithoutValue() {
        // given
        List<PatchOperation> ops = List.of(
                PatchOperation.add(
                        "price", StagingJson.mapper().getNodeFactory().numberNode(new BigDecimal("0.10"))),
                PatchOperation.remove("site"));

        // when
        String document = JsonPatches.toDocument(ops).toString();

        // then
        assertThat(document)
                .isEqualTo(
                        "[{\"op\":\"add\",\"path\":\"/price\",\"value\":0.10},{\"op\":\"remove\",\"path\":\"/site\"}]");
    }
}
