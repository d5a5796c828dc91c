/** The emulator's self-signed TLS certificate for localhost: generated with BouncyCastle, optionally kept on disk. */
package io.twinsync.emulator.tls;
