package io.twinsync.writer.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** A failed request in one line, in words a user reads rather than Java class names. */
class FailureTextTests {

    @Test
    void ioFailuresAreSaidAsWhatHappenedKeepingOnlyMessagesThatAddSomething() {
        // the SDK wraps the JDK's exception in one of its own with no message
        assertThat(FailureText.oneLine(new IllegalStateException(null, new ConnectException("Connection refused"))))
                .isEqualTo("connection refused");
        assertThat(FailureText.oneLine(new UnknownHostException("adt.example.invalid")))
                .isEqualTo("unknown host: adt.example.invalid");
        assertThat(FailureText.oneLine(new SSLHandshakeException("PKIX path building failed")))
                .isEqualTo("TLS handshake failed (is the endpoint's certificate trusted?): PKIX path building failed");
        assertThat(FailureText.oneLine(new IOException("Broken pipe"))).isEqualTo("I/O error: Broken pipe");
    }

    @Test
    void otherFailuresAreTheirMessageAndNeverAClassName() {
        assertThat(FailureText.oneLine(new IllegalStateException("the pool is closed")))
                .isEqualTo("the pool is closed");
        assertThat(FailureText.oneLine(new NullPointerException()))
                .isEqualTo("an unexpected error (TWINSYNC_LOG_LEVEL=DEBUG logs its details)")
                .doesNotContain("NullPointer");
    }
}
