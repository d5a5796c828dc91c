package io.twinsync.emulator.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Locale;

/**
 * Reads an import job's input file and writes its log. {@link #standard()} understands {@code file:} URIs (local
 * files, for runs without any storage) and {@code http(s):} Blob Storage URLs (Azure or Azurite, authorised by the
 * SAS token in the URL, if any).
 */
public interface BlobTransport {

    /** Opens the blob or file for reading; the caller closes the stream. */
    InputStream open(URI uri) throws IOException;

    /** Creates or replaces the blob or file with this content. */
    void write(URI uri, byte[] content) throws IOException;

    /** Local files and Blob Storage over HTTP, chosen by the URI's scheme. */
    static BlobTransport standard() {
        FileBlobTransport files = new FileBlobTransport();
        HttpBlobTransport blobs = new HttpBlobTransport();
        return new BlobTransport() {
            @Override
            public InputStream open(URI uri) throws IOException {
                return pick(uri).open(uri);
            }

            @Override
            public void write(URI uri, byte[] content) throws IOException {
                pick(uri).write(uri, content);
            }

            private BlobTransport pick(URI uri) throws IOException {
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                return switch (scheme) {
                    case "file" -> files;
                    case "http", "https" -> blobs;
                    default ->
                        throw new IOException("Unsupported URI scheme '" + scheme + "' in " + redact(uri)
                                + "; use a Blob Storage URL (https://...) or a file: URI");
                };
            }
        };
    }

    /** The URI without its query, so that a SAS token never reaches a log or an error message. */
    static String redact(URI uri) {
        String text = uri.toString();
        int query = text.indexOf('?');
        return query < 0 ? text : text.substring(0, query) + "?<query hidden>";
    }
}
