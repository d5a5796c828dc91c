package io.twinsync.emulator;

import java.nio.file.Path;

/** Emulators for tests, sharing one TLS directory so that a key pair is generated once per build. */
final class TestEmulators {

    private static final Path SHARED_TLS = Path.of("target", "test-tls");

    private TestEmulators() {}

    static AdtEmulator.Builder builder() {
        return AdtEmulator.builder().tlsDirectory(SHARED_TLS);
    }

    static AdtEmulator start() {
        return builder().start();
    }
}
