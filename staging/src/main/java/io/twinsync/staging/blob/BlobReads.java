package io.twinsync.staging.blob;

import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.ConsistentReadControl;
import com.azure.storage.blob.options.BlobInputStreamOptions;
import io.twinsync.staging.StagingException;
import java.io.InputStream;
import java.util.Optional;

/** Reads blobs as streams: one request for a small file, 4 MB ranges for a large one, all of one version. */
final class BlobReads {

    private static final int CHUNK = 4 * 1024 * 1024;

    private BlobReads() {}

    /** The blob's content, or empty when there is no such blob. */
    static Optional<InputStream> open(BlobClient blob, String display) {
        try {
            // The first range is fetched here, so a missing blob is known now, and a small one costs one request.
            // ETag consistency makes the later ranges of a large blob fail rather than mix two versions.
            return Optional.of(blob.openInputStream(new BlobInputStreamOptions()
                    .setBlockSize(CHUNK)
                    .setConsistentReadControl(ConsistentReadControl.ETAG)));
        } catch (BlobStorageException e) {
            if (BlobErrors.isNotFound(e)) {
                return Optional.empty();
            }
            throw BlobErrors.failure("Cannot read " + display, display, e);
        } catch (RuntimeException e) {
            throw BlobErrors.failure("Cannot read " + display, display, e);
        }
    }

    static boolean exists(BlobClient blob, String display) {
        try {
            return blob.exists();
        } catch (RuntimeException e) {
            throw BlobErrors.failure("Cannot check " + display, display, e);
        }
    }

    static void delete(BlobClient blob, String display) {
        try {
            blob.deleteIfExists();
        } catch (RuntimeException e) {
            throw BlobErrors.failure("Cannot delete " + display, display, e);
        }
    }

    /** Checks a path given by a caller: relative, with no {@code .} or {@code ..} segments and no empty ones. */
    static String checkRelative(String path, String where) {
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (trimmed.isEmpty() || trimmed.startsWith("/") || trimmed.contains("\\")) {
            throw new StagingException("Path '" + path + "' points outside " + where + "; staging paths are relative");
        }
        for (String segment : trimmed.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new StagingException(
                        "Path '" + path + "' points outside " + where + "; staging paths are relative");
            }
        }
        return path;
    }
}
