package io.twinsync.writer.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

/** Reads an X.509 certificate from a PEM (or DER) file. */
public final class PemCertificate {

    private PemCertificate() {}

    public static X509Certificate read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException | CertificateException e) {
            throw new IllegalArgumentException(
                    "Cannot read a certificate from " + file + ": " + e.getMessage()
                            + "; pass the emulator's certificate as a PEM file (-----BEGIN CERTIFICATE-----)",
                    e);
        }
    }
}
