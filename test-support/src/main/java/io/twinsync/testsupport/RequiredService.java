package io.twinsync.testsupport;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Guards a test that needs a real server (or a program, such as a browser). On a developer's machine without the server the test is skipped; when
 * the environment variable {@value #REQUIRE_SERVICES} is {@code true} (as {@code .ci/run} sets it) a missing
 * server fails the test, so CI can never pass by skipping.
 */
public final class RequiredService {

    public static final String REQUIRE_SERVICES = "TWINSYNC_REQUIRE_SERVICES";

    private RequiredService() {}

    /** Skips (or, in CI, fails) the calling test unless something accepts TCP connections at host:port. */
    public static void assumeReachable(String service, String host, int port) {
        if (reachable(host, port)) {
            return;
        }
        String message = service + " is not reachable at " + host + ":" + port;
        if (required()) {
            Assertions.fail(message + ", and " + REQUIRE_SERVICES + "=true says it must be. Start it (see"
                    + " .ci/run) or unset " + REQUIRE_SERVICES + " to skip service tests locally.");
        }
        Assumptions.abort(message + "; skipping (set " + REQUIRE_SERVICES + "=true to make this a failure)");
    }

    /**
     * Skips (or, in CI, fails) the calling test unless {@code program} is on the {@code PATH}; returns where it is.
     *
     * @param install how to install it, for the message
     */
    public static Path assumeOnPath(String program, String install) {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String folder : path.split(File.pathSeparator)) {
                Path candidate = Path.of(folder, program);
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        String message = program + " is not on the PATH";
        if (required()) {
            Assertions.fail(message + ", and " + REQUIRE_SERVICES + "=true says it must be. Install it (" + install
                    + ") or unset " + REQUIRE_SERVICES + " to skip these tests locally.");
        }
        Assumptions.abort(
                message + "; skipping (" + install + "; set " + REQUIRE_SERVICES + "=true to make this a failure)");
        throw new AssertionError("unreachable");
    }

    public static boolean required() {
        return "true".equalsIgnoreCase(System.getenv(REQUIRE_SERVICES));
    }

    private static boolean reachable(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
