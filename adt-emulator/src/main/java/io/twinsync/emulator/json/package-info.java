/** The emulator's JSON settings. */
package io.twinsync.emulator.json;
