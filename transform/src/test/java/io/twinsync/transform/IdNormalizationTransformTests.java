package io.twinsync.transform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsync.staging.Batch;
import io.twinsync.staging.twin.TwinFile;
import io.twinsync.transform.mapping.MappingLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Id normalisation through a whole transform: trim, case, replacing invalid characters. */
class IdNormalizationTransformTests {

    @TempDir
    Path dir;

    Batch batch;

    @BeforeEach
    void newBatch() {
        batch = TestBatches.newBatch(dir.resolve("staging"));
    }

    @Test
    void trimStripsEachColumnValueBeforeSubstitution() {
        // given CHAR-padded codes (a no-break space included) and trim, when transformed
        transform("ids: { trim: true }\n", "id: \"thing-{Code}-{Part}\"", "");

        // then padding is gone around each value, and the literal text is kept
        assertThat(TestBatches.twinFile(batch, "thing-AB-1").twin().get("$dtId").asText())
                .isEqualTo("thing-AB-1");
    }

    @Test
    void caseAppliesToTheWholeRenderedId() {
        // given case: upper on the twin id, when transformed
        transform("", "id: { template: \"thing-{Code}-{Part}\", case: upper, trim: true }", "");

        // then the literal text is upper-cased too
        assertThat(TestBatches.twinFiles(batch)).extracting(TwinFile::twinId).containsExactly("THING-AB-1");
    }

    @Test
    void withoutNormalisationAPaddedIdIsRejected() {
        // given the same padded values and no options, when transformed
        transform("", "id: \"thing-{Code}-{Part}\"", "");

        // then the row is rejected as before: padding inside the id is kept, trailing padding breaks the rules
        List<JsonNode> rejects = TestBatches.rejects(batch);
        assertThat(rejects).extracting(r -> r.get("code").asText()).containsExactly("INVALID_TWIN_ID");
    }

    @Test
    void replaceSubstitutesRefusedCharactersAndTrimsTheEnds() {
        // given a code with a tab and a line break, and invalid: replace
        writeMapping("ids: { invalid: replace, replacement: \"_\" }\n", "id: \"{Code}\"", "");
        TestBatches.rows("thing", "Id", "Id INTEGER, Code STRING")
                .row(1L, " A\tB\n")
                .stageInto(batch);

        // when transformed
        new TwinTransformer(MappingLoader.load(dir.resolve("mapping.yaml"))).transform(batch);

        // then the control characters are replaced and the ends trimmed, instead of a reject
        assertThat(TestBatches.rejects(batch)).isEmpty();
        assertThat(TestBatches.twinFiles(batch)).extracting(TwinFile::twinId).containsExactly("A_B_");
    }

    @Test
    void aTargetIsNormalisedExactlyLikeTheTwinIdItPointsAt() {
        // given mapping-wide trim and lower case, and a second row linking to the first by a padded, upper code
        writeMapping(
                "ids: { trim: true, case: lower }\n",
                "id: \"thing-{Code}\"",
                "    relationships:\n      - name: linksTo\n        target: \"thing-{Link}\"\n");
        TestBatches.rows("thing", "Id", "Id INTEGER, Code STRING, Link STRING")
                .row(1L, " Ab ", null)
                .row(2L, "cd", "AB   ")
                .stageInto(batch);

        // when transformed
        new TwinTransformer(MappingLoader.load(dir.resolve("mapping.yaml"))).transform(batch);

        // then the target equals the first twin's id
        String firstId = TestBatches.twinFile(batch, "thing-ab").twinId();
        JsonNode relationship =
                TestBatches.twinFile(batch, "thing-cd").relationships().get(0);
        assertThat(relationship.get("$targetId").asText()).isEqualTo(firstId);
        assertThat(relationship.get("$relationshipId").asText()).isEqualTo("linksTo-thing-ab");
    }

    private void transform(String ids, String idLine, String relationships) {
        writeMapping(ids, idLine, relationships);
        TestBatches.rows("thing", "Id", "Id INTEGER, Code STRING, Part STRING")
                .row(1L, "  AB\u00a0", "1   ")
                .stageInto(batch);
        new TwinTransformer(MappingLoader.load(dir.resolve("mapping.yaml"))).transform(batch);
    }

    private void writeMapping(String ids, String idLine, String relationships) {
        TestMappings.writeRaw(
                dir,
                TestMappings.MODELS
                        + ids
                        + """
                        entities:
                          - name: thing
                            source: { table: Thing, key: Id }
                            twin:
                              model: dtmi:test:Thing;1
                              %s
                        %s"""
                                .formatted(idLine, relationships));
    }
}
