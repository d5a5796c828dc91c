package io.twinsync.orchestrator.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.twinsync.orchestrator.state.TargetDrift;
import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchId;
import io.twinsync.staging.BatchLayout;
import io.twinsync.staging.LocalStagingStore;
import io.twinsync.staging.StagedOutput;
import io.twinsync.staging.json.StagingJson;
import io.twinsync.staging.manifest.BatchManifest;
import io.twinsync.staging.manifest.BatchManifests;
import io.twinsync.staging.manifest.EntityTransform;
import io.twinsync.staging.manifest.ExtractSummary;
import io.twinsync.staging.manifest.OutcomeCounts;
import io.twinsync.staging.manifest.PartitionSummaries;
import io.twinsync.staging.manifest.TransformSummary;
import io.twinsync.staging.manifest.WriteSummary;
import io.twinsync.staging.reject.Reject;
import io.twinsync.writer.drift.DriftReport;
import io.twinsync.writer.report.ItemAction;
import io.twinsync.writer.report.ItemKind;
import io.twinsync.writer.report.ItemResult;
import io.twinsync.writer.report.RequestTimeline;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report of a batch built from files laid out as the stages leave them, with known numbers. */
class BatchReportsTests {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant T1 = Instant.parse("2026-01-01T00:00:02Z");
    private static final Instant T2 = Instant.parse("2026-01-01T00:00:10Z");
    private static final Instant T3 = Instant.parse("2026-01-01T00:00:12Z");
    private static final BatchReports.Context RUN = new BatchReports.Context(false, false, null);

    @TempDir
    Path root;

    private Batch batch;

    @BeforeEach
    void stagedAndTransformed() {
        batch = new LocalStagingStore(root).createBatch(BatchId.newId(T0));
        BatchManifests.write(
                batch,
                BatchManifest.start(batch.id().value(), T0)
                        .withExtract(new ExtractSummary(T0, T1, Map.of("Pump", 3L, "Site", 1L)))
                        .withTransform(new TransformSummary(
                                T1,
                                T2,
                                4,
                                3,
                                2,
                                0,
                                1,
                                Map.of("MISSING_ID_VALUE", 1L),
                                Map.of(
                                        "Pump", new EntityTransform(3, 2, 0, 0, 1),
                                        "Site", new EntityTransform(1, 1, 0, 2, 0)))));
        lines(
                BatchLayout.rejectsFile("transform"),
                new Reject("transform", "Pump", 3, Map.of("Id", 7), "Code", null, "MISSING_ID_VALUE", "Code is NULL"));
        lines(
                BatchLayout.resultsFile("part-1-of-1"),
                twin("site-1", "Site", ItemAction.CREATED, null, "00:00:10.500"),
                twin("pump-1", "Pump", ItemAction.CREATED, null, "00:00:10.500"),
                twin("pump-2", "Pump", ItemAction.FAILED, "ValidationFailed", "00:00:11.200"),
                relationship("r1", "Site", ItemAction.CREATED, null, "00:00:11.500"),
                relationship("r2", "Site", ItemAction.FAILED, "TargetTwinNotFound", "00:00:11.500"));
        new RequestTimeline(List.of(
                        new RequestTimeline.Second(T2, 5, 0), new RequestTimeline.Second(T2.plusSeconds(1), 4, 1)))
                .write(batch, "part-1-of-1");
    }

    @Test
    void aRecordedBatchIsReportedWithItsCountsRatesErrorsAndTimeline() {
        // given the write recorded in the manifest
        BatchManifests.update(
                batch,
                m -> m.withWrite(new WriteSummary(
                        T2,
                        T3,
                        "emulator",
                        new OutcomeCounts(2, 0, 0, 0, 1),
                        new OutcomeCounts(1, 0, 0, 0, 1),
                        9,
                        2,
                        1)));

        // when
        BatchReport report = BatchReports.build(batch, RUN, T3);

        // then: the result as run says it, each stage's time and rate
        assertThat(report.result()).isEqualTo(BatchResult.PARTIAL);
        assertThat(report.stages())
                .containsExactly(
                        new BatchReport.Stage("extract", T0, T1, 4, "rows", 2.0, 2.0),
                        new BatchReport.Stage("transform", T1, T2, 4, "rows", 8.0, 0.5),
                        new BatchReport.Stage("write", T2, T3, 5, "twins and relationships", 2.0, 2.5));
        // the write's totals from the manifest, per entity from the result lines
        assertThat(report.write().recorded()).isTrue();
        assertThat(report.write().requests()).isEqualTo(9);
        assertThat(report.write().throttled()).isEqualTo(1);
        assertThat(report.write().byEntity())
                .containsOnlyKeys("Pump", "Site")
                .containsEntry(
                        "Pump", new BatchReport.EntityWrite(new OutcomeCounts(1, 0, 0, 0, 1), OutcomeCounts.ZERO))
                .containsEntry(
                        "Site",
                        new BatchReport.EntityWrite(
                                new OutcomeCounts(1, 0, 0, 0, 0), new OutcomeCounts(1, 0, 0, 0, 1)));
        // the top errors, rejected rows and failed items alike
        assertThat(report.errors())
                .extracting(e -> e.stage() + " " + e.code() + " " + e.count() + " " + e.listedIn())
                .containsExactly(
                        "transform MISSING_ID_VALUE 1 [rejects/transform.ndjson]",
                        "write TargetTwinNotFound 1 [results/part-1-of-1.ndjson]",
                        "write ValidationFailed 1 [results/part-1-of-1.ndjson]");
        assertThat(report.errors().get(2).examples())
                .containsExactly(new BatchReport.Example("twin pump-2", "<b>pump-2</b> ValidationFailed"));
        assertThat(report.files())
                .isEqualTo(new BatchReport.Files(
                        List.of("rejects/transform.ndjson"), List.of("results/part-1-of-1.ndjson")));
        // the write per second: requests and 429s as counted, items by when they were done
        assertThat(report.timeline().buckets())
                .containsExactly(
                        new BatchReport.Bucket(T2, 5, 0, 2), new BatchReport.Bucket(T2.plusSeconds(1), 4, 1, 3));
    }

