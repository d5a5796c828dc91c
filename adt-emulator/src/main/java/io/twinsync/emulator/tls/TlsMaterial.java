package io.twinsync.emulator.tls;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** The server's private key and self-signed certificate. */
public record TlsMaterial(PrivateKey privateKey, X509Certificate certificate) {

    static final String ALIAS = "adt-emulator";

    /**
     * The password of the PKCS12 file. It protects nothing: the key is a throw-away key for a localhost
     * certificate, and PKCS12 requires some password.
     */
    static final char[] KEYSTORE_PASSWORD = "adt-emulator-local".toCharArray();

    /** A key store holding the key and certificate under {@value #ALIAS}. */
    public KeyStore keyStore() throws GeneralSecurityException {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, privateKey, KEYSTORE_PASSWORD, new Certificate[] {certificate});
            return store;
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException("Could not create an in-memory PKCS12 key store", e);
        }
    }

    /** An SSL context that presents this certificate. */
    public SSLContext serverContext() throws GeneralSecurityException {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(keyStore(), KEYSTORE_PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }
}
