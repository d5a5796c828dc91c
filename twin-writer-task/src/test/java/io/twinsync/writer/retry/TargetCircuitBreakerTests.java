package io.twinsync.writer.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.HttpHeaders;
import io.twinsync.writer.TargetRefusedException;
import io.twinsync.writer.TargetUnreachableException;
import io.twinsync.writer.support.StubHttpResponse;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TargetCircuitBreakerTests {

    private final AtomicLong nanos = new AtomicLong();
    private final TargetCircuitBreaker circuit = new TargetCircuitBreaker(
            "https://my-twins.api.weu.digitaltwins.azure.net",
            Duration.ofSeconds(2),
            "The write stopped early. Nothing is lost: running again writes the rest.",
            nanos::get);

    @Test
    void opensOnceEveryRequestHasFailedForTheWholeWindow() {
        // given requests failing without an answer from t = 0
        circuit.failed("GET twin a", noAnswer());
        at(1.0);
        circuit.failed("GET twin b", noAnswer());
        at(1.9);
        circuit.failed("GET twin c", noAnswer());
        circuit.check();

        // when one more fails at t = 2 s
        at(2.0);

        // then the circuit opens, with one message saying where, how long, the last error and what to do
        assertThatThrownBy(() -> circuit.failed("PUT twin pump-7", noAnswer()))
                .isInstanceOf(TargetUnreachableException.class)
                .hasMessageStartingWith(
                        "ADT at https://my-twins.api.weu.digitaltwins.azure.net did not answer for 2 s:")
                .hasMessageContaining("the last one PUT twin pump-7 with connection refused.")
                .hasMessageContaining("The write stopped early. Nothing is lost: running again writes the rest.")
                .hasMessageContaining("Check that the instance is up and reachable from here")
                .hasMessageContaining("unreachable-after setting (now 2 s)")
                .hasNoCause()
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"))
                .satisfies(e -> assertThat(((TargetUnreachableException) e).failingFor())
                        .isEqualTo(Duration.ofSeconds(2)));
    }

    @Test
    void anyAnswerStartsTheWindowAgain() {
        // given failures from t = 0 to 1.5 s, then an answer (a 404 is an answer too)
        circuit.failed("GET twin a", noAnswer());
        at(1.5);
        circuit.failed("GET twin b", noAnswer());
        at(1.6);
        circuit.answered();

        // when requests fail again from t = 2.5 s
        at(2.5);
        circuit.failed("GET twin c", noAnswer());
        at(4.0);
        circuit.failed("GET twin d", serverError(503));

        // then the circuit opens only 2 s after that
        assertThatCode(circuit::check).doesNotThrowAnyException();
        at(4.5);
        assertThatThrownBy(() -> circuit.failed("GET twin e", serverError(503)))
                .hasMessageContaining("did not answer for 2 s")
                .hasMessageContaining("the last one GET twin e with HTTP 503: status 503");
    }

    @Test
    void onceOpenItStaysOpenForEveryRequest() {
        // given an open circuit
        circuit.failed("GET twin a", noAnswer());
        at(3.0);
        assertThatThrownBy(() -> circuit.failed("GET twin b", noAnswer()));

        // when an answer arrives late, from a request sent before
        circuit.answered();

        // then every request still stops before it is sent
        assertThatThrownBy(circuit::check)
                .isInstanceOf(TargetUnreachableException.class)
                .hasMessageContaining("did not answer for 3 s");
    }

    @Test
    void failuresWithNoAnswerBetweenThemBelongToOneOutageAndAnAnswerEndsIt() {
        // given two failures with nothing answered between them
        TargetCircuitBreaker.Outage first = circuit.failed("GET twin a", noAnswer());
        at(0.5);
        TargetCircuitBreaker.Outage second = circuit.failed("GET twin b", serverError(503));

        // when something answers, and then a request fails again
        circuit.answered();
        TargetCircuitBreaker.Outage afterAnAnswer = circuit.failed("GET twin a", noAnswer());

        // then the first two are one outage, and the third is another
        assertThat(second).isSameAs(first);
        assertThat(afterAnAnswer).isNotSameAs(first);
    }

    @Test
    void tellsHowLongIsLeftBeforeItOpens() {
        assertThat(circuit.untilOpen()).isEqualTo(Duration.ofSeconds(2));
        circuit.failed("GET twin a", noAnswer());
        at(0.5);
        assertThat(circuit.untilOpen()).isEqualTo(Duration.ofMillis(1500));
    }

    private void at(double seconds) {
        nanos.set((long) (seconds * 1e9));
    }

    private static RuntimeException noAnswer() {
        return new IllegalStateException("java.net.ConnectException", new ConnectException("Connection refused"));
    }

    @Test
    void aRefusedCredentialOpensTheCircuitAtOnceAndEveryRequestStopsWithTheRoleToAssign() {
        // when the target refuses the credential once
        TargetRefusedException refused = circuit.refused("LIST models", 403, serverError(403));

        // then the message says who refused what, why, and which role to assign; and every later request stops too
        assertThat(refused.getMessage())
                .startsWith(
                        "ADT at https://my-twins.api.weu.digitaltwins.azure.net refused the credential (403 on LIST models): the identity"
                                + " twinsync signs in with has no data-plane role on the instance.")
                .contains("'Azure Digital Twins Data Owner'");
        assertThatThrownBy(circuit::check)
                .isInstanceOf(TargetRefusedException.class)
                .hasMessage(refused.getMessage());
    }

    @Test
    void aCredentialThatGivesNoTokenOpensTheCircuitAtOnceSayingHowToSignIn() {
        // when the credential finds no identity, as DefaultAzureCredential on a machine with none
        TargetRefusedException refused = circuit.noToken(
                "LIST models",
                new ClientAuthenticationException(
                        "DefaultAzureCredential authentication failed. ---> ManagedIdentityCredential authentication"
                                + " failed. Error Details: see inner exception",
                        null));

        // then one message: the target, what the credential said (not the chain after it), how to sign in
        assertThat(refused.getMessage())
                .startsWith("twinsync could not sign in to ADT at https://my-twins.api.weu.digitaltwins.azure.net"
                        + " (no token for LIST models): the credential (DefaultAzureCredential) found no identity to"
                        + " use: DefaultAzureCredential authentication failed. The write stopped early.")
                .doesNotContain("--->")
                .contains("'az login'");
        assertThat(refused.status()).isZero();
        assertThatThrownBy(circuit::check).isInstanceOf(TargetRefusedException.class);
    }

    private static HttpResponseException serverError(int status) {
        return new HttpResponseException("status " + status, StubHttpResponse.of(status, new HttpHeaders(), "{}"));
    }
}