    @Test
    void aBatchThatFailedInItsWriteShowsWhatItsFinishedPartitionsDid() {
        // given no write in the manifest, but a partition that finished and recorded its summary
        PartitionSummaries.write(
                batch,
                "part-1-of-1",
                new WriteSummary(
                        T2,
                        T3,
                        "emulator",
                        new OutcomeCounts(2, 0, 0, 0, 1),
                        new OutcomeCounts(1, 0, 0, 0, 1),
                        9,
                        2,
                        1));

        // when
        BatchReport report = BatchReports.build(batch, new BatchReports.Context(false, false, "FAILED"), T3);

        // then
        assertThat(report.result()).isEqualTo(BatchResult.FAILED);
        assertThat(report.job()).isEqualTo("FAILED");
        assertThat(report.write().recorded()).isFalse();
        assertThat(report.write().twins()).isEqualTo(new OutcomeCounts(2, 0, 0, 0, 1));
        assertThat(report.write().relationships()).isEqualTo(new OutcomeCounts(1, 0, 0, 0, 1));
        assertThat(report.write().retried()).isEqualTo(2);
        assertThat(report.stages())
                .extracting(BatchReport.Stage::name)
                .containsExactly("extract", "transform", "write");
    }

    @Test
    void driftFoundAndNotRepairedMakesAWrittenBatchDrift() {
        // given a clean write, and a drift check that found a changed twin
        BatchManifests.write(
                batch,
                BatchManifest.start(batch.id().value(), T0)
                        .withTransform(new TransformSummary(T1, T2, 1, 1, 0, 0, 0, Map.of(), Map.of()))
                        .withWrite(new WriteSummary(
                                T2, T3, "emulator", new OutcomeCounts(1, 0, 0, 0, 0), OutcomeCounts.ZERO, 1, 0, 0)));
        TargetDrift.record(
                batch, new DriftReport(List.of(), 1, 1, List.of("pump-9"), List.of(), List.of(), List.of(), 1, 1));

        // when / then: drift unless the run was a full compare, which repaired it
        assertThat(BatchReports.build(batch, RUN, T3).result()).isEqualTo(BatchResult.DRIFT);
        assertThat(BatchReports.build(batch, new BatchReports.Context(false, true, null), T3)
                        .result())
                .isEqualTo(BatchResult.OK);
    }

    @Test
    void theHtmlShowsEveryNumberMarkedWithItsMetricAndEscapesWhatTheServiceSaid() throws IOException {
        // given
        BatchManifests.update(
                batch,
                m -> m.withWrite(new WriteSummary(
                        T2,
                        T3,
                        "emulator",
                        new OutcomeCounts(2, 0, 0, 0, 1),
                        new OutcomeCounts(1, 0, 0, 0, 1),
                        9,
                        2,
                        1)));

        // when
        BatchReports.write(batch, RUN);

        // then
        String html;
        try (InputStream in = batch.open(BatchReports.HTML)) {
            html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(html)
                .contains("data-metric=\"result\">PARTIAL<")
                .contains("data-metric=\"extract.entity.Pump.rows\">3<")
                .contains("data-metric=\"transform.entity.Pump.rowsRejected\">1<")
                .contains("data-metric=\"write.twins.created\">2<")
                .contains("data-metric=\"write.entity.Site.relationships.failed\">1<")
                .contains("data-metric=\"write.requests\">9<")
                .contains("data-metric=\"stage.write.perSecond\">2.5<")
                .contains("data-metric=\"error.write.ValidationFailed.count\">1<")
                .contains("data-metric=\"timeline.throttled\" data-at=\"2026-01-01T00:00:11Z\" data-value=\"1\"")
                .contains("&lt;b&gt;pump-2&lt;/b&gt;")
                .doesNotContain("<b>pump-2</b>", "<script", "http://", "https://");
        try (InputStream in = batch.open(BatchReports.JSON)) {
            assertThat(StagingJson.mapper()
                            .readTree(in)
                            .path("write")
                            .path("byEntity")
                            .path("Pump")
                            .path("twins")
                            .path("failed")
                            .asLong())
                    .isEqualTo(1);
        }
    }

    private static ItemResult twin(String id, String entity, ItemAction action, String code, String time) {
        return result(ItemKind.TWIN, id, id, entity, action, code, time);
    }

    private static ItemResult relationship(String id, String entity, ItemAction action, String code, String time) {
        return result(ItemKind.RELATIONSHIP, id, "site-1", entity, action, code, time);
    }

    private static ItemResult result(
            ItemKind kind, String id, String twinId, String entity, ItemAction action, String code, String time) {
        return new ItemResult(
                kind,
                id,
                twinId,
                action,
                1,
                5,
                code,
                code == null ? null : "<b>" + id + "</b> " + code,
                entity,
                Instant.parse("2026-01-01T" + time + "Z"));
    }

    private void lines(String path, Object... lines) {
        try (StagedOutput out = batch.create(path)) {
            for (Object line : lines) {
                out.write(StagingJson.mapper().writeValueAsBytes(line));
                out.write('\n');
            }
            out.commit();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
