package io.twinsync.emulator;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.digitaltwins.core.DigitalTwinsAsyncClient;
import com.azure.digitaltwins.core.DigitalTwinsClient;
import com.azure.digitaltwins.core.DigitalTwinsClientBuilder;
import com.azure.digitaltwins.core.DigitalTwinsServiceVersion;
import java.time.OffsetDateTime;
import reactor.core.publisher.Mono;

/** Builds the real ADT SDK clients against an emulator, the way any twinsync component does. */
final class SdkClients {

    private SdkClients() {}

    static DigitalTwinsClient sync(AdtEmulator emulator) {
        return builder(emulator, DigitalTwinsServiceVersion.V2023_10_31).buildClient();
    }

    static DigitalTwinsClient sync(AdtEmulator emulator, DigitalTwinsServiceVersion version) {
        return builder(emulator, version).buildClient();
    }

    static DigitalTwinsAsyncClient async(AdtEmulator emulator) {
        return builder(emulator, DigitalTwinsServiceVersion.V2023_10_31).buildAsyncClient();
    }

    private static DigitalTwinsClientBuilder builder(AdtEmulator emulator, DigitalTwinsServiceVersion version) {
        HttpClient http = new JdkHttpClientBuilder(
                        java.net.http.HttpClient.newBuilder().sslContext(emulator.trustingSslContext()))
                .build();
        TokenCredential anyToken = request ->
                Mono.just(new AccessToken("emulator", OffsetDateTime.now().plusHours(1)));
        return new DigitalTwinsClientBuilder()
                .endpoint(emulator.endpoint().toString())
                .credential(anyToken)
                .httpClient(http)
                .serviceVersion(version);
    }
}
