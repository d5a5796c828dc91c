/** The ADT instance twinsync writes to: a real one, or the embedded emulator. */
package io.twinsync.orchestrator.graph;
