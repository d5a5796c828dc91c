package io.twinsync.emulator.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestCounterTests {

    @Test
    void anUnexpectedFailureIsCountedAsA500AndStillReachesTheHttpHandler() {
        // given a handler that fails with something that is not an ADT error
        RequestCounter counter = new RequestCounter();
        RequestHandler failing = request -> {
            throw new IllegalStateException("boom");
        };

        // when
        assertThatThrownBy(() -> counter.filter(twinGet(), failing)).hasMessage("boom");

        // then
        assertThat(counter.statuses()).isEqualTo(Map.of(500, 1L));
        assertThat(counter.operations()).isEqualTo(Map.of(Operation.TWINS_GET.kind(), 1L));
    }

    private static ApiRequest twinGet() {
        return new ApiRequest(
                "GET",
                "/digitaltwins/a",
                Operation.TWINS_GET,
                List.of("a"),
                Map.of(),
                Map.of(),
                new byte[0],
                "https://x");
    }
}
