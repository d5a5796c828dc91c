package io.twinsync.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.twinsync.extract.SourceEntity;
import io.twinsync.extract.jdbc.JdbcRowExtractor;
import io.twinsync.extract.jdbc.JdbcSourceSettings;
import io.twinsync.extract.jdbc.JdbcSources;
import io.twinsync.orchestrator.config.TwinsyncConfiguration;
import io.twinsync.orchestrator.job.SourceEntities;
import io.twinsync.sample.erp.SampleErp;
import io.twinsync.sample.erp.SqlDialect;
import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchId;
import io.twinsync.staging.LocalStagingStore;
import io.twinsync.staging.twin.TwinFileCodec;
import io.twinsync.testsupport.PostgresTestSchema;
import io.twinsync.transform.TwinTransformer;
import io.twinsync.transform.mapping.Mapping;
import io.twinsync.transform.mapping.MappingLoader;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same ERP in two databases gives the same twins: the sample ERP loaded into a real PostgreSQL and into H2 (SQL
 * Server mode), extracted and transformed with the one sample mapping, yields identical twin files, hash for hash.
 * This is what "a new source needs only configuration" rests on: types are staged faithfully, whatever the driver.
 */
class SampleErpAcrossDatabasesIntegrationTests {

    @TempDir
    Path staging;

    @Test
    void postgresqlAndH2YieldIdenticalTwins() throws Exception {
        Mapping mapping = MappingLoader.loadFromClasspath(TwinsyncConfiguration.SAMPLE_MAPPING);
        try (PostgresTestSchema schema = PostgresTestSchema.create("twinsync_")) {
            // given the sample ERP in PostgreSQL and in H2
            String h2 = "jdbc:h2:mem:" + schema.name()
                    + ";MODE=MSSQLServer;DATABASE_TO_UPPER=FALSE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1";
            SampleErp.create(schema.connection(), SqlDialect.POSTGRESQL);
            try (Connection c = DriverManager.getConnection(h2)) {
                SampleErp.create(c, SqlDialect.H2);
            }

            // when each is extracted and transformed with the sample mapping
            Map<String, String> fromPostgres = twinHashes(schema.url(), PostgresTestSchema.USER, mapping);
            Map<String, String> fromH2 = twinHashes(h2, null, mapping);

            // then every twin is the same, content hash for content hash
            assertThat(fromPostgres).hasSize(347);
            assertThat(fromPostgres).isEqualTo(fromH2);
        }
    }

    private Map<String, String> twinHashes(String url, String user, Mapping mapping) {
        List<SourceEntity> entities = SourceEntities.of(mapping);
        Batch batch = new LocalStagingStore(staging.resolve(UUID.randomUUID().toString()))
                .createBatch(BatchId.newId(Instant.now()));
        try (HikariDataSource source = JdbcSources.open(new JdbcSourceSettings(url, user, null, 2, 500))) {
            new JdbcRowExtractor(source, 500).extract(batch, entities);
        }
        new TwinTransformer(mapping).transform(batch);
        Map<String, String> hashes = new TreeMap<>();
        for (String path : batch.list("twins/")) {
            try (InputStream in = batch.open(path)) {
                var twin = TwinFileCodec.read(in, path);
                hashes.put(twin.twinId(), twin.contentHash());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return hashes;
    }
}
