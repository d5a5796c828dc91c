/** Fault injection for resilience tests: 5xx answers, latency, dropped connections, eventual consistency. */
package io.twinsync.emulator.faults;
