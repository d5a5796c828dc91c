/** What the SDK client is built from: TLS that trusts only the emulator's certificate, and the emulator's token. */
package io.twinsync.writer.client;
