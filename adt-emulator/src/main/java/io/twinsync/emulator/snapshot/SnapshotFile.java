package io.twinsync.emulator.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.emulator.json.EmulatorJson;
import io.twinsync.emulator.store.EmulatorStore;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A snapshot of the store in one JSON file, with any {@link SnapshotSection}s beside the graph. Saving writes a
 * temporary file beside it and renames it over the old one, so a crash never leaves half a snapshot. Saves are
 * serialised so that two never share the temporary file.
 */
public final class SnapshotFile {

    private static final Logger log = LoggerFactory.getLogger(SnapshotFile.class);

    private final Path file;
    private final List<SnapshotSection> sections;

    public SnapshotFile(Path file) {
        this(file, List.of());
    }

    public SnapshotFile(Path file, List<SnapshotSection> sections) {
        this.file = file.toAbsolutePath();
        this.sections = List.copyOf(sections);
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
            sections.forEach(section -> section.restore(snapshot.path(section.name())));
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
        ObjectNode snapshot = store.snapshots().export();
        sections.forEach(section -> snapshot.set(section.name(), section.export()));
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
