package io.twinsync.orchestrator.job;

import io.twinsync.extract.jdbc.JdbcRowExtractor;
import io.twinsync.orchestrator.source.SourceDatabase;
import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchId;
import io.twinsync.staging.LocalStagingStore;
import io.twinsync.transform.mapping.Mapping;
import io.twinsync.transform.validate.MappingValidator;
import io.twinsync.transform.validate.ValidationReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Checks the mapping against a sample of the source's rows, as {@code validate} and {@code run}'s pre-flight do: the
 * sample is read with extract's own reader, into a throwaway folder and never into staging (a sample is not a batch,
 * and must not look like one), and checked with transform's own rules.
 */
public final class SourceSample {

    private SourceSample() {}

    /**
     * Reads up to {@code rows} rows of every mapped entity and checks the mapping against them: its columns against
     * the source's (even of an empty table), and each sampled row against the transform's rules.
     *
     * @throws io.twinsync.extract.ExtractException when the source cannot be read, naming the entity
     */
    public static ValidationReport validate(Mapping mapping, SourceDatabase source, int rows) {
        Path scratch;
        try {
            scratch = Files.createTempDirectory("twinsync-sample-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a folder for the source sample: " + e.getMessage(), e);
        }
        try {
            Batch sample = new LocalStagingStore(scratch).createBatch(BatchId.newId(Instant.now()));
            new JdbcRowExtractor(source.dataSource(), source.fetchSize())
                    .sample(rows)
                    .extract(sample, SourceEntities.of(mapping));
            return MappingValidator.validate(mapping, sample);
        } finally {
            deleteRecursively(scratch);
        }
    }

    private static void deleteRecursively(Path dir) {
        try {
            Folders.deleteTree(dir);
        } catch (IOException e) {
            // A temporary folder left behind harms nothing; the system's cleaning removes it.
        }
    }
}
