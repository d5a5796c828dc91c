package io.twinsync.orchestrator.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;

/**
 * Where the metrics go ({@code twinsync.metrics.export}): at the end of every batch ({@link #export()}), and once
 * more, for a push, when twinsync stops ({@link #close()}).
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

    /** Sends or writes what the registry holds now; a failure is logged, never thrown (it must not fail a batch). */
    void export();

    @Override
    void close();
}
