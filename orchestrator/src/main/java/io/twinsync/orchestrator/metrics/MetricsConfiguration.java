package io.twinsync.orchestrator.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.twinsync.orchestrator.config.TwinsyncProperties;
import io.twinsync.writer.retry.RequestListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Metrics when {@code twinsync.metrics.export} asks for them. Spring Batch observes every job and step it runs with
 * the {@link ObservationRegistry} bean it finds ({@code BatchObservabilityBeanPostProcessor}, which its
 * configuration imports): backed by the registry, that gives the {@code spring.batch.job} and {@code
 * spring.batch.step} timers. The writer's requests reach the registry through the {@link RequestListener} bean, which
 * every partition's requests in this process are told of. With {@code none}: no registry, Spring Batch's no-op
 * observations, and a listener that is not called at all.
 */
@Configuration(proxyBeanMethods = false)
public class MetricsConfiguration {

    @Bean
    MeterExport meterExport(TwinsyncProperties properties) {
        TwinsyncProperties.Metrics metrics = properties.metrics();
        return switch (metrics.export()) {
            case TwinsyncProperties.Metrics.PROMETHEUS ->
                new PrometheusFileExport(metrics.prometheusFileUnder(properties.home()));
            case TwinsyncProperties.Metrics.OTLP -> new OtlpPushExport(metrics.otlpUrl());
            default -> MeterExport.NONE;
        };
    }

    @Bean
    ObservationRegistry observationRegistry(MeterExport export) {
        if (export.registry().isEmpty()) {
            return ObservationRegistry.NOOP;
        }
        MeterRegistry meters = export.registry().get();
        ObservationRegistry observations = ObservationRegistry.create();
        observations
                .observationConfig()
                // First, so that it is told of a job's end after the timers are recorded.
                .observationHandler(new BatchEndExport(export))
                .observationHandler(new DefaultMeterObservationHandler(meters));
        return observations;
    }

    /** The writer's requests as meters ({@link RequestMeters}), or {@link RequestListener#NONE}. */
    @Bean
    RequestListener requestMetrics(MeterExport export) {
        return export.registry().<RequestListener>map(RequestMeters::new).orElse(RequestListener.NONE);
    }

    /** The record step's summary of each write as meters ({@link SummaryMeters}), or {@link WriteMeters#NONE}. */
    @Bean
    WriteMeters writeMeters(MeterExport export) {
        return export.registry().<WriteMeters>map(SummaryMeters::new).orElse(WriteMeters.NONE);
    }
}
