package io.twinsync.orchestrator;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import io.twinsync.orchestrator.cli.TwinsyncCommandLine;
import io.twinsync.staging.LocalStagingStore;
import io.twinsync.staging.StagingStore;
import io.twinsync.staging.json.StagingJson;
import io.twinsync.staging.manifest.BatchManifest;
import io.twinsync.staging.manifest.BatchManifests;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One CLI invocation in a test: its exit code and what it printed; and helpers the CLI tests share. */
record CliRun(int code, String out, String err) {

    static CliRun of(TwinsyncCommandLine cli, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = cli.build(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** The manifest of the newest batch under {@code home/staging}. */
    static BatchManifest latestManifest(Path home) {
        StagingStore staging = new LocalStagingStore(home.resolve("staging"));
        return BatchManifests.read(staging.openBatch(staging.latestBatch().orElseThrow()));
    }

    /** The one JSON document a command printed; fails on anything after it. */
    static JsonNode oneDocumentOf(String output) throws Exception {
        return StagingJson.mapper()
                .readerFor(JsonNode.class)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .readValue(output);
    }

    /**
     * A fresh home folder under {@code target/}. Created eagerly rather than with {@code @TempDir}: the Spring
     * context, which needs it, starts before JUnit fills fields.
     */
    static Path newHome(String prefix) {
        try {
            return Files.createTempDirectory(Path.of("target"), prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
