package io.twinsync.orchestrator.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code prometheus}: a text file in Prometheus' exposition format, replaced whole at the end of every batch, as
 * node_exporter's textfile collector wants it (written beside, then renamed, so that a scrape never reads half a
 * file). A batch CLI has no endpoint to scrape: the collector serves the file instead.
 */
final class PrometheusFileExport implements MeterExport {

    private static final Logger log = LoggerFactory.getLogger(PrometheusFileExport.class);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Path file;

    PrometheusFileExport(Path file) {
        this.file = file;
    }

    @Override
    public Optional<MeterRegistry> registry() {
        return Optional.of(registry);
    }

    @Override
    public synchronized void export() {
        try {
            Files.createDirectories(file.getParent());
            Path written = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
            try {
                try (OutputStream out = Files.newOutputStream(written)) {
                    registry.scrape(out);
                }
                readableByAll(written);
                move(written);
            } finally {
                Files.deleteIfExists(written);
            }
            log.debug("Metrics written to {}", file);
        } catch (IOException | RuntimeException e) {
            log.warn(
                    "Cannot write the metrics file {} (twinsync.metrics.prometheus-file): {}; the batch is not"
                            + " affected",
                    file,
                    e.toString());
        }
    }

    /** A temporary file is the owner's only; node_exporter usually runs as another user. */
    private static void readableByAll(Path written) throws IOException {
        if (Files.getFileStore(written).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(written, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    private void move(Path written) throws IOException {
        try {
            Files.move(written, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(written, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public void close() {
        registry.close();
    }
}
