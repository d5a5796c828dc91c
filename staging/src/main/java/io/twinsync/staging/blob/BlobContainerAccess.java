package io.twinsync.staging.blob;

import com.azure.core.http.HttpClient;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobContainerClientBuilder;
import com.azure.storage.common.StorageSharedKeyCredential;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Builds the client for a staging container, choosing the credential in this order: a SAS token in the URL, a
 * connection string (with an account key or a SAS), else {@code DefaultAzureCredential} (a managed identity on
 * Azure, environment variables, the Azure CLI's login). No credential ever appears in a message.
 */
final class BlobContainerAccess {

    /** Azurite's documented development account; its key is public (Microsoft's Azurite documentation). */
    private static final String DEVELOPMENT_ACCOUNT = "devstoreaccount1";

    private static final String DEVELOPMENT_KEY =
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private BlobContainerAccess() {}

    static BlobContainerClient connect(BlobStagingUrl url, Optional<String> connectionString) {
        HttpClient http = new JdkHttpClientBuilder().build();
        BlobContainerClientBuilder builder = new BlobContainerClientBuilder()
                .endpoint(url.accountUrl())
                .containerName(url.container())
                .httpClient(http);
        if (url.sasToken().isPresent()) {
            builder.sasToken(url.sasToken().get());
        } else if (connectionString.isPresent()) {
            applyConnectionString(builder, url, connectionString.get());
        } else {
            builder.credential(new DefaultAzureCredentialBuilder().build());
        }
        return builder.buildClient();
    }

    private static void applyConnectionString(BlobContainerClientBuilder builder, BlobStagingUrl url, String value) {
        if (value.strip().equalsIgnoreCase("UseDevelopmentStorage=true")) {
            checkAccount(url, DEVELOPMENT_ACCOUNT);
            builder.credential(new StorageSharedKeyCredential(DEVELOPMENT_ACCOUNT, DEVELOPMENT_KEY));
            return;
        }
        Map<String, String> parts = Arrays.stream(value.split(";"))
                .map(String::strip)
                .filter(part -> part.contains("="))
                .collect(Collectors.toMap(
                        part -> part.substring(0, part.indexOf('=')).toLowerCase(Locale.ROOT),
                        part -> part.substring(part.indexOf('=') + 1),
                        (first, second) -> second));
        String account = parts.get("accountname");
        String key = parts.get("accountkey");
        String sas = parts.get("sharedaccesssignature");
        if (key != null && account != null) {
            checkAccount(url, account);
            builder.credential(new StorageSharedKeyCredential(account, key));
        } else if (sas != null) {
            builder.sasToken(sas);
        } else {
            throw new IllegalArgumentException("The staging connection string has neither AccountName with AccountKey"
                    + " nor SharedAccessSignature; copy it from the storage account's 'Access keys' page, or leave"
                    + " it unset to sign in with DefaultAzureCredential (managed identity, Azure CLI)");
        }
    }

    private static void checkAccount(BlobStagingUrl url, String account) {
        if (!account.equalsIgnoreCase(url.accountName())) {
            throw new IllegalArgumentException("The staging connection string is for account '" + account
                    + "' but the staging URL " + url.display() + " is in account '" + url.accountName()
                    + "'; give the connection string of the URL's account");
        }
    }
}
