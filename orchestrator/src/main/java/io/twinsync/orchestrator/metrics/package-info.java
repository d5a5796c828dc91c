/** Metrics through Micrometer: Spring Batch's job and step timers and the writer's requests, exported per batch. */
package io.twinsync.orchestrator.metrics;
