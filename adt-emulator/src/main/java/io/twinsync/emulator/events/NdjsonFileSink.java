package io.twinsync.emulator.events;

import io.twinsync.emulator.json.EmulatorJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends each delivered notification to a file as one JSON line (NDJSON): the CloudEvents attributes, {@code data},
 * {@code routeId} and {@code endpointName}. The file is appended to, never truncated, so it reads like an Event Hub
 * that keeps what earlier runs sent; delete it to start afresh.
 */
public final class NdjsonFileSink implements NotificationSink {

    private final Path file;
    private final Writer out;

    /** Opens (or creates, with its folders) the file for appending; fails at once if that is impossible. */
    public NdjsonFileSink(Path file) {
        this.file = file.toAbsolutePath();
        try {
            Path parent = this.file.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            this.out = Files.newBufferedWriter(
                    this.file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot open the events file " + this.file + " for appending: " + e.getMessage()
                            + "; choose a writable file (not a folder)",
                    e);
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public void deliver(Notification notification, EventRoute route) throws IOException {
        out.write(EmulatorJson.mapper().writeValueAsString(notification.toJson(route)));
        out.write('\n');
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
