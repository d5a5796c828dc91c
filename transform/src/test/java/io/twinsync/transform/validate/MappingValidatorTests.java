package io.twinsync.transform.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchLayout;
import io.twinsync.staging.rows.StagedColumn;
import io.twinsync.staging.rows.StagedSchema;
import io.twinsync.staging.rows.ValueType;
import io.twinsync.transform.TestBatches;
import io.twinsync.transform.TestMappings;
import io.twinsync.transform.mapping.Mapping;
import io.twinsync.transform.mapping.MappingException;
import io.twinsync.transform.mapping.MappingLoader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link MappingValidator} reports every problem of a mapping and its sample rows, and writes nothing. */
class MappingValidatorTests {

    @TempDir
    Path dir;

    Batch sample;

    @BeforeEach
    void newBatch() {
        sample = TestBatches.newBatch(dir.resolve("staging"));
    }

    @Test
    void fittingMappingAndRowsHaveNoProblems() {
        // given a mapping and sample rows that fit it
        Mapping mapping = TestMappings.thing(dir, "label: Label\ncount: Amount", "");
        TestBatches.rows("thing", "Id", "Id INTEGER, Code STRING, Label STRING, Amount INTEGER")
                .row(1L, "A", "first", 3L)
                .row(2L, "B", "second", 4L)
                .stageInto(sample);

        // when validated
        ValidationReport report = MappingValidator.validate(mapping, sample);

        // then nothing is wrong and both rows were checked
        assertThat(report.problems()).isEmpty();
        assertThat(report.isValid()).isTrue();
        assertThat(report.rowsChecked()).containsExactly(Map.entry("thing", 2L));
        assertThat(report.toText()).contains("Checked 2 sample rows (thing 2): no problems.");
    }

    @Test
    void mappingThatDoesNotLoadListsEveryLoaderProblem() {
        // given a mapping with an unknown key and a property the model lacks
        Path file = TestMappings.write(
                dir,
                """
                  - name: thing
                    colour: red
                    source: {table: Thing, key: [Id]}
                    twin:
                      model: dtmi:test:Thing;1
                      id: "thing-{Code}"
                      properties: {nosuch: Code}
                """);
        MappingException e = catchThrowableOfType(() -> MappingLoader.load(file), MappingException.class);

        // when turned into a report
        ValidationReport report = ValidationReport.of(e);

        // then both problems are there, each naming the entity and key
        assertThat(report.problems()).hasSize(2).allSatisfy(p -> {
            assertThat(p.code()).isEqualTo("INVALID_MAPPING");
            assertThat(p.entity()).isEqualTo("thing");
        });
        assertThat(report.problems())
                .extracting(ValidationProblem::field)
                .containsExactlyInAnyOrder("colour", "twin.properties.nosuch");
    }

    @Test
    void columnMissingFromTheSourceIsReportedWithEveryOther() {
        // given rows lacking two mapped columns
        Mapping mapping = TestMappings.thing(dir, "label: Label\ncount: Amount", "");
        TestBatches.rows("thing", "Id", "Id INTEGER, Code STRING").row(1L, "A").stageInto(sample);

        // when validated
        ValidationReport report = MappingValidator.validate(mapping, sample);

        // then each missing column is a problem naming entity, key and column; the rows are not checked
        assertThat(report.problems())
                .extracting(
                        ValidationProblem::code,
                        ValidationProblem::entity,
                        ValidationProblem::field,
                        ValidationProblem::value)
                .containsExactly(
                        tuple("MISSING_COLUMN", "thing", "twin.properties.label", "Label"),
                        tuple("MISSING_COLUMN", "thing", "twin.properties.count", "Amount"));
        assertThat(report.notChecked()).containsExactly("thing");
    }

    @Test
    void columnTypeThePropertyCannotTakeIsColumnType() {
        // given a BOOLEAN column mapped to an integer property
        Mapping mapping = TestMappings.thing(dir, "count: Amount", "");
        TestBatches.rows("thing", "Id", "Id INTEGER, Code STRING, Amount BOOLEAN")
                .row(1L, "A", true)
                .stageInto(sample);

        // when validated
        ValidationReport report = MappingValidator.validate(mapping, sample);

        // then the type problem names the column, its type and the schema
        ValidationProblem problem = onlyProblem(report);
        assertThat(problem.code()).isEqualTo("COLUMN_TYPE");
        assertThat(problem.field()).isEqualTo("twin.properties.count");
        assertThat(problem.value()).isEqualTo("Amount");
        assertThat(problem.message()).contains("BOOLEAN", "integer");
    }

