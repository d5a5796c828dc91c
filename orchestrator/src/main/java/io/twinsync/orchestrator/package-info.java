/** The twinsync command-line application: one batch per command, on Spring Boot and Spring Batch. */
package io.twinsync.orchestrator;
