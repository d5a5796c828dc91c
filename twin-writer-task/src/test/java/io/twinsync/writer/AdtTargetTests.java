package io.twinsync.writer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class AdtTargetTests {

    @Test
    void refusesPlainHttpBecauseTheSdkSendsTokensOnlyOverHttps() {
        // when / then
        assertThatThrownBy(() -> AdtTarget.azure(URI.create("http://localhost:8080")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("https");
    }

    @Test
    void namesItsStateAfterHostAndPort() {
        // when / then
        assertThat(AdtTarget.azure(URI.create("https://Twins.api.weu.digitaltwins.azure.net"))
                        .stateKey())
                .isEqualTo("twins.api.weu.digitaltwins.azure.net");
        assertThat(AdtTarget.azure(URI.create("https://localhost:8443/")).stateKey())
                .isEqualTo("localhost-8443");
    }

    @Test
    void showsOnlyTheEndpoint() {
        // when / then
        assertThat(AdtTarget.azure(URI.create("https://localhost:8443")).toString())
                .isEqualTo("https://localhost:8443");
    }
}
