package io.twinsync.emulator.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** {@code file:} URIs: the input is a local file; the log replaces the target file atomically. */
final class FileBlobTransport implements BlobTransport {

    @Override
    public InputStream open(URI uri) throws IOException {
        Path file = Path.of(uri);
        try {
            return Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new IOException("The file " + file + " does not exist", e);
        }
    }

    @Override
    public void write(URI uri, byte[] content) throws IOException {
        Path file = Path.of(uri).toAbsolutePath();
        // A container must exist for a blob; for a local file, creating the folder is the helpful equivalent.
        Files.createDirectories(file.getParent());
        Path temporary =
                Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            Files.write(temporary, content);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
