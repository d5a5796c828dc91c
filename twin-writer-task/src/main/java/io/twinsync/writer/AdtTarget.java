package io.twinsync.writer;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The ADT instance to write to.
 *
 * @param endpoint the instance URL, {@code https://{name}.api.{region}.digitaltwins.azure.net} or the emulator's
 * @param trustedCertificate the emulator's self-signed certificate; when present the client trusts only it (not the
 *     JDK's trust store) and sends a fixed dummy bearer token; when absent it uses {@code DefaultAzureCredential}
 *     and the JDK's trust store
 */
public record AdtTarget(URI endpoint, Optional<X509Certificate> trustedCertificate) {

    public AdtTarget {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(trustedCertificate, "trustedCertificate (use Optional.empty() for Azure)");
        if (!"https".equalsIgnoreCase(endpoint.getScheme()) || endpoint.getHost() == null) {
            throw new IllegalArgumentException("ADT endpoint '" + endpoint + "' must be an https URL with a host,"
                    + " such as https://my-twins.api.weu.digitaltwins.azure.net; the SDK sends tokens only over"
                    + " https");
        }
    }

    /** A real ADT instance, signed in with {@code DefaultAzureCredential}. */
    public static AdtTarget azure(URI endpoint) {
        return new AdtTarget(endpoint, Optional.empty());
    }

    /** The local emulator, whose self-signed certificate is the only one trusted. */
    public static AdtTarget emulator(URI endpoint, X509Certificate certificate) {
        return new AdtTarget(endpoint, Optional.of(certificate));
    }

    /**
     * A name for the target that is safe in file paths, such as {@code my-twins.api.weu.digitaltwins.azure.net} or
     * {@code localhost-8443}; used to keep the writer's known state per target.
     */
    public String stateKey() {
        String host = endpoint.getHost().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "_");
        int port = endpoint.getPort();
        return port == -1 || port == 443 ? host : host + "-" + port;
    }

    @Override
    public String toString() {
        return endpoint.toString();
    }
}
