/** twinsync's settings ({@code twinsync.*}), bound once at start-up, checked, then immutable. */
package io.twinsync.orchestrator.config;
