/** A local Azure Digital Twins data plane over HTTPS that the real SDK talks to unchanged. */
package io.twinsync.emulator;
