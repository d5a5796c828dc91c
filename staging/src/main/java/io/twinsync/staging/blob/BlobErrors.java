package io.twinsync.staging.blob;

import com.azure.storage.blob.models.BlobErrorCode;
import com.azure.storage.blob.models.BlobStorageException;
import io.twinsync.staging.StagingException;

/**
 * Turns Blob Storage failures into {@link StagingException}s that say what failed, where, and what to do. Messages
 * are built from the status and error code only.
 */
final class BlobErrors {

    private BlobErrors() {}

    static boolean isNotFound(BlobStorageException e) {
        return e.getStatusCode() == 404;
    }

    static boolean is(BlobStorageException e, BlobErrorCode code) {
        return code.equals(e.getErrorCode());
    }

    /**
     * {@code what} says what was being done, such as "Cannot read manifest.json of batch X"; where is a URL.
     *
     * <p>A {@link BlobStorageException} is kept as a suppressed exception, not as the cause: its text (a page of
     * advice about signing, then the service's XML) would otherwise follow the message wherever causes are printed,
     * such as the CLI's error line, while the status and code it adds are in the message already. Stack traces, in the
     * debug log, still show it whole.
     */
    static StagingException failure(String what, String where, RuntimeException e) {
        if (e instanceof BlobStorageException) {
            StagingException failure = new StagingException(message(what, where, e));
            failure.addSuppressed(e);
            return failure;
        }
        return new StagingException(message(what, where, e), e);
    }

    static String message(String what, String where, RuntimeException e) {
        return what + " (" + where + "): " + describe(e) + hint(e);
    }

    static String describe(RuntimeException e) {
        if (e instanceof BlobStorageException storage) {
            String code = storage.getErrorCode() == null ? "" : " " + storage.getErrorCode();
            return "Blob Storage answered HTTP " + storage.getStatusCode() + code;
        }
        return e.getClass().getSimpleName() + ": " + firstLine(e.getMessage());
    }

    private static String hint(RuntimeException e) {
        if (!(e instanceof BlobStorageException storage)) {
            return "; check that the storage account is reachable from here and that a credential is available"
                    + " (a SAS in the URL, TWINSYNC_STAGING_CONNECTION_STRING, or a managed identity or Azure CLI"
                    + " login for DefaultAzureCredential)";
        }
        int status = storage.getStatusCode();
        if (status == 403 && signedWithSas(storage)) {
            return "; the SAS token was refused, not the URL: it may have expired, lack one of the permissions"
                    + " staging needs (read, add, create, write, delete, list) or be signed for another container or"
                    + " account. Create a new SAS for this container and give it in place of the old one";
        }
        if (status == 403) {
            return "; the credential was refused, or may not use this container: grant the identity 'Storage Blob Data"
                    + " Contributor' on it, or give a SAS with read, add, create, write, delete and list"
                    + " permissions that has not expired";
        }
        if (is(storage, BlobErrorCode.CONTAINER_NOT_FOUND)) {
            return "; the container the URL names does not exist: create it first (for example with 'az storage"
                    + " container create --name {container} --account-name {account} --auth-mode login')";
        }
        if (status >= 500) {
            return "; the service failed after retries, try again later";
        }
        return "";
    }

    /**
     * Whether the refused request carried a SAS (from the staging URL or a connection string's
     * SharedAccessSignature): then the SAS is what was refused, since the account answered.
     */
    private static boolean signedWithSas(BlobStorageException e) {
        if (e.getResponse() == null || e.getResponse().getRequest() == null) {
            return false;
        }
        String query = e.getResponse().getRequest().getUrl().getQuery();
        return query != null && (query.startsWith("sig=") || query.contains("&sig="));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
