package io.twinsync.writer;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.http.policy.FixedDelayOptions;
import com.azure.core.http.policy.RetryOptions;
import com.azure.digitaltwins.core.DigitalTwinsClient;
import com.azure.digitaltwins.core.DigitalTwinsClientBuilder;
import com.azure.identity.DefaultAzureCredentialBuilder;
import io.twinsync.writer.client.EmulatorTokenCredential;
import io.twinsync.writer.client.TrustedCertificates;
import java.time.Duration;

/**
 * Builds {@link DigitalTwinsClient}s over the JDK's HTTP client, with the SDK's own retries off: the writer retries
 * itself ({@code io.twinsync.writer.retry}), so one layer decides and counts every request.
 */
public final class AdtClients {

    private AdtClients() {}

    /**
     * A client for the target. {@code settings} must be the ones given to {@link TwinWriter}; nothing in it changes
     * the client today, because the client never retries and the writer applies the retry settings.
     */
    public static DigitalTwinsClient create(AdtTarget target, WriterSettings settings) {
        return builder(target, settings).buildClient();
    }

    /**
     * A builder set up for the target, for callers that need to change something more (another
     * {@link HttpClient}, for instance) before building.
     */
    public static DigitalTwinsClientBuilder builder(AdtTarget target, WriterSettings settings) {
        if (settings == null) {
            throw new IllegalArgumentException("WriterSettings are required; use WriterSettings.defaults()");
        }
        return new DigitalTwinsClientBuilder()
                .endpoint(target.endpoint().toString())
                .httpClient(httpClient(target))
                .credential(credential(target))
                // Zero retries: RetryPolicy retries while tryCount < maxRetries, so nothing is sent twice here.
                .retryOptions(new RetryOptions(new FixedDelayOptions(0, Duration.ZERO)));
    }

    private static HttpClient httpClient(AdtTarget target) {
        java.net.http.HttpClient.Builder jdk = java.net.http.HttpClient.newBuilder();
        target.trustedCertificate().ifPresent(cert -> jdk.sslContext(TrustedCertificates.trustingOnly(cert)));
        return new JdkHttpClientBuilder(jdk).build();
    }

    private static TokenCredential credential(AdtTarget target) {
        if (target.trustedCertificate().isPresent()) {
            return new EmulatorTokenCredential();
        }
        return new DefaultAzureCredentialBuilder()
                .httpClient(new JdkHttpClientBuilder().build())
                .build();
    }
}
