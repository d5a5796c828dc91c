package io.twinsync.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.HttpHeaderName;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Asserts that an SDK call failed the way ADT fails: a status, an error code and words in the message. */
final class AdtAssertions {

    private AdtAssertions() {}

    static HttpResponseException assertAdtError(ThrowingCallable call, int status, String code, String... words) {
        HttpResponseException error = catchThrowableOfType(HttpResponseException.class, call);
        assertThat(error)
                .as("the call should fail with HTTP %s %s", status, code)
                .isNotNull();
        assertThat(error.getResponse().getStatusCode()).isEqualTo(status);
        assertThat(error.getResponse().getHeaders().getValue(HttpHeaderName.fromString("x-ms-error-code")))
                .isEqualTo(code);
        assertThat(error.getMessage()).contains("\"code\":\"" + code + "\"");
        for (String word : words) {
            assertThat(error.getMessage()).contains(word);
        }
        return error;
    }
}
