package io.twinsync.staging.blob;

import com.azure.storage.blob.BlobUrlParts;
import java.util.Locale;
import java.util.Optional;

/**
 * A place in Azure Blob Storage given as a URL: {@code https://{account}.blob.core.windows.net/{container}[/{path}]},
 * or path-style as Azurite serves it, {@code http://127.0.0.1:10000/{account}/{container}[/{path}]}. A SAS token in
 * the query is kept apart as a secret: {@link #toString()} and {@link #display()} never show it.
 */
public final class BlobStagingUrl {

    private final String accountUrl;
    private final String accountName;
    private final String container;
    private final String path;
    private final String sasToken;

    private BlobStagingUrl(String accountUrl, String accountName, String container, String path, String sasToken) {
        this.accountUrl = accountUrl;
        this.accountName = accountName;
        this.container = container;
        this.path = path;
        this.sasToken = sasToken;
    }

    /**
     * Parses a URL such as {@code https://acct.blob.core.windows.net/staging/twinsync}.
     *
     * @throws IllegalArgumentException saying what is wrong, without repeating the query (it may hold a SAS)
     */
    public static BlobStagingUrl parse(String url) {
        String withoutQuery = url.strip().split("\\?", 2)[0];
        BlobUrlParts parts;
        try {
            parts = BlobUrlParts.parse(url.strip());
        } catch (RuntimeException e) {
            // Not the SDK's message: it quotes the whole URL, SAS included.
            throw new IllegalArgumentException("'" + withoutQuery + "' is not a valid Blob Storage URL; give"
                    + " https://{account}.blob.core.windows.net/{container}/{path}");
        }
        String container = parts.getBlobContainerName();
        if (container == null || container.isEmpty() || parts.getAccountName() == null) {
            throw new IllegalArgumentException("'" + withoutQuery + "' names no container; give"
                    + " https://{account}.blob.core.windows.net/{container}/{path}");
        }
        String sas = parts.getCommonSasQueryParameters() == null
                ? ""
                : parts.getCommonSasQueryParameters().encode();
        String host = parts.getScheme() + "://" + parts.getHost();
        boolean pathStyle = !parts.getHost()
                .toLowerCase(Locale.ROOT)
                .startsWith(parts.getAccountName().toLowerCase(Locale.ROOT) + ".");
        String accountUrl = pathStyle ? host + "/" + parts.getAccountName() : host;
        return new BlobStagingUrl(accountUrl, parts.getAccountName(), container, trimSlashes(parts.getBlobName()), sas);
    }

    /** The account's endpoint, such as {@code https://acct.blob.core.windows.net} (for Azurite, with the account). */
    public String accountUrl() {
        return accountUrl;
    }

    public String accountName() {
        return accountName;
    }

    public String container() {
        return container;
    }

    /** The path inside the container, without leading or trailing {@code /}; empty for the container itself. */
    public String path() {
        return path;
    }

    /** The SAS token of the URL's query, if it had one. A secret: never log it. */
    public Optional<String> sasToken() {
        return sasToken.isEmpty() ? Optional.empty() : Optional.of(sasToken);
    }

    /** This URL signed with {@code sasToken} (a query such as {@code sv=...&sig=...}), unless it has a SAS already. */
    public BlobStagingUrl withSasTokenIfNone(String sasToken) {
        if (!this.sasToken.isEmpty() || sasToken == null || sasToken.isBlank()) {
            return this;
        }
        String token = sasToken.strip();
        return new BlobStagingUrl(
                accountUrl, accountName, container, path, token.startsWith("?") ? token.substring(1) : token);
    }

    /** This URL with {@code relative} appended to its path; the SAS token goes along. */
    public BlobStagingUrl resolve(String relative) {
        String child = trimSlashes(relative);
        String joined = path.isEmpty() ? child : child.isEmpty() ? path : path + "/" + child;
        return new BlobStagingUrl(accountUrl, accountName, container, joined, sasToken);
    }

    /** This URL with the last {@code levels} segments of its path removed. */
    public BlobStagingUrl parent(int levels) {
        String[] segments = path.isEmpty() ? new String[0] : path.split("/");
        if (levels > segments.length) {
            throw new IllegalArgumentException(display() + " has fewer than " + levels + " path segments");
        }
        String parent = String.join("/", java.util.Arrays.copyOf(segments, segments.length - levels));
        return new BlobStagingUrl(accountUrl, accountName, container, parent, sasToken);
    }

    /** The last segment of the path, or empty for the container itself. */
    public String name() {
        int slash = path.lastIndexOf('/');
        return path.substring(slash + 1);
    }

    /** The URL without its query: safe for logs, reports and messages. */
    public String display() {
        return accountUrl + "/" + container + (path.isEmpty() ? "" : "/" + path);
    }

    @Override
    public String toString() {
        return display();
    }

    private static String trimSlashes(String value) {
        if (value == null) {
            return "";
        }
        String trimmed = value;
        while (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }
}
