package io.twinsync.staging;

import io.twinsync.staging.blob.BlobStagingStore;
import io.twinsync.staging.blob.BlobStagingUrl;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** Opens a staging area given as a folder or as a Blob Storage URL. */
public final class StagingStores {

    /** The environment variable that may hold a connection string for a staging area in Blob Storage. */
    public static final String CONNECTION_STRING_VARIABLE = "TWINSYNC_STAGING_CONNECTION_STRING";

    /**
     * The environment variable that may hold a SAS token for a staging URL given without one: how twinsync hands
     * its own staging SAS to the tasks it starts, whose batch URL is written without it (a secret stays out of
     * files and command lines).
     */
    public static final String SAS_VARIABLE = "TWINSYNC_STAGING_SAS";

    private StagingStores() {}

    /**
     * @param location a folder, or {@code https://{account}.blob.core.windows.net/{container}[/{path}]}
     * @param connectionString for a URL without a SAS token; with neither, {@code DefaultAzureCredential} signs in
     */
    public static StagingStore open(String location, Optional<String> connectionString) {
        if (isUrl(location)) {
            return BlobStagingStore.connect(BlobStagingUrl.parse(location), connectionString);
        }
        return new LocalStagingStore(Path.of(location));
    }

    /**
     * True when {@code location} is an http(s) URL rather than a folder. Decided here rather than by the Blob
     * classes, so that opening a folder never loads the Azure SDK (an optional dependency).
     */
    public static boolean isUrl(String location) {
        String lower = location.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://");
    }

    /** The SAS token from {@value #SAS_VARIABLE}, if it is set and not blank. */
    public static Optional<String> sasFromEnvironment() {
        return Optional.ofNullable(System.getenv(SAS_VARIABLE)).filter(value -> !value.isBlank());
    }

    /** The connection string from {@value #CONNECTION_STRING_VARIABLE}, if it is set and not blank. */
    public static Optional<String> connectionStringFromEnvironment() {
        return Optional.ofNullable(System.getenv(CONNECTION_STRING_VARIABLE)).filter(value -> !value.isBlank());
    }
}
