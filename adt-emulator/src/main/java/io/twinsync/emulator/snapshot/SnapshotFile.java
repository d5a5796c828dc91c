package io.twinsync.emulator.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsync.emulator.json.EmulatorJson;
import io.twinsync.emulator.store.EmulatorStore;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A snapshot of the store in one JSON file. Saving writes a temporary file beside it and renames it over the old
 * one, so a crash never leaves half a snapshot. Saves are serialised so that two never share the temporary file.
 */
public final class SnapshotFile {

    private static final Logger log = LoggerFactory.getLogger(SnapshotFile.class);

    private final Path file;

    public SnapshotFile(Path file) {
        this.file = file.toAbsolutePath();
    }

    public Path path() {
        return file;
    }

    /** Loads the snapshot into the store if the file exists; returns whether it did. */
    public boolean loadInto(EmulatorStore store) {
        if (!Files.exists(file)) {
            return false;
        }
        try {
            JsonNode snapshot = EmulatorJson.mapper().readTree(file.toFile());
            store.snapshots().replaceWith(snapshot);
            log.info("ADT emulator: loaded snapshot {}", file);
            return true;
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(
                    "Could not load the ADT emulator snapshot " + file + ": " + e.getMessage()
                            + ". Fix or delete the file to start empty.",
                    e);
        }
    }

    public synchronized void save(EmulatorStore store) {
        JsonNode snapshot = store.snapshots().export();
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".partial");
            try (OutputStream out = Files.newOutputStream(temporary)) {
                EmulatorJson.mapper().writerWithDefaultPrettyPrinter().writeValue(out, snapshot);
            }
            move(temporary);
            log.debug("ADT emulator: saved snapshot {}", file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save the ADT emulator snapshot to " + file, e);
        }
    }

    private void move(Path temporary) throws IOException {
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