    @Test
    void everyRejectOfEverySampleRowIsReported() {
        // given two bad rows: one with a NULL id column, one with a fraction for an integer
        Mapping mapping = TestMappings.thing(dir, "count: Amount", "");
        TestBatches.rows("thing", "Id", "Id INTEGER, Code STRING, Amount DECIMAL")
                .row(1L, null, new BigDecimal("1"))
                .row(2L, "B", new BigDecimal("2.50"))
                .row(3L, "C", new BigDecimal("3"))
                .stageInto(sample);

        // when validated
        ValidationReport report = MappingValidator.validate(mapping, sample);

        // then each reject the transform would write is a problem with row number, key, field and value
        assertThat(report.problems())
                .extracting(
                        ValidationProblem::code,
                        ValidationProblem::rowNumber,
                        ValidationProblem::field,
                        ValidationProblem::value)
                .containsExactly(
                        tuple("MISSING_ID_VALUE", 1L, "Code", null), tuple("UNCONVERTIBLE_VALUE", 2L, "count", "2.50"));
        assertThat(report.problems().get(1).rowKey()).containsEntry("Id", 2L);
        assertThat(report.toText()).contains("UNCONVERTIBLE_VALUE entity 'thing' row 2 key {Id=2} field count");
    }

    @Test
    void twinIdRepeatedAcrossSampleRowsIsDuplicateTwinId() {
        // given two rows that give the same twin id
        Mapping mapping = TestMappings.thing(dir, "", "");
        TestBatches.rows("thing", "Id", "Id INTEGER, Code STRING")
                .row(1L, "A")
                .row(2L, "A")
                .stageInto(sample);

        // when validated
        ValidationReport report = MappingValidator.validate(mapping, sample);

        // then the second row is reported, naming the first
        ValidationProblem problem = onlyProblem(report);
        assertThat(problem.code()).isEqualTo("DUPLICATE_TWIN_ID");
        assertThat(problem.rowNumber()).isEqualTo(2);
        assertThat(problem.message()).contains("thing-A", "\"Id\":1");
    }

    @Test
    void validationWritesNothing() {
        // given sample rows with a bad row
        Mapping mapping = TestMappings.thing(dir, "count: Amount", "");
        TestBatches.rows("thing", "Id", "Id INTEGER, Code STRING, Amount DECIMAL")
                .row(1L, "A", new BigDecimal("1"))
                .row(2L, "B", new BigDecimal("2.50"))
                .stageInto(sample);

        // when validated
        MappingValidator.validate(mapping, sample);

        // then no twin file, rejects file or models file was written
        assertThat(sample.list(BatchLayout.TWINS)).isEmpty();
        assertThat(sample.exists(BatchLayout.rejectsFile("transform"))).isFalse();
        assertThat(sample.exists(BatchLayout.MODELS)).isFalse();
    }

    @Test
    void entityWithoutSampleRowsIsNotChecked() {
        // given a mapping and a sample with no rows file
        Mapping mapping = TestMappings.thing(dir, "", "");

        // when validated
        ValidationReport report = MappingValidator.validate(mapping, sample);

        // then the entity is listed as not checked
        assertThat(report.problems()).isEmpty();
        assertThat(report.notChecked()).containsExactly("thing");
        assertThat(report.toText()).contains("not checked: thing");
    }

    @Test
    void schemasAndRowsInMemoryAreCheckedLikeABatch() {
        // given a staged schema lacking a mapped column, in memory
        Mapping mapping = TestMappings.thing(dir, "label: Label", "");
        StagedSchema schema = new StagedSchema(
                "thing",
                List.of("Id"),
                List.of(new StagedColumn("Id", ValueType.INTEGER), new StagedColumn("Code", ValueType.STRING)));

        // when validated
        ValidationReport report = MappingValidator.validate(mapping, Map.of("thing", schema), Map.of());

        // then the missing column is reported
        assertThat(onlyProblem(report).code()).isEqualTo("MISSING_COLUMN");
    }

    private static ValidationProblem onlyProblem(ValidationReport report) {
        assertThat(report.problems()).hasSize(1);
        return report.problems().get(0);
    }

    @Test
    void linkRowsAreCheckedWithoutTheirSharedSourceTwinTakenForDuplicates() {
        // given a link entity whose two sample rows go out from one twin, one with a date that is no date
        Mapping mapping = MappingLoader.load(
                TestMappings.write(
                        dir,
                        """
                  - name: thing
                    source: {table: Thing, key: [Id]}
                    twin: {model: "dtmi:test:Thing;1", id: "thing-{Code}"}
                  - name: thing-link
                    source: {table: thing_link, key: [FromCode, ToCode]}
                    relationship:
                      name: linksTo
                      sourceEntity: thing
                      source: "thing-{FromCode}"
                      target: "thing-{ToCode}"
                      properties: {since: Since}
                """));
        TestBatches.rows("thing-link", "FromCode,ToCode", "FromCode STRING, ToCode STRING, Since STRING")
                .row("a", "b", "2024-03-01")
                .row("a", "c", "yesterday")
                .stageInto(sample);

        // when validated
        ValidationReport report = MappingValidator.validate(mapping, sample);

        // then the bad date is the one problem, both rows were checked, and thing (no sample) was not
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("UNCONVERTIBLE_VALUE");
            assertThat(p.entity()).isEqualTo("thing-link");
            assertThat(p.field()).isEqualTo("linksTo.since");
        });
        assertThat(report.rowsChecked()).containsExactly(Map.entry("thing-link", 2L));
        assertThat(report.notChecked()).containsExactly("thing");
    }
}
