package io.twinsync.orchestrator.cli;

import io.twinsync.extract.SourceEntity;
import io.twinsync.extract.jdbc.JdbcRowExtractor;
import io.twinsync.orchestrator.config.TwinsyncConfiguration;
import io.twinsync.orchestrator.config.TwinsyncProperties;
import io.twinsync.orchestrator.job.SourceEntities;
import io.twinsync.orchestrator.source.SourceDatabase;
import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchId;
import io.twinsync.staging.LocalStagingStore;
import io.twinsync.transform.mapping.Mapping;
import io.twinsync.transform.mapping.MappingException;
import io.twinsync.transform.validate.MappingValidator;
import io.twinsync.transform.validate.ValidationReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code twinsync validate}: checks the mapping against the models and a sample of source rows. */
@Component
@Scope("prototype")
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = {
            "Checks the mapping against the DTDL models and a sample of source rows, and prints every problem it"
                    + " finds: mapping errors, missing columns, and each sampled row the transform would reject,"
                    + " with its key, column, value and reason. Writes nothing to ADT or to staging.",
            "Exit codes: 0 no problems; 3 problems found (listed); 1 could not run (e.g. the source is unreachable)."
        })
public class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--rows",
            defaultValue = "1000",
            description = "Rows to sample per entity (default: ${DEFAULT-VALUE}).")
    int rows;

    private final TwinsyncProperties properties;
    private final SourceDatabase source;

    public ValidateCommand(TwinsyncProperties properties, SourceDatabase source) {
        this.properties = properties;
        this.source = source;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Mapping mapping;
        try {
            mapping = TwinsyncConfiguration.loadMapping(properties);
        } catch (MappingException e) {
            out.print(ValidationReport.of(e).toText());
            out.flush();
            return ExitCode.PARTIAL.code();
        }
        List<SourceEntity> entities = SourceEntities.of(mapping);
        // The sample goes to a throwaway folder, never to staging: it is not a batch and must not look like one.
        Path scratch = Files.createTempDirectory("twinsync-validate-");
        try {
            Batch sample = new LocalStagingStore(scratch).createBatch(BatchId.newId(Instant.now()));
            new JdbcRowExtractor(source.dataSource(), source.fetchSize())
                    .sample(rows)
                    .extract(sample, entities);
            ValidationReport report = MappingValidator.validate(mapping, sample);
            out.printf("Mapping %s, source %s%n", mapping.source(), source.description());
            out.print(report.toText());
            out.flush();
            return report.isValid() ? ExitCode.OK.code() : ExitCode.PARTIAL.code();
        } finally {
            deleteRecursively(scratch);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
