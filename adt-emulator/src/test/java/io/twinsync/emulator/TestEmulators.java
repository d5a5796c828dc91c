package io.twinsync.emulator;

import io.twinsync.emulator.limits.RateLimits;
import java.nio.file.Path;

/**
 * Emulators for tests, sharing one TLS directory so that a key pair is generated once per build. Rate limits are off
 * so that behaviour tests never meet a 429 (the jobs API allows one request per second); {@code ThrottlingTests}
 * sets its own.
 */
public final class TestEmulators {

    private static final Path SHARED_TLS = Path.of("target", "test-tls");

    private TestEmulators() {}

    public static AdtEmulator.Builder builder() {
        return AdtEmulator.builder().tlsDirectory(SHARED_TLS).rateLimits(RateLimits.unlimited());
    }

    public static AdtEmulator start() {
        return builder().start();
    }
}
