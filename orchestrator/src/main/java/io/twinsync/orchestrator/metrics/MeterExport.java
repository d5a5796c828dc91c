package io.twinsync.orchestrator.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;

/**
 * Where the metrics go ({@code twinsync.metrics.export}): told of the end of every batch ({@link #export()}) and of
 * twinsync's stop ({@link #close()}); a file is written at the first, a push on its own schedule and at the second.
 */
interface MeterExport extends AutoCloseable {

    /** {@code none}: no registry at all, so nothing is counted. */
    MeterExport NONE = new MeterExport() {

        @Override
        public Optional<MeterRegistry> registry() {
            return Optional.empty();
        }

        @Override
        public void export() {}

        @Override
        public void close() {}
    };

    /** The registry meters are made in; empty when metrics are off. */
    Optional<MeterRegistry> registry();

    /** A batch ended: writes what the registry holds now, if this export writes then; logs a failure, never throws. */
    void export();

    @Override
    void close();
}
