/** Saving the store to a JSON file atomically and loading it at start. */
package io.twinsync.emulator.snapshot;
