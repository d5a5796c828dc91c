/** The picocli commands: {@code run}, {@code twin}, {@code sample-erp}, {@code emulator}. */
package io.twinsync.orchestrator.cli;
