package io.twinsync.emulator.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the TLS material in a directory so that clients trusting the certificate keep working across restarts:
 * {@value #KEY_STORE_FILE} (PKCS12, key and certificate) and {@value #PEM_FILE} (the certificate, for clients).
 * A certificate that expires within 30 days is replaced.
 */
public final class TlsMaterialStore {

    public static final String KEY_STORE_FILE = "emulator.p12";
    public static final String PEM_FILE = "emulator-cert.pem";

    private static final Logger log = LoggerFactory.getLogger(TlsMaterialStore.class);

    private final Path directory;

    public TlsMaterialStore(Path directory) {
        this.directory = directory.toAbsolutePath();
    }

    public Path pemFile() {
        return directory.resolve(PEM_FILE);
    }

    public TlsMaterial loadOrCreate() {
        Path keyStoreFile = directory.resolve(KEY_STORE_FILE);
        try {
            Files.createDirectories(directory);
            TlsMaterial material = Files.exists(keyStoreFile) ? load(keyStoreFile) : null;
            if (material == null || expiresSoon(material.certificate())) {
                material = SelfSignedCertificates.generate();
                writeKeyStore(material, keyStoreFile);
                log.info("ADT emulator: created a new self-signed certificate in {}", directory);
            }
            writeAtomically(pemFile(), pem(material.certificate()).getBytes(StandardCharsets.US_ASCII));
            return material;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or write the ADT emulator's TLS files in " + directory, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "The ADT emulator's key store " + keyStoreFile
                            + " is unreadable; delete it to get a new certificate",
                    e);
        }
    }

    /** The certificate in PEM form. */
    public static String pem(X509Certificate certificate) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(certificate);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not encode the certificate as PEM", e);
        }
        return text.toString();
    }

    private static TlsMaterial load(Path file) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, TlsMaterial.KEYSTORE_PASSWORD);
        }
        if (!(store.getKey(TlsMaterial.ALIAS, TlsMaterial.KEYSTORE_PASSWORD) instanceof PrivateKey key)
                || !(store.getCertificate(TlsMaterial.ALIAS) instanceof X509Certificate certificate)) {
            return null;
        }
        return new TlsMaterial(key, certificate);
    }

    private static boolean expiresSoon(X509Certificate certificate) {
        return certificate.getNotAfter().toInstant().isBefore(Instant.now().plus(Duration.ofDays(30)));
    }

    private static void writeKeyStore(TlsMaterial material, Path file) throws IOException, GeneralSecurityException {
        Path temporary = file.resolveSibling(file.getFileName() + ".partial");
        try (OutputStream out = Files.newOutputStream(temporary)) {
            material.keyStore().store(out, TlsMaterial.KEYSTORE_PASSWORD);
        }
        ownerOnly(temporary);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The key file holds a private key: keep it readable by its owner only where the file system allows. */
    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            log.debug(
                    "ADT emulator: {} does not support POSIX permissions; leaving {} as created",
                    file.getFileSystem(),
                    file);
        }
    }

    private static void writeAtomically(Path file, byte[] content) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".partial");
        Files.write(temporary, content);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
