/** Replays the Azure SDK for Java's recorded sessions of the real ADT service against the emulator. */
package io.twinsync.emulator.recorded;
